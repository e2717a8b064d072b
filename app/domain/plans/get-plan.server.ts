import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { plans } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden, notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";
import { canEditPlans } from "~/policies/plans";

export const isPlanId = (id: string | undefined): id is string => Boolean(id && isUuid(id));

export const NO_SUCH_PLAN = "No such plan in your organisation";

/** Refuses anyone but a plan editor ("Only equality leads and contributors can <what>"), and a malformed id as no plan. */
export function ensurePlanEditor(actor: Actor, planId: string, what: string): void {
  if (!canEditPlans(actor.active.role)) throw forbidden(`Only equality leads and contributors can ${what}`);
  if (!isPlanId(planId)) throw notFound(NO_SUCH_PLAN);
}

/** A plan of the active organisation (its row only); null when it is not one (RLS) or the id is malformed. */
export async function getPlan(database: Database, actor: Actor, planId: string | undefined) {
  if (!isPlanId(planId)) return null;
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, planId));
    return plan ?? null;
  });
}
