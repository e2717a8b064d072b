import { describe, expect, it } from "vitest";
import { canChangeRole, canInvite, canManageMembersOf, canRemoveMember, grantableRoles, type PolicyActor } from "./members";

const admin: PolicyActor = { userId: "u-admin", orgId: "org-1", collaborativeId: "c", role: "collaborative_admin" };
const lead: PolicyActor = { userId: "u-lead", orgId: "org-1", collaborativeId: "c", role: "equality_lead" };
const contributor: PolicyActor = { userId: "u-c", orgId: "org-1", collaborativeId: "c", role: "contributor" };

describe("member policies", () => {
  it("admins manage every organisation, leads their own, others none", () => {
    expect(canManageMembersOf(admin, "org-2")).toBe(true);
    expect(canManageMembersOf(lead, "org-1")).toBe(true);
    expect(canManageMembersOf(lead, "org-2")).toBe(false);
    expect(canManageMembersOf(contributor, "org-1")).toBe(false);
  });
  it("only admins grant collaborative-wide roles", () => {
    expect(grantableRoles(admin)).toContain("collaborative_admin");
    expect(grantableRoles(lead)).not.toContain("collaborative_admin");
    expect(grantableRoles(lead)).not.toContain("regional_lead");
    expect(grantableRoles(lead)).toContain("equality_lead");
    expect(grantableRoles(contributor)).toEqual([]);
    expect(canInvite(lead, "org-1", "regional_lead")).toBe(false);
    expect(canInvite(lead, "org-1", "viewer")).toBe(true);
  });
  it("nobody changes or removes themselves, and leads cannot touch admins", () => {
    expect(canChangeRole(lead, { userId: "u-lead", orgId: "org-1", role: "equality_lead" }, "viewer")).toBe(false);
    expect(canRemoveMember(admin, { userId: "u-admin", orgId: "org-1", role: "collaborative_admin" })).toBe(false);
    expect(canRemoveMember(lead, { userId: "u-admin", orgId: "org-1", role: "collaborative_admin" })).toBe(false);
    expect(canRemoveMember(lead, { userId: "u-x", orgId: "org-1", role: "viewer" })).toBe(true);
    expect(canChangeRole(lead, { userId: "u-x", orgId: "org-1", role: "viewer" }, "regional_lead")).toBe(false);
  });
});
