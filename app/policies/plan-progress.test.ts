import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN_LEGEND, type PlanLegendEntry } from "#db/schema";
import { isOverdue, isSlipped } from "./plan-progress";

const today = "2026-03-01";
const moves = (n: number) => Array.from({ length: n }, () => ({}));

describe("overdue and slipped actions", () => {
  it("is overdue when the due date has passed and the status does not mean complete", () => {
    expect(isOverdue({ currentDue: "2026-02-28", status: "amber", dueChanges: [] }, DEFAULT_PLAN_LEGEND, today)).toBe(true);
    expect(isOverdue({ currentDue: "2026-02-28", status: null, dueChanges: [] }, DEFAULT_PLAN_LEGEND, today)).toBe(true);
    expect(isOverdue({ currentDue: "2026-02-28", status: "green", dueChanges: [] }, DEFAULT_PLAN_LEGEND, today)).toBe(false);
    // Due today is not yet overdue; no date is never overdue.
    expect(isOverdue({ currentDue: today, status: "red", dueChanges: [] }, DEFAULT_PLAN_LEGEND, today)).toBe(false);
    expect(isOverdue({ currentDue: null, status: "red", dueChanges: [] }, DEFAULT_PLAN_LEGEND, today)).toBe(false);
  });

  it("follows the plan's own legend (Blue means complete in some organisations)", () => {
    const legend: PlanLegendEntry[] = [
      { key: "b", label: "Complete", colour: "blue", meaning: "complete" },
      { key: "g", label: "On track", colour: "green", meaning: "in_progress" },
    ];
    expect(isOverdue({ currentDue: "2026-01-01", status: "b", dueChanges: [] }, legend, today)).toBe(false);
    expect(isOverdue({ currentDue: "2026-01-01", status: "g", dueChanges: [] }, legend, today)).toBe(true);
  });

  it("has slipped when the due date moved more than once", () => {
    expect(isSlipped({ currentDue: null, status: null, dueChanges: moves(1) })).toBe(false);
    expect(isSlipped({ currentDue: null, status: null, dueChanges: moves(2) })).toBe(true);
  });
});
