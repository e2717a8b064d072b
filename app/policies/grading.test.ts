import { describe, expect, it } from "vitest";
import { ASSESSMENT_PHASES } from "#db/schema";
import { canDeleteAssessment } from "./grading";
import type { PolicyActor } from "./members";

const lead: PolicyActor = { userId: "u", orgId: "o", collaborativeId: "c", role: "equality_lead" };
const row = (phase: (typeof ASSESSMENT_PHASES)[number]) => ({ orgId: "o", collaborativeId: "c", phase });

describe("deleting an assessment", () => {
  it("is for its own organisation's lead, until the grades are agreed", () => {
    expect(ASSESSMENT_PHASES.filter((p) => canDeleteAssessment(lead, row(p)))).toEqual(["gathering_evidence", "grading"]);
  });
  it("not for anyone else, nor another organisation's lead", () => {
    expect(canDeleteAssessment({ ...lead, role: "contributor" }, row("grading"))).toBe(false);
    expect(canDeleteAssessment({ ...lead, orgId: "other" }, row("grading"))).toBe(false);
    expect(canDeleteAssessment({ ...lead, collaborativeId: "other" }, row("grading"))).toBe(false);
  });
});
