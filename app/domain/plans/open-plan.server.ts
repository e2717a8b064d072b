import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { planActions, plans, type PlanKind, type PlanLegendEntry, type PlanObjective } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { loadRowOptions } from "~/domain/register/row-options.server";
import type { RegisterOptions } from "~/lib/register/options";
import { canEditPlans } from "~/policies/plans";
import { isPlanId } from "./get-plan.server";
import { loadCurrentSources, type CurrentSource, type SourceRef } from "./source-snapshots.server";

export interface OpenedPlan {
  id: string;
  /** The Yjs document the page edits over the collaboration socket. */
  document: string;
  kind: PlanKind;
  title: string;
  periodStart: string;
  periodEnd: string;
  objectives: PlanObjective[];
  legend: PlanLegendEntry[];
  canEdit: boolean;
  options: RegisterOptions;
  /** Pulled actions' sources as they are now, by "<kind>:<id>" (absent: removed or unshared). */
  sources: Record<string, CurrentSource>;
}

/** A plan of the active organisation, with what its page needs; null when RLS hides it. */
export async function openPlan(database: Database, actor: Actor, planId: string): Promise<OpenedPlan | null> {
  if (!isPlanId(planId)) return null;
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, planId));
    if (!plan) return null;
    const pulled = await tx
      .select({ source: planActions.source })
      .from(planActions)
      .where(and(eq(planActions.planId, planId), isNotNull(planActions.source)));
    const refs: SourceRef[] = pulled.map((p) => ({ kind: p.source!.kind, id: p.source!.id }));
    const sources = await loadCurrentSources(tx, refs);
    return {
      id: plan.id,
      document: `plan:${plan.id}`,
      kind: plan.kind,
      title: plan.title,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      objectives: plan.objectives,
      legend: plan.legend,
      canEdit: canEditPlans(actor.active.role),
      options: await loadRowOptions(tx),
      sources: Object.fromEntries(sources),
    };
  });
}
