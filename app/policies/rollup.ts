import type { StatusMeaning } from "#db/schema";

/** How far along an action is, for choosing one status per organisation (least advanced wins). */
const ORDER: (StatusMeaning | null)[] = [
  null,
  "not_started",
  "in_progress",
  "ongoing",
  "complete",
];

export type RollupCounts = Record<StatusMeaning | "no_status", number>;

export const MEANING_WORDS: Record<keyof RollupCounts, string> = {
  complete: "complete",
  in_progress: "in progress",
  ongoing: "ongoing",
  not_started: "not started",
  no_status: "no status yet",
};

/**
 * An organisation that pulled one barrier into several actions is as far along as its least
 * advanced one: the collaborative should not read "complete" while part of the work is not.
 * `currentMeaning` applies it to the plans still worked on.
 */
export function organisationMeaning(
  meanings: (StatusMeaning | null)[]
): StatusMeaning | null {
  return meanings.reduce<StatusMeaning | null>(
    (least, m) => (ORDER.indexOf(m) < ORDER.indexOf(least) ? m : least),
    "complete"
  );
}

/**
 * An organisation's place on a barrier from all its pulled actions: those in plans still worked
 * on, when there are any (the archived plan's copy of a carried-forward action stands as it was
 * left), else those it left in archived plans. `register_pull_counts()` (migration 0032) agrees.
 */
export function currentMeaning(
  statuses: { meaning: StatusMeaning | null; planArchivedAt: string | null }[]
): StatusMeaning | null {
  const current = statuses.filter((s) => s.planArchivedAt === null);
  return organisationMeaning((current.length ? current : statuses).map((s) => s.meaning));
}

export function countMeanings(
  perOrganisation: (StatusMeaning | null)[]
): RollupCounts {
  const counts: RollupCounts = {
    complete: 0,
    in_progress: 0,
    ongoing: 0,
    not_started: 0,
    no_status: 0,
  };
  for (const m of perOrganisation) counts[m ?? "no_status"] += 1;
  return counts;
}

/** "5 organisations: 2 complete, 2 in progress, 1 not started" (zero counts left out). */
export function rollupSummary(counts: RollupCounts): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0) return "No organisation has added this to a plan yet";
  const parts = (Object.keys(MEANING_WORDS) as (keyof RollupCounts)[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${MEANING_WORDS[k]}`);
  return `${total} ${
    total === 1 ? "organisation" : "organisations"
  }: ${parts.join(", ")}`;
}
