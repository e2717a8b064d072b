import type { Database } from "#db/client";
import { DEFAULT_PLAN_LEGEND, plans } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden } from "~/domain/errors";
import { canEditPlans } from "~/policies/plans";
import type { PlanDetails } from "./plan-input";

/** A new plan of the active organisation, with seed 002's status legend to start from. */
export async function createPlan(database: Database, actor: Actor, details: PlanDetails): Promise<{ id: string }> {
  if (!canEditPlans(actor.active.role)) throw forbidden("Only equality leads and contributors can create plans");
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [row] = await tx
      .insert(plans)
      .values({ ...details, collaborativeId: actor.active.collaborativeId, orgId: actor.active.orgId, legend: DEFAULT_PLAN_LEGEND, createdBy: actor.userId })
      .returning({ id: plans.id });
    return { id: row!.id };
  });
}
