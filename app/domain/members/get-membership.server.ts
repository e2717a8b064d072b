import { eq } from "drizzle-orm";
import type { Tx } from "#db/client";
import { memberships } from "#db/schema";
import { notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";

/** A membership as visible to the acting person (RLS decides), or 404. */
export async function getVisibleMembership(tx: Tx, membershipId: string) {
  if (!isUuid(membershipId)) throw notFound("That member was not found");
  const [row] = await tx
    .select({ id: memberships.id, userId: memberships.userId, orgId: memberships.orgId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.id, membershipId));
  if (!row) throw notFound("That member was not found");
  return row;
}
