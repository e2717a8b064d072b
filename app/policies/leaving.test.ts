import { describe, expect, it } from "vitest";
import { canRecordLeaving, leavingDateProblem, leavingLeavesNoAdmin } from "./leaving";
import type { PolicyActor } from "./members";

const admin: PolicyActor = { userId: "u-admin", orgId: "org-1", collaborativeId: "c", role: "collaborative_admin" };

describe("recording that an organisation left", () => {
  it("is for collaborative admins, about organisations other than their own", () => {
    expect(canRecordLeaving(admin, "org-2")).toBe(true);
    expect(canRecordLeaving(admin, "org-1")).toBe(false);
    for (const role of ["regional_lead", "equality_lead", "contributor", "peer_reviewer", "viewer"] as const)
      expect(canRecordLeaving({ ...admin, role }, "org-2")).toBe(false);
  });

  it("takes a date from the joining date to today, both included", () => {
    const problem = (leftOn: string) => leavingDateProblem(leftOn, "2022-07-01", "2026-12-06", "1 July 2022");
    expect(problem("2026-12-06")).toBeNull();
    expect(problem("2022-07-01")).toBeNull();
    expect(problem("2026-12-07")).toBe("The date it left must be today or in the past");
    expect(problem("2022-06-30")).toBe("The date it left must be on or after 1 July 2022, when it joined");
  });

  it("never leaves the collaborative without a collaborative admin in an organisation that stays", () => {
    expect(leavingLeavesNoAdmin(0)).toBe(true);
    expect(leavingLeavesNoAdmin(1)).toBe(false);
    expect(leavingLeavesNoAdmin(3)).toBe(false);
  });
});
