import { and, count, eq } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { collaborativeMembers, memberships, organisations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";

export interface MemberOrganisationDetail {
  /** The row of collaborative_members. */
  memberId: string;
  orgId: string;
  name: string;
  joinedOn: string;
  leftOn: string | null;
}

/**
 * An organisation's membership of the active collaborative (RLS shows no other collaborative's),
 * or 404. `lock` holds the row until the transaction ends, for a change that depends on it.
 */
export async function getMemberOrganisation(tx: Tx, collaborativeId: string, orgId: string, lock = false): Promise<MemberOrganisationDetail> {
  if (!isUuid(orgId)) throw notFound("That organisation is not a member of this collaborative");
  const query = tx
    .select({
      memberId: collaborativeMembers.id,
      orgId: organisations.id,
      name: organisations.name,
      joinedOn: collaborativeMembers.joinedOn,
      leftOn: collaborativeMembers.leftOn,
    })
    .from(collaborativeMembers)
    .innerJoin(organisations, eq(organisations.id, collaborativeMembers.orgId))
    .where(and(eq(collaborativeMembers.collaborativeId, collaborativeId), eq(collaborativeMembers.orgId, orgId)));
  const [row] = await (lock ? query.for("update", { of: collaborativeMembers }) : query);
  if (!row) throw notFound("That organisation is not a member of this collaborative");
  return row;
}

/**
 * The same, for the leaving page, with how many people have a membership of the organisation
 * (they lose this collaborative when it leaves).
 */
export function loadMemberOrganisation(database: Database, actor: Actor, orgId: string): Promise<MemberOrganisationDetail & { people: number }> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const member = await getMemberOrganisation(tx, actor.active.collaborativeId, orgId);
    const [people] = await tx.select({ n: count() }).from(memberships).where(eq(memberships.orgId, orgId));
    return { ...member, people: Number(people?.n ?? 0) };
  });
}
