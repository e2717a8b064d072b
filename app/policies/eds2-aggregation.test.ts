import { describe, expect, it } from "vitest";
import { aggregateEds2 } from "./eds2-aggregation";

describe("EDS2 aggregation", () => {
  it("lowest: a goal is its weakest outcome and the overall grade the weakest goal", () => {
    const r = aggregateEds2("lowest", [
      { code: "1", grades: [2, 2, 1, 2, 2] },
      { code: "2", grades: [2, 2, 2, 2] },
    ]);
    expect(r.goals.map((g) => g.value)).toEqual([1, 2]);
    expect(r.overall).toBe(1);
  });
  it("median: the middle grade, rounded down", () => {
    const r = aggregateEds2("median", [{ code: "1", grades: [0, 2, 3, 1] }]);
    expect(r.goals[0]!.value).toBe(1);
  });
  it("has no overall grade while an outcome is ungraded", () => {
    const r = aggregateEds2("lowest", [{ code: "1", grades: [2, undefined] }]);
    expect(r.goals[0]).toEqual({ code: "1", value: 2, complete: false });
    expect(r.overall).toBeNull();
  });
  it("refuses an unknown rule rather than guessing", () => {
    expect(() => aggregateEds2("average-ish", [])).toThrow(/Unknown aggregation rule/);
  });
});
