import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { plans } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { isUuid } from "~/lib/ids";

export const isPlanId = (id: string | undefined): id is string => Boolean(id && isUuid(id));

/** A plan of the active organisation (its row only); null when it is not one (RLS) or the id is malformed. */
export async function getPlan(database: Database, actor: Actor, planId: string | undefined) {
  if (!isPlanId(planId)) return null;
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, planId));
    return plan ?? null;
  });
}
