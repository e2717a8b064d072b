import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "#db/client";
import { planActions, plans, type ActionPlanLine } from "#db/schema";
import { formatDue } from "~/lib/plan/dates";

/**
 * The lines of the organisation's EDS action plans being worked on (plans of kind "eds_action",
 * not archived) that serve EDS 2022 outcomes, one line per outcome an action serves, in outcome order. RLS shows plans to their
 * own organisation only, so this is read when the organisation previews or publishes.
 */
export async function loadActionPlanLines(tx: Tx, orgId: string): Promise<ActionPlanLine[]> {
  const rows = await tx
    .select({ legend: plans.legend, action: planActions.action, barrier: planActions.barrier, officer: planActions.responsibleOfficer, due: planActions.currentDue, status: planActions.status, outcomes: planActions.edsOutcomes })
    .from(planActions)
    .innerJoin(plans, eq(plans.id, planActions.planId))
    // Archived plans are not the current action plan (one carried forward would be listed twice).
    .where(and(eq(planActions.orgId, orgId), eq(plans.kind, "eds_action"), isNull(plans.archivedAt), sql`exists (select 1 from unnest(${planActions.edsOutcomes}) c where c like 'EDS2022:%')`))
    .orderBy(asc(plans.title), asc(planActions.position));
  const lines: ActionPlanLine[] = [];
  for (const r of rows) {
    for (const code of r.outcomes.filter((c) => c.startsWith("EDS2022:"))) {
      lines.push({
        outcomeCode: code.slice("EDS2022:".length),
        action: r.action || r.barrier,
        responsibleOfficer: r.officer,
        due: r.due ? formatDue(r.due) : null,
        status: r.legend.find((s) => s.key === r.status)?.label ?? null,
      });
    }
  }
  return lines.sort((a, b) => a.outcomeCode.localeCompare(b.outcomeCode, "en", { numeric: true }));
}
