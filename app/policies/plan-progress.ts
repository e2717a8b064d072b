import type { PlanLegendEntry, StatusMeaning } from "#db/schema";

/**
 * Whether an action is overdue or has slipped, from its dates and status alone (pure, so the plan
 * page, the home page and the tests agree). Dates are ISO strings ("2025-12-31"), compared as text.
 */
export interface ProgressFacts {
  currentDue: string | null;
  status: string | null;
  dueChanges: readonly unknown[];
}

export function meaningOf(status: string | null, legend: readonly PlanLegendEntry[]): StatusMeaning | null {
  return legend.find((s) => s.key === status)?.meaning ?? null;
}

/** A due date passed (before today) without the action being complete. */
export function isOverdue(action: ProgressFacts, legend: readonly PlanLegendEntry[], today: string): boolean {
  return action.currentDue !== null && action.currentDue < today && meaningOf(action.status, legend) !== "complete";
}

/** The due date has been moved more than once. */
export function isSlipped(action: ProgressFacts): boolean {
  return action.dueChanges.length > 1;
}
