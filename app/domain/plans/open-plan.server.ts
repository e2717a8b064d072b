import { asc, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { planActions, plans, users, type PlanKind, type PlanLegendEntry, type PlanObjective } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { loadEvidenceLinkChoices } from "~/domain/evidence/link-choices.server";
import { loadRowOptions } from "~/domain/register/row-options.server";
import type { PlanAction } from "~/lib/plan/model";
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
  /** May change its actions now: a plan editor, and the plan not archived. */
  canEdit: boolean;
  /** May open its settings (archive or restore it, change its details): a plan editor. */
  canManage: boolean;
  /** When and by whom it was archived; null while it is being worked on. */
  archived: { at: string; byName: string | null } | null;
  options: RegisterOptions;
  /** Pulled actions' sources as they are now, by "<kind>:<id>" (absent: removed or unshared). */
  sources: Record<string, CurrentSource>;
  /**
   * The actions as last projected into SQL: the page shows them at once (and without JavaScript)
   * while the live document connects, then the live rows take over.
   */
  actions: PlanAction[];
}

/** A plan of the active organisation, with what its page needs; null when RLS hides it. */
export async function openPlan(database: Database, actor: Actor, planId: string): Promise<OpenedPlan | null> {
  if (!isPlanId(planId)) return null;
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [row] = await tx.select({ plan: plans, archivedByName: users.name }).from(plans).leftJoin(users, eq(users.id, plans.archivedBy)).where(eq(plans.id, planId));
    if (!row) return null;
    const { plan, archivedByName } = row;
    const rows = await tx.select().from(planActions).where(eq(planActions.planId, planId)).orderBy(asc(planActions.position));
    const actions = rows.map(({ planId: _p, collaborativeId: _c, orgId: _o, projectedAt: _t, rowKey, ...fields }): PlanAction => ({ key: rowKey, ...fields }));
    const refs: SourceRef[] = actions.filter((a) => a.source).map((a) => ({ kind: a.source!.kind, id: a.source!.id }));
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
      canEdit: canEditPlans(actor.active.role) && !plan.archivedAt,
      canManage: canEditPlans(actor.active.role),
      archived: plan.archivedAt ? { at: plan.archivedAt.toISOString(), byName: archivedByName } : null,
      options: { ...(await loadRowOptions(tx)), evidence: await loadEvidenceLinkChoices(tx, { sharedOnly: false }) },
      sources: Object.fromEntries(sources),
      actions,
    };
  });
}
