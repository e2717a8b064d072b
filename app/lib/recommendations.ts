import type { ResponseDecision } from "#db/schema";
import { contextOf, hitId, scanText, type PiiHit } from "~/lib/pii/scan";

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
 * The last due date (ISO day) that counts as due soon on `today`. The one place the two weeks are
 * reckoned: `recommendationStatus` and the count in SQL (count-recommendations-to-us) both use it.
 */
export function dueSoonUntil(today: string): string {
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + DUE_SOON_DAYS);
  return soon.toISOString().slice(0, 10);
}

/**
 * Where a recommendation to an organisation stands: answered once it has a response of theirs;
 * otherwise overdue after its due date, due soon within two weeks of it, else awaiting.
 * Dates are ISO days (Europe/London's today from the caller).
 */
export function recommendationStatus(rec: { responseDue: string | null; responded: boolean }, today: string): RecommendationStatus {
  if (rec.responded) return "responded";
  if (!rec.responseDue) return "awaiting";
  if (rec.responseDue < today) return "overdue";
  return rec.responseDue <= dueSoonUntil(today) ? "due-soon" : "awaiting";
}

/** Awaiting ones first (overdue, then due soonest), responded ones after. */
export const STATUS_ORDER: Record<RecommendationStatus, number> = { overdue: 0, "due-soon": 1, awaiting: 2, responded: 3 };

/** The list of recommendations to an organisation shows at most this many, awaiting ones first: a list to work through, not an archive. */
export const RECOMMENDATIONS_LIMIT = 500;

/** How many recommendations stand in each status. */
export type StatusTally = Record<RecommendationStatus, number>;

/** The tally of a list's statuses (the home page has it counted in SQL instead). */
export function tally(statuses: readonly RecommendationStatus[]): StatusTally {
  const counts: StatusTally = { overdue: 0, "due-soon": 0, awaiting: 0, responded: 0 };
  for (const s of statuses) counts[s]++;
  return counts;
}

/** "2 response overdue, 1 awaiting response": the statuses present, most urgent first, in words. */
export function statusCounts(counts: StatusTally, only: readonly RecommendationStatus[] = ["overdue", "due-soon", "awaiting", "responded"]): string {
  return only
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(", ");
}

/** A possible piece of personal data in an answer, in context; keyed "body@<offset>-<fingerprint>" as sharing keys "summary@12-…" (hitId). */
export interface AnswerHit extends PiiHit {
  id: string;
  before: string;
  after: string;
}

/**
 * What the personal-data scan finds in an answer, which everyone who reads the recommendation
 * reads. Here, not in the domain, because the page lists the same hits (with the same ids) as
 * `respondToRecommendation` checks, from what was typed. The answer is read as it is saved: trimmed.
 */
export function answerHits(body: string): AnswerHit[] {
  const text = body.trim();
  return scanText(text).map((h) => ({ ...h, id: hitId("body", h), ...contextOf(text, h) }));
}
