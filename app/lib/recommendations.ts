import type { ResponseDecision } from "#db/schema";

export const DECISION_LABELS: Record<ResponseDecision, string> = {
  accepted: "Accepted",
  partly_accepted: "Accepted in part",
  not_accepted: "Not accepted",
};

export type RecommendationStatus = "responded" | "overdue" | "due-soon" | "awaiting";

export const STATUS_LABELS: Record<RecommendationStatus, string> = {
  responded: "Responded",
  overdue: "Response overdue",
  "due-soon": "Response due soon",
  awaiting: "Awaiting response",
};

/** Days before its due date that a response counts as due soon. */
export const DUE_SOON_DAYS = 14;

/**
 * Where a recommendation to an organisation stands: answered once it has a response of theirs;
 * otherwise overdue after its due date, due soon within two weeks of it, else awaiting.
 * Dates are ISO days (Europe/London's today from the caller).
 */
export function recommendationStatus(rec: { responseDue: string | null; responded: boolean }, today: string): RecommendationStatus {
  if (rec.responded) return "responded";
  if (!rec.responseDue) return "awaiting";
  if (rec.responseDue < today) return "overdue";
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + DUE_SOON_DAYS);
  return rec.responseDue <= soon.toISOString().slice(0, 10) ? "due-soon" : "awaiting";
}

/** Awaiting ones first (overdue, then due soonest), responded ones after. */
export const STATUS_ORDER: Record<RecommendationStatus, number> = { overdue: 0, "due-soon": 1, awaiting: 2, responded: 3 };

/** The list of recommendations to an organisation shows at most this many, awaiting ones first: a list to work through, not an archive. */
export const RECOMMENDATIONS_LIMIT = 500;

/** "2 response overdue, 1 awaiting response": the statuses present, most urgent first, in words. */
export function statusCounts(statuses: readonly RecommendationStatus[], only: readonly RecommendationStatus[] = ["overdue", "due-soon", "awaiting", "responded"]): string {
  return only
    .map((s) => [s, statuses.filter((x) => x === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(", ");
}
