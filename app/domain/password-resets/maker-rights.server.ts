import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "#db/client";
import { collaborativeMembers, memberships } from "#db/schema";
import { inviterCanStillIssue } from "~/domain/invitations/inviter-rights.server";
import { canIssuePasswordReset } from "~/policies/password-reset";

/**
 * Whether `makerId` may make (or still stands behind) a password reset link for `targetId` in the
 * collaborative. Read on the owner connection: every membership the person has counts, including
 * those in organisations the maker cannot see, since the link opens all of them.
 */
export async function makerMayReset(db: Db | Tx, makerId: string | null, collaborativeId: string, targetId: string): Promise<boolean> {
  if (!makerId) return false;
  const held = await db.select({ orgId: memberships.orgId, role: memberships.role }).from(memberships).where(eq(memberships.userId, targetId));
  const members = new Set(
    (
      await db
        .select({ orgId: collaborativeMembers.orgId })
        .from(collaborativeMembers)
        .where(and(eq(collaborativeMembers.collaborativeId, collaborativeId), isNull(collaborativeMembers.leftOn)))
    ).map((r) => r.orgId),
  );
  const judged = [];
  for (const m of held) {
    const inCollaborative = members.has(m.orgId);
    judged.push({ ...m, inCollaborative, makerCouldInvite: inCollaborative && (await inviterCanStillIssue(db, makerId, { collaborativeId, orgId: m.orgId, role: m.role })) });
  }
  return canIssuePasswordReset(makerId, targetId, judged);
}
