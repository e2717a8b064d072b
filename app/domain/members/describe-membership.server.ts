import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { memberships, organisations, users } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";
import { loadRoleReachOf } from "./role-reach.server";

/**
 * A membership with the names a confirmation page needs, as visible to the acting person, and where
 * its role reaches (for the member policies).
 */
export async function describeMembership(database: Database, actor: Actor, membershipId: string) {
  if (!isUuid(membershipId)) throw notFound("That member was not found");
  const [row, reach] = await withTenant(database, tenantOf(actor), async (tx) => {
    const [found] = await tx
      .select({
        id: memberships.id,
        userId: memberships.userId,
        orgId: memberships.orgId,
        role: memberships.role,
        name: users.name,
        email: users.email,
        orgName: organisations.name,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organisations, eq(organisations.id, memberships.orgId))
      .where(eq(memberships.id, membershipId));
    return [found, found ? await loadRoleReachOf(tx, actor, found.orgId) : null] as const;
  });
  if (!row || !reach) throw notFound("That member was not found");
  return { ...row, reach };
}
