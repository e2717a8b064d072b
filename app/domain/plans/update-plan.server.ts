import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { planActions, planPulls, plans, type PlanLegendEntry } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden, notFound } from "~/domain/errors";
import { canEditPlans } from "~/policies/plans";
import type { PlanDetails } from "./plan-input";
import { isPlanId } from "./get-plan.server";
import { projectPulls } from "./project-plan.server";
import { loadWritablePlan } from "./writable-plan.server";

/** Changes a plan's details (kind stays), or its status legend. */
export async function updatePlan(
  database: Database,
  actor: Actor,
  planId: string,
  change: { details?: Omit<PlanDetails, "kind">; legend?: PlanLegendEntry[] },
): Promise<void> {
  if (!canEditPlans(actor.active.role)) throw forbidden("Only equality leads and contributors can change plans");
  if (!isPlanId(planId)) throw notFound("No such plan");
  await withTenant(database, tenantOf(actor), async (tx) => {
    const plan = await loadWritablePlan(tx, planId, "update");
    await tx
      .update(plans)
      .set({ ...(change.details ?? {}), ...(change.legend ? { legend: change.legend } : {}), updatedAt: new Date() })
      .where(eq(plans.id, planId));
    if (change.legend) {
      // The roll-up carries status labels: rewrite it under the new legend.
      const actions = await tx
        .select({ key: planActions.rowKey, source: planActions.source, status: planActions.status, currentDue: planActions.currentDue })
        .from(planActions)
        .where(eq(planActions.planId, planId));
      await tx.delete(planPulls).where(eq(planPulls.planId, planId));
      await projectPulls(tx, { planId, collaborativeId: plan.collaborativeId, orgId: plan.orgId }, change.legend, actions);
    }
  });
}
