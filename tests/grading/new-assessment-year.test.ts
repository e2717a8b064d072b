import { afterEach, expect, it, vi } from "vitest";

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
});

const form = (yearStart: number) => ({ frameworkCode: "EDS2022", yearStart: String(yearStart), partnership: "alone", raters: [] });

// The latest year allowed was worked out once, when the module loaded: a server started in
// December went on offering next year's option after New Year and refusing it as "in the future".
it("accepts next year's option after New Year on a server started the year before", async () => {
  vi.useFakeTimers({ now: new Date("2026-12-31T12:00:00Z"), toFake: ["Date"] });
  vi.resetModules();
  const { newAssessmentSchema } = await import("../../app/lib/grading-forms");
  expect(newAssessmentSchema.safeParse(form(2028)).success).toBe(false);
  vi.setSystemTime(new Date("2027-01-02T12:00:00Z"));
  expect(newAssessmentSchema.safeParse(form(2028)).success).toBe(true);
  const later = newAssessmentSchema.safeParse(form(2029));
  expect(later.success ? null : later.error.issues.map((i) => i.message)).toEqual(["The year cannot be in the future"]);
});
