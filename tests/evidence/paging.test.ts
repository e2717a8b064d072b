import { describe, expect, it } from "vitest";
import { MAX_PAGES, pagingOf, TOTAL_CAP } from "../../app/domain/evidence/filters";

describe("what a total means for the list's pages", () => {
  it("pages exact totals up to the cap, and only the first 1,000 beyond it", () => {
    expect(pagingOf(0, false)).toEqual({ capped: false, bounded: false, windowed: false, pages: 1 });
    expect(pagingOf(21, true)).toEqual({ capped: false, bounded: false, windowed: false, pages: 2 });
    expect(pagingOf(TOTAL_CAP, true)).toEqual({ capped: false, bounded: false, windowed: false, pages: MAX_PAGES });
    // The count stopped at the cap: "more than 1,000"; with words, the ranking covered a window.
    expect(pagingOf(TOTAL_CAP + 1, true)).toEqual({ capped: true, bounded: true, windowed: true, pages: MAX_PAGES });
    // An exact total beyond the cap (filter-only lists, from the counters).
    expect(pagingOf(31_680, false)).toEqual({ capped: false, bounded: true, windowed: false, pages: MAX_PAGES });
  });
});
