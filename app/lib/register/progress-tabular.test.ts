import { describe, expect, it } from "vitest";
import type { BarrierRollup } from "~/domain/plans/register-rollup.server";
import { PROGRESS_COUNT_HEADERS, PROGRESS_DETAIL_HEADERS, progressCountCells, progressDetailCells } from "./progress-tabular";

const counts = { complete: 1, ongoing: 0, in_progress: 1, not_started: 0, no_status: 0 };
const barrier = (over: Partial<BarrierRollup>): BarrierRollup => ({
  rowKey: "k",
  barrier: "No BSL interpreters",
  counts,
  summary: "2 organisations: 1 complete, 1 in progress",
  organisations: null,
  ours: [],
  notPickedUp: null,
  ...over,
});

describe("the register's progress as a table", () => {
  it("counts organisations per barrier, naming none", () => {
    const ours = [
      { planId: "p2", rowKey: "b", planTitle: "Plan 2024 to 2028", planArchived: false },
      { planId: "p2", rowKey: "c", planTitle: "Plan 2024 to 2028", planArchived: false },
      { planId: "p1", rowKey: "a", planTitle: "Plan 2020 to 2024", planArchived: true },
    ];
    const cells = progressCountCells([barrier({ ours }), barrier({ barrier: "Unread letters", counts: { ...counts, complete: 0, in_progress: 0 }, summary: "No organisation has added this to a plan yet" })]);
    expect(cells).toEqual([
      // Our plans by name, as the page's links say them; a plan with two actions for it named once.
      [1, "No BSL interpreters", 2, 1, 0, 1, 0, 0, "2 organisations: 1 complete, 1 in progress", "Plan 2024 to 2028; Plan 2020 to 2024 (archived)"],
      [2, "Unread letters", 0, 0, 0, 0, 0, 0, "No organisation has added this to a plan yet", "No"],
    ]);
    expect(cells[0]).toHaveLength(PROGRESS_COUNT_HEADERS.length);
  });

  it("gives regional leads a line per organisation's action, and per organisation that has not picked it up", () => {
    const cells = progressDetailCells([
      barrier({
        organisations: [
          { orgId: "a", orgName: "Trust A", meaning: "in_progress", statuses: [{ label: "In progress", colour: "amber", meaning: "in_progress", currentDue: "2025-03-31", overdue: true, planArchivedAt: null }] },
          { orgId: "b", orgName: "Trust B", meaning: "complete", statuses: [{ label: "Complete", colour: "green", meaning: "complete", currentDue: null, overdue: false, planArchivedAt: "2025-06-01T09:00:00.000Z" }] },
        ],
        notPickedUp: [{ orgId: "c", orgName: "Council C" }],
      }),
      barrier({ barrier: "Nobody's", organisations: [], notPickedUp: [] }),
    ]);
    expect(cells).toEqual([
      [1, "No BSL interpreters", "Trust A", "In progress", "31 March 2025", "Overdue", ""],
      [1, "No BSL interpreters", "Trust B", "Complete", "", "", "1 June 2025"],
      [1, "No BSL interpreters", "Council C", "Not picked up", "", "", ""],
      [2, "Nobody's", "", "No member organisation", "", "", ""],
    ]);
    expect(cells[0]).toHaveLength(PROGRESS_DETAIL_HEADERS.length);
  });
});
