import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { planActions, planPulls, plans, type PlanLegendEntry } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { DomainError, forbidden, notFound } from "~/domain/errors";
import { ensureLegendUnchanged } from "~/domain/legend-changed";
import { canEditPlans } from "~/policies/plans";
import type { PlanDetails } from "./plan-input";
import { isPlanId } from "./get-plan.server";
import { projectPulls } from "./project-plan.server";
import { loadWritablePlan } from "./writable-plan.server";

/** Refused: actions (or their steps) still have a status the new legend leaves out, by key, with how many actions. */
export class PlanStatusInUse extends DomainError {
  constructor(readonly inUse: { key: string; label: string; actions: number }[]) {
    super(422, "Some statuses you removed are still given to actions");
  }
}

/**
 * Changes a plan's details (kind stays), or its status legend. A status that actions or their
 * steps still have cannot be removed: they would show "No status", an action that was complete
 * would turn overdue and be carried into the next plan, and the roll-up would lose its progress.
 * The person is told how many actions to change first (read from the projection, at most a
 * second behind live edits), as for the shared register's legend.
 */
export async function updatePlan(
  database: Database,
  actor: Actor,
  planId: string,
  change: { details?: Omit<PlanDetails, "kind">; legend?: PlanLegendEntry[]; /** `legendFingerprint` of the legend the form was drawn with. */ loadedLegend?: string },
): Promise<void> {
  if (!canEditPlans(actor.active.role)) throw forbidden("Only equality leads and contributors can change plans");
  if (!isPlanId(planId)) throw notFound("No such plan");
  await withTenant(database, tenantOf(actor), async (tx) => {
    const plan = await loadWritablePlan(tx, planId, "update");
    if (change.legend) ensureLegendUnchanged(plan.legend, change.loadedLegend);
    const actions = change.legend
      ? await tx
          .select({ key: planActions.rowKey, source: planActions.source, status: planActions.status, currentDue: planActions.currentDue, steps: planActions.steps })
          .from(planActions)
          .where(eq(planActions.planId, planId))
      : [];
    if (change.legend) {
      // Only statuses this change removes: a key the legend had already lost does not block it.
      const kept = new Set(change.legend.map((s) => s.key));
      const removed = plan.legend.filter((s) => !kept.has(s.key));
      const inUse = removed
        .map((s) => ({ key: s.key, label: s.label, actions: actions.filter((a) => a.status === s.key || a.steps.some((step) => step.status === s.key)).length }))
        .filter((s) => s.actions > 0);
      if (inUse.length) throw new PlanStatusInUse(inUse);
    }
    await tx
      .update(plans)
      .set({ ...(change.details ?? {}), ...(change.legend ? { legend: change.legend } : {}), updatedAt: new Date() })
      .where(eq(plans.id, planId));
    if (change.legend) {
      // The roll-up carries status labels: rewrite it under the new legend.
      await tx.delete(planPulls).where(eq(planPulls.planId, planId));
      await projectPulls(tx, { planId, collaborativeId: plan.collaborativeId, orgId: plan.orgId }, change.legend, actions);
    }
  });
}
