import { describe, expect, it } from "vitest";
import { bandFor, median, scoreEds2022, type RatingBand } from "./eds2022-scoring";

// The two band sets seeded by migration 0003 (read from configuration in the domain tests).
const DEFAULT: RatingBand[] = [
  { label: "Undeveloped activity", minScore: 0, maxScore: 7, colour: "#d5281b" },
  { label: "Developing activity", minScore: 8, maxScore: 21, colour: "#ffb81c" },
  { label: "Achieving activity", minScore: 22, maxScore: 32, colour: "#007f3b" },
  { label: "Excelling activity", minScore: 33, maxScore: 33, colour: "#330072" },
];
const ALTERNATIVE = DEFAULT.map((b) => (b.label.startsWith("Achieving") ? { ...b, maxScore: 30 } : b.label.startsWith("Excelling") ? { ...b, minScore: 31 } : b));

const d1 = ["1A", "1B", "1C", "1D"];
const service = (name: string, scores: number[]) => ({ serviceId: name, name, scores: Object.fromEntries(d1.map((c, i) => [c, scores[i]])) });
const others = (d2: number[], d3: number[]) => [
  { code: "2", outcomes: { "2A": d2[0], "2B": d2[1], "2C": d2[2], "2D": d2[3] } },
  { code: "3", outcomes: { "3A": d3[0], "3B": d3[1], "3C": d3[2] } },
];

describe("median", () => {
  it("takes the middle of an odd count", () => expect(median([9, 3, 7])).toBe(7));
  it("averages the two middle values of an even count", () => expect(median([4, 9, 7, 10])).toBe(8));
  it("can end in a half", () => expect(median([7, 8])).toBe(7.5));
  it("is null for nothing", () => expect(median([])).toBeNull());
});

describe("EDS 2022 score arithmetic (hand-worked)", () => {
  it("odd number of services: median of 6, 9 and 11 is 9; 9 + 8 + 6 = 23 Achieving", () => {
    // Services: A&E 1+2+1+2 = 6, Maternity 2+2+3+2 = 9, Stroke 3+3+2+3 = 11.
    const r = scoreEds2022({
      domain1Codes: d1,
      services: [service("A&E", [1, 2, 1, 2]), service("Maternity", [2, 2, 3, 2]), service("Stroke", [3, 3, 2, 3])],
      otherDomains: others([2, 2, 2, 2], [2, 2, 2]),
      bands: DEFAULT,
    });
    expect(r.services.map((s) => s.total)).toEqual([6, 9, 11]);
    expect(r.domains.map((d) => d.score)).toEqual([9, 8, 6]);
    expect(r.overall).toBe(23);
    expect(r.band?.label).toBe("Achieving activity");
    expect(r.domains[0]!.working).toBe("Median of the 3 service totals (A&E 6, Maternity 9 and Stroke 11) = 9");
    expect(r.working).toBe("Domain 1 9 + Domain 2 8 + Domain 3 6 = 23");
  });

  it("even number of services: median of 5 and 8 is 6.5; 6.5 + 8 + 7 = 21.5 stays Developing", () => {
    const r = scoreEds2022({
      domain1Codes: d1,
      services: [service("Outpatients", [1, 1, 2, 1]), service("Community", [2, 2, 2, 2])],
      otherDomains: others([2, 2, 2, 2], [3, 2, 2]),
      bands: DEFAULT,
    });
    expect(r.domains[0]!.score).toBe(6.5);
    expect(r.overall).toBe(21.5);
    expect(r.band?.label).toBe("Developing activity");
    expect(r.working).toBe("Domain 1 6.5 + Domain 2 8 + Domain 3 7 = 21.5");
  });

  it("one service counts alone", () => {
    const r = scoreEds2022({ domain1Codes: d1, services: [service("Only", [3, 3, 3, 3])], otherDomains: others([3, 3, 3, 3], [3, 3, 3]), bands: DEFAULT });
    expect(r.overall).toBe(33);
    expect(r.band?.label).toBe("Excelling activity");
  });

  it("has no overall score without a Domain 1 service, and says why", () => {
    const r = scoreEds2022({ domain1Codes: d1, services: [], otherDomains: others([1, 1, 1, 1], [1, 1, 1]), bands: DEFAULT });
    expect(r.overall).toBeNull();
    expect(r.band).toBeNull();
    expect(r.domains[0]!.working).toMatch(/at least one service/);
  });

  it("marks a domain incomplete while an outcome is unscored", () => {
    const r = scoreEds2022({ domain1Codes: d1, services: [service("S", [1, 1, 1])], otherDomains: others([1, 1, 1], [1, 1, 1]), bands: DEFAULT });
    expect(r.domains.map((d) => d.complete)).toEqual([false, false, true]);
  });
});

describe("rating bands from configuration", () => {
  it.each([
    [0, "Undeveloped activity"],
    [7, "Undeveloped activity"],
    [7.5, "Undeveloped activity"],
    [8, "Developing activity"],
    [21, "Developing activity"],
    [22, "Achieving activity"],
    [32, "Achieving activity"],
    [33, "Excelling activity"],
  ])("default set: %s is %s", (total, label) => expect(bandFor(total, DEFAULT)?.label).toBe(label));

  it.each([
    [30, "Achieving activity"],
    [30.5, "Achieving activity"],
    [31, "Excelling activity"],
    [33, "Excelling activity"],
  ])("alternative set: %s is %s", (total, label) => expect(bandFor(total, ALTERNATIVE)?.label).toBe(label));

  it("has no band above the scale", () => expect(bandFor(34, DEFAULT)).toBeNull());
});
