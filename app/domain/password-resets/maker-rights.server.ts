import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "#db/client";
import { collaborativeMembers, memberships } from "#db/schema";
import { inviterCanIssueEach } from "~/domain/invitations/inviter-rights.server";
import { canIssuePasswordReset } from "~/policies/password-reset";

/**
 * Whether `makerId` may make (or still stands behind) a password reset link for `targetId` in the
 * collaborative. Read on the owner connection: every membership the person has counts, including
 * those in organisations the maker cannot see, since the link opens all of them.
 */
export async function makerMayReset(db: Db | Tx, makerId: string | null, collaborativeId: string, targetId: string): Promise<boolean> {
  return (await targetsMakerMayReset(db, makerId, collaborativeId, [targetId])).has(targetId);
}

/**
 * The same for several people at once (the members page offers the link only beside those it would
 * be made for): which of `targetIds` the maker may make a link for, in a fixed number of queries.
 */
export async function targetsMakerMayReset(db: Db | Tx, makerId: string | null, collaborativeId: string, targetIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(targetIds)];
  if (!makerId || ids.length === 0) return new Set();
  const held = await db
    .select({ userId: memberships.userId, orgId: memberships.orgId, role: memberships.role })
    .from(memberships)
    .where(inArray(memberships.userId, ids));
  const members = new Set(
    (
      await db
        .select({ orgId: collaborativeMembers.orgId })
        .from(collaborativeMembers)
        .where(and(eq(collaborativeMembers.collaborativeId, collaborativeId), isNull(collaborativeMembers.leftOn)))
    ).map((r) => r.orgId),
  );
  const inCollaborative = held.filter((m) => members.has(m.orgId));
  const couldInvite = await inviterCanIssueEach(
    db,
    makerId,
    inCollaborative.map((m) => ({ collaborativeId, orgId: m.orgId, role: m.role })),
  );
  const invitable = new Set(inCollaborative.filter((_, i) => couldInvite[i]).map((m) => `${m.userId}:${m.orgId}`));
  return new Set(
    ids.filter((targetId) =>
      canIssuePasswordReset(
        makerId,
        targetId,
        held
          .filter((m) => m.userId === targetId)
          .map((m) => ({ orgId: m.orgId, role: m.role, inCollaborative: members.has(m.orgId), makerCouldInvite: invitable.has(`${m.userId}:${m.orgId}`) })),
      ),
    ),
  );
}
