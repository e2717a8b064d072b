import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { rowsOf, type Db, type Tx } from "#db/client";
import { collaborativeMembers, memberships } from "#db/schema";
import type { Actor } from "~/domain/auth/actor";
import type { RoleReach } from "~/policies/members";

/**
 * The collaboratives where the person is collaborative admin, through any of their memberships: the
 * acting contexts are every membership joined to the organisation's current collaboratives, the same
 * facts the database's `peff_ctx_admin_of_every_collaborative_of` reads.
 */
export function adminCollaborativesOf(actor: Pick<Actor, "contexts">): string[] {
  return [...new Set(actor.contexts.filter((c) => c.role === "collaborative_admin").map((c) => c.collaborativeId))];
}

/**
 * What the member policies need to judge collaborative-wide roles in these organisations, read in
 * the caller's tenant transaction. RLS hides an organisation's other collaboratives from the actor,
 * so they come from `member_org_collaboratives` (migration 0018), which answers for current member
 * organisations of the active collaborative only: any other organisation gets no collaboratives,
 * and so no collaborative-wide role is grantable there.
 */
export async function loadRoleReach(tx: Tx, actor: Actor, orgIds: string[]): Promise<Map<string, RoleReach>> {
  const ids = [...new Set(orgIds)];
  const rows = ids.length
    ? rowsOf<{ org_id: string; collaborative_id: string }>(
        await tx.execute(sql`select org_id::text as org_id, collaborative_id::text as collaborative_id
          from member_org_collaboratives(${`{${ids.join(",")}}`}::uuid[])`),
      )
    : [];
  const adminCollaborativeIds = adminCollaborativesOf(actor);
  return new Map(
    ids.map((orgId) => [orgId, { orgId, orgCollaborativeIds: rows.filter((r) => r.org_id === orgId).map((r) => r.collaborative_id), adminCollaborativeIds }]),
  );
}

/** The same for one organisation. */
export async function loadRoleReachOf(tx: Tx, actor: Actor, orgId: string): Promise<RoleReach> {
  return (await loadRoleReach(tx, actor, [orgId])).get(orgId)!;
}

/**
 * The same facts about `userId`, read from the tables, for code that has no Actor: invitation
 * acceptance re-checking its inviter on the owner connection, where they are complete. Under a
 * tenant transaction RLS narrows both lists to the active collaborative, which amounts to the rule
 * before migration 0018; the database's policies and acceptance still apply the whole rule.
 */
export async function loadRoleReachFor(db: Db | Tx, userId: string, orgIds: string[]): Promise<Map<string, RoleReach>> {
  const ids = [...new Set(orgIds)];
  const orgRows = ids.length
    ? await db
        .select({ orgId: collaborativeMembers.orgId, collaborativeId: collaborativeMembers.collaborativeId })
        .from(collaborativeMembers)
        .where(and(inArray(collaborativeMembers.orgId, ids), isNull(collaborativeMembers.leftOn)))
    : [];
  const adminRows = await db
    .selectDistinct({ collaborativeId: collaborativeMembers.collaborativeId })
    .from(memberships)
    .innerJoin(collaborativeMembers, and(eq(collaborativeMembers.orgId, memberships.orgId), isNull(collaborativeMembers.leftOn)))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "collaborative_admin")));
  const adminCollaborativeIds = adminRows.map((r) => r.collaborativeId);
  return new Map(
    ids.map((orgId) => [orgId, { orgId, orgCollaborativeIds: orgRows.filter((r) => r.orgId === orgId).map((r) => r.collaborativeId), adminCollaborativeIds }]),
  );
}
