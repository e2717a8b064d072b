import { describe, expect, it } from "vitest";
import { ASSESSMENT_PHASES } from "#db/schema";
import { todayIso } from "~/lib/plan/dates";
import { canDeleteAssessment, deadlineStatus, gradeFingerprint } from "./grading";
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

describe("an assessment's publication deadline", () => {
  const due = (phase: (typeof ASSESSMENT_PHASES)[number], publicationDeadline: string | null = "2025-02-28") => ({ phase, publicationDeadline });
  it("is overdue the day after it passes unpublished, in every phase before published; due on the day itself", () => {
    expect(ASSESSMENT_PHASES.filter((p) => deadlineStatus(due(p), "2025-03-01") === "overdue")).toEqual(["gathering_evidence", "grading", "agreed"]);
    expect(deadlineStatus(due("grading"), "2025-02-28")).toBe("due");
    expect(deadlineStatus(due("agreed"), "2024-12-31")).toBe("due");
  });
  it("is never overdue once published, however late", () => {
    expect(deadlineStatus(due("published"), "2030-01-01")).toBe("published");
    expect(deadlineStatus(due("published", null), "2030-01-01")).toBe("published");
  });
  it("says when there is none", () => {
    expect(deadlineStatus(due("grading", null), "2030-01-01")).toBe("no-deadline");
  });
  it("is judged on the day in England: half past eleven at night UTC in British Summer Time is already tomorrow", () => {
    const late = new Date("2025-06-30T23:30:00Z");
    expect(deadlineStatus(due("grading", "2025-06-30"), late.toISOString().slice(0, 10))).toBe("due");
    expect(deadlineStatus(due("grading", "2025-06-30"), todayIso(late))).toBe("overdue");
  });
});
