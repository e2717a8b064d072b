import { describe, expect, it } from "vitest";
import { ASSESSMENT_PHASES } from "#db/schema";
import { canDeleteAssessment, gradeFingerprint } from "./grading";
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

describe("a grade's fingerprint (two people grading at once)", () => {
  const slot = { value: 2, rationale: "Line one\nLine two", agreed: false, evidenceIds: ["B", "a"] };
  it("is the same for the grade as stored and as a browser sends it back (CRLF, case, order, duplicates)", () => {
    expect(gradeFingerprint({ ...slot, rationale: "Line one\r\nLine two ", evidenceIds: ["a", "b", "a"] })).toBe(gradeFingerprint(slot));
  });
  it("changes with the value, the rationale, the agreement and the evidence; a cleared slot is none", () => {
    const prints = [slot, { ...slot, value: 3 }, { ...slot, rationale: "Other" }, { ...slot, agreed: true }, { ...slot, evidenceIds: ["a"] }].map(gradeFingerprint);
    expect(new Set(prints).size).toBe(5);
    expect(gradeFingerprint(null)).toBe("none");
    expect(gradeFingerprint({ ...slot, value: null })).toBe("none");
  });
});
