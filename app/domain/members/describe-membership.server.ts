import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { memberships, organisations, users } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";

/** A membership with the names a confirmation page needs, as visible to the acting person. */
export async function describeMembership(database: Database, actor: Actor, membershipId: string) {
  const [row] = await withTenant(database, tenantOf(actor), (tx) =>
    tx
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
      .where(eq(memberships.id, membershipId)),
  );
  if (!row) throw notFound("That member was not found");
  return row;
}
