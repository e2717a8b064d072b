import type { BarrierRollup } from "~/domain/plans/register-rollup.server";
import { formatDate } from "~/lib/labels";
import { formatDue } from "~/lib/plan/dates";
import type { Cell } from "~/lib/tabular/csv";

/** Everyone's download of the roll-up: counts of organisations per barrier, as the page shows them. */
export const PROGRESS_COUNT_HEADERS = ["Row", "Barrier", "Organisations", "Complete", "Ongoing", "In progress", "Not started", "No status yet", "Summary", "In our plans"];

export function progressCountCells(rollup: readonly BarrierRollup[]): Cell[][] {
  return rollup.map((b, i) => {
    const c = b.counts;
    const total = c.complete + c.ongoing + c.in_progress + c.not_started + c.no_status;
    return [i + 1, b.barrier, total, c.complete, c.ongoing, c.in_progress, c.not_started, c.no_status, b.summary, ourPlans(b.ours)];
  });
}

/** One of our plans holding a barrier, as the progress page's links and its download name it. */
export const ourPlanName = (o: BarrierRollup["ours"][number]) => (o.planArchived ? `${o.planTitle} (archived)` : o.planTitle);

/** Which of our plans hold the barrier ("No" for none): after a carry-forward, both plans. */
function ourPlans(ours: BarrierRollup["ours"]): string {
  const names = [...new Set(ours.map(ourPlanName))];
  return names.length ? names.join("; ") : "No";
}

/**
 * Regional leads' and admins' download: one line per organisation's pulled action, and one per
 * member organisation that has not picked the barrier up, so it can be filtered and pivoted.
 */
export const PROGRESS_DETAIL_HEADERS = ["Row", "Barrier", "Organisation", "Status", "Due", "Overdue", "Plan archived on"];

export function progressDetailCells(rollup: readonly BarrierRollup[]): Cell[][] {
  return rollup.flatMap((b, i) => {
    const row = i + 1;
    const pulled = (b.organisations ?? []).flatMap((o) =>
      o.statuses.map((s): Cell[] => [
        row,
        b.barrier,
        o.orgName,
        s.label ?? "No status yet",
        s.currentDue ? formatDue(s.currentDue) : "",
        s.overdue ? "Overdue" : "",
        s.planArchivedAt ? formatDate(s.planArchivedAt) : "",
      ]),
    );
    const missing = (b.notPickedUp ?? []).map((o): Cell[] => [row, b.barrier, o.orgName, "Not picked up", "", "", ""]);
    const lines = [...pulled, ...missing];
    return lines.length ? lines : [[row, b.barrier, "", "No member organisation", "", "", ""]];
  });
}
