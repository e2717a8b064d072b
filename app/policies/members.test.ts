import { describe, expect, it } from "vitest";
import {
  canChangeRole,
  canInvite,
  canManageMembersOf,
  canRemoveMember,
  canWithdrawInvitation,
  grantableRoles,
  leavesNoAdmin,
  removesAnAdmin,
  rolesGrantableInAny,
  withheldCollaborativeRoles,
  type PolicyActor,
  type RoleReach,
} from "./members";

const admin: PolicyActor = { userId: "u-admin", orgId: "org-1", collaborativeId: "c", role: "collaborative_admin" };
const lead: PolicyActor = { userId: "u-lead", orgId: "org-1", collaborativeId: "c", role: "equality_lead" };
const contributor: PolicyActor = { userId: "u-c", orgId: "org-1", collaborativeId: "c", role: "contributor" };

/** Organisations of collaborative "c" only, and the admin is admin of "c". */
const inC = (orgId: string): RoleReach => ({ orgId, orgCollaborativeIds: ["c"], adminCollaborativeIds: ["c"] });

describe("member policies", () => {
  it("admins manage every organisation, leads their own, others none", () => {
    expect(canManageMembersOf(admin, "org-2")).toBe(true);
    expect(canManageMembersOf(lead, "org-1")).toBe(true);
    expect(canManageMembersOf(lead, "org-2")).toBe(false);
    expect(canManageMembersOf(contributor, "org-1")).toBe(false);
  });
  it("only admins grant collaborative-wide roles", () => {
    expect(grantableRoles(admin, inC("org-1"))).toContain("collaborative_admin");
    expect(grantableRoles(lead, inC("org-1"))).not.toContain("collaborative_admin");
    expect(grantableRoles(lead, inC("org-1"))).not.toContain("regional_lead");
    expect(grantableRoles(lead, inC("org-1"))).toContain("equality_lead");
    expect(grantableRoles(contributor, inC("org-1"))).toEqual([]);
    expect(canInvite(lead, "org-1", "regional_lead", inC("org-1"))).toBe(false);
    expect(canInvite(lead, "org-1", "viewer", inC("org-1"))).toBe(true);
  });
  it("nobody manages the people of an organisation that has left the collaborative, even one still in another", () => {
    const former: RoleReach = { orgId: "org-gone", orgCollaborativeIds: [], adminCollaborativeIds: ["c"] };
    const elsewhere: RoleReach = { orgId: "org-gone", orgCollaborativeIds: ["w"], adminCollaborativeIds: ["c"] };
    for (const reach of [former, elsewhere]) {
      expect(grantableRoles(admin, reach)).toEqual([]);
      expect(canInvite(admin, "org-gone", "viewer", reach)).toBe(false);
      expect(canChangeRole(admin, { userId: "u-x", orgId: "org-gone", role: "viewer" }, "contributor", reach)).toBe(false);
      expect(canRemoveMember(admin, { userId: "u-x", orgId: "org-gone", role: "viewer" }, reach)).toBe(false);
    }
  });
  it("nobody changes or removes themselves, and leads cannot touch admins", () => {
    expect(canChangeRole(lead, { userId: "u-lead", orgId: "org-1", role: "equality_lead" }, "viewer", inC("org-1"))).toBe(false);
    expect(canRemoveMember(admin, { userId: "u-admin", orgId: "org-1", role: "collaborative_admin" }, inC("org-1"))).toBe(false);
    expect(canRemoveMember(lead, { userId: "u-admin", orgId: "org-1", role: "collaborative_admin" }, inC("org-1"))).toBe(false);
    expect(canRemoveMember(lead, { userId: "u-x", orgId: "org-1", role: "viewer" }, inC("org-1"))).toBe(true);
    expect(canChangeRole(lead, { userId: "u-x", orgId: "org-1", role: "viewer" }, "regional_lead", inC("org-1"))).toBe(false);
  });

  describe("an organisation in two collaboratives (a trust in PEFF and WEFF)", () => {
    const trust = "org-trust";
    // The admin acts in "c" (PEFF); the trust is also in "w" (WEFF).
    const adminOfCOnly: RoleReach = { orgId: trust, orgCollaborativeIds: ["c", "w"], adminCollaborativeIds: ["c"] };
    const adminOfBoth: RoleReach = { orgId: trust, orgCollaborativeIds: ["c", "w"], adminCollaborativeIds: ["c", "w"] };
    const wideMember = { userId: "u-weff-admin", orgId: trust, role: "collaborative_admin" as const };
    const viewer = { userId: "u-v", orgId: trust, role: "viewer" as const };

    it("refuses granting, changing to or from, and removing a collaborative-wide role unless admin of every collaborative", () => {
      expect(grantableRoles(admin, adminOfCOnly)).not.toContain("collaborative_admin");
      expect(grantableRoles(admin, adminOfCOnly)).not.toContain("regional_lead");
      expect(canInvite(admin, trust, "collaborative_admin", adminOfCOnly)).toBe(false);
      expect(canInvite(admin, trust, "regional_lead", adminOfCOnly)).toBe(false);
      expect(canChangeRole(admin, viewer, "collaborative_admin", adminOfCOnly)).toBe(false);
      expect(canChangeRole(admin, wideMember, "viewer", adminOfCOnly)).toBe(false);
      expect(canRemoveMember(admin, wideMember, adminOfCOnly)).toBe(false);
    });
    it("keeps the other roles as they were", () => {
      expect(canInvite(admin, trust, "equality_lead", adminOfCOnly)).toBe(true);
      expect(canChangeRole(admin, viewer, "contributor", adminOfCOnly)).toBe(true);
      expect(canRemoveMember(admin, viewer, adminOfCOnly)).toBe(true);
    });
    it("lets an admin of both collaboratives do all of it", () => {
      expect(canInvite(admin, trust, "collaborative_admin", adminOfBoth)).toBe(true);
      expect(canChangeRole(admin, viewer, "regional_lead", adminOfBoth)).toBe(true);
      expect(canChangeRole(admin, wideMember, "viewer", adminOfBoth)).toBe(true);
      expect(canRemoveMember(admin, wideMember, adminOfBoth)).toBe(true);
    });
    it("is only as good as its facts: none, or another organisation's, grant nothing collaborative-wide", () => {
      expect(canInvite(admin, trust, "collaborative_admin", { orgId: trust, orgCollaborativeIds: [], adminCollaborativeIds: ["c"] })).toBe(false);
      expect(canInvite(admin, trust, "collaborative_admin", inC("org-1"))).toBe(false);
      // A role the active context does not hold is not granted through another membership's admin rights.
      expect(canInvite(lead, trust, "collaborative_admin", adminOfBoth)).toBe(false);
    });
    it("lets withdraw an invitation only who could make it now, and names the roles the page must explain", () => {
      expect(canWithdrawInvitation(admin, { orgId: trust, role: "regional_lead" }, adminOfCOnly)).toBe(false);
      expect(canWithdrawInvitation(admin, { orgId: trust, role: "viewer" }, adminOfCOnly)).toBe(true);
      expect(canWithdrawInvitation(admin, { orgId: trust, role: "regional_lead" }, adminOfBoth)).toBe(true);
      expect(canWithdrawInvitation(lead, { orgId: "org-1", role: "regional_lead" }, inC("org-1"))).toBe(false);
      expect(canWithdrawInvitation(lead, { orgId: "org-1", role: "contributor" }, inC("org-1"))).toBe(true);
      expect(withheldCollaborativeRoles(admin, trust, adminOfCOnly)).toEqual(["collaborative_admin", "regional_lead"]);
      expect(withheldCollaborativeRoles(admin, trust, adminOfBoth)).toEqual([]);
      expect(withheldCollaborativeRoles(lead, "org-1", inC("org-1"))).toEqual(["collaborative_admin", "regional_lead"]);
      // Someone who manages nothing there has nothing withheld to explain.
      expect(withheldCollaborativeRoles(lead, trust, adminOfBoth)).toEqual([]);
      expect(withheldCollaborativeRoles(contributor, "org-1", inC("org-1"))).toEqual([]);
    });
    it("offers on the invitation form the roles grantable in some organisation", () => {
      expect(rolesGrantableInAny(admin, [adminOfCOnly])).not.toContain("collaborative_admin");
      expect(rolesGrantableInAny(admin, [adminOfCOnly, inC("org-1")])).toContain("collaborative_admin");
      expect(rolesGrantableInAny(lead, [inC("org-1")])).not.toContain("regional_lead");
    });
  });
});

describe("keeping a collaborative admin", () => {
  it("only demoting or removing an admin takes one away", () => {
    expect(removesAnAdmin("collaborative_admin", "equality_lead")).toBe(true);
    expect(removesAnAdmin("collaborative_admin", null)).toBe(true);
    expect(removesAnAdmin("collaborative_admin", "collaborative_admin")).toBe(false);
    expect(removesAnAdmin("regional_lead", null)).toBe(false);
    expect(removesAnAdmin("equality_lead", "collaborative_admin")).toBe(false);
  });
  it("refuses to take away the last one, and only the last one", () => {
    expect(leavesNoAdmin("collaborative_admin", "viewer", 0)).toBe(true);
    expect(leavesNoAdmin("collaborative_admin", null, 0)).toBe(true);
    expect(leavesNoAdmin("collaborative_admin", "viewer", 1)).toBe(false);
    expect(leavesNoAdmin("collaborative_admin", "collaborative_admin", 0)).toBe(false);
    expect(leavesNoAdmin("contributor", null, 0)).toBe(false);
  });
});
