import { describe, expect, it } from "vitest";
import { dueSoonUntil, recommendationStatus, statusCounts, tally } from "./recommendations";

describe("where a recommendation stands", () => {
  const today = "2026-12-07";
  it("is responded once answered, whatever its date", () => {
    expect(recommendationStatus({ responseDue: "2020-01-01", responded: true }, today)).toBe("responded");
  });
  it("is overdue after its due date, due soon up to 14 days before, else awaiting", () => {
    expect(recommendationStatus({ responseDue: "2026-12-06", responded: false }, today)).toBe("overdue");
    expect(recommendationStatus({ responseDue: "2026-12-07", responded: false }, today)).toBe("due-soon");
    expect(recommendationStatus({ responseDue: "2026-12-21", responded: false }, today)).toBe("due-soon");
    expect(recommendationStatus({ responseDue: "2026-12-22", responded: false }, today)).toBe("awaiting");
    expect(recommendationStatus({ responseDue: null, responded: false }, today)).toBe("awaiting");
  });
  it("counts across a month and a year end", () => {
    expect(recommendationStatus({ responseDue: "2027-01-04", responded: false }, "2026-12-21")).toBe("due-soon");
    expect(dueSoonUntil("2026-12-21")).toBe("2027-01-04");
    expect(dueSoonUntil("2028-02-20")).toBe("2028-03-05");
  });
});

describe("counting them in words", () => {
  it("names the statuses present, most urgent first, and only those asked for", () => {
    expect(statusCounts(tally(["responded", "overdue", "awaiting", "overdue"]))).toBe("2 response overdue, 1 awaiting response, 1 responded");
    expect(statusCounts(tally(["responded", "due-soon"]), ["overdue", "due-soon", "awaiting"])).toBe("1 response due soon");
    expect(statusCounts(tally([]))).toBe("");
  });
});
