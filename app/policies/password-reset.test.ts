import { describe, expect, it } from "vitest";
import { canIssuePasswordReset, type ResetTargetMembership } from "./password-reset";

const m = (overrides: Partial<ResetTargetMembership> = {}): ResetTargetMembership => ({ orgId: "o1", role: "contributor", inCollaborative: true, makerCouldInvite: true, ...overrides });

describe("who may make a password reset link", () => {
  it("someone who could invite the person to every membership they have", () => {
    expect(canIssuePasswordReset("maker", "person", [m(), m({ orgId: "o2", role: "viewer" })])).toBe(true);
  });
  it("not when one membership is beyond the maker, or outside the collaborative", () => {
    expect(canIssuePasswordReset("maker", "person", [m(), m({ orgId: "o2", makerCouldInvite: false })])).toBe(false);
    expect(canIssuePasswordReset("maker", "person", [m(), m({ orgId: "o3", inCollaborative: false })])).toBe(false);
  });
  it("never for oneself, nor for someone with no membership", () => {
    expect(canIssuePasswordReset("maker", "maker", [m()])).toBe(false);
    expect(canIssuePasswordReset("maker", "person", [])).toBe(false);
  });
});
