import { describe, expect, it } from "vitest";
import { countMeanings, currentMeaning, organisationMeaning, rollupSummary } from "./rollup";

describe("register roll-up", () => {
  it("writes the issue's example", () => {
    const counts = countMeanings([
      "complete",
      "complete",
      "in_progress",
      "in_progress",
      "not_started",
    ]);
    expect(rollupSummary(counts)).toBe(
      "5 organisations: 2 complete, 2 in progress, 1 not started"
    );
  });

  it("says when nobody has pulled a barrier, and counts missing statuses", () => {
    expect(rollupSummary(countMeanings([]))).toBe(
      "No organisation has added this to a plan yet"
    );
    expect(rollupSummary(countMeanings([null]))).toBe(
      "1 organisation: 1 no status yet"
    );
  });

  it("takes an organisation's least advanced action", () => {
    expect(organisationMeaning(["complete", "in_progress"])).toBe(
      "in_progress"
    );
    expect(organisationMeaning(["complete", null])).toBe(null);
    expect(organisationMeaning(["complete", "complete"])).toBe("complete");
    expect(organisationMeaning(["ongoing", "not_started"])).toBe("not_started");
  });

  it("reads an organisation's actions in plans still worked on, else those it left archived", () => {
    const archived = "2024-04-02T09:00:00.000Z";
    expect(currentMeaning([{ meaning: "in_progress", planArchivedAt: archived }, { meaning: "complete", planArchivedAt: null }])).toBe("complete");
    expect(currentMeaning([{ meaning: "complete", planArchivedAt: archived }, { meaning: null, planArchivedAt: null }])).toBe(null);
    expect(currentMeaning([{ meaning: "complete", planArchivedAt: archived }, { meaning: "ongoing", planArchivedAt: archived }])).toBe("ongoing");
  });
});
