import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "#db/client";
import { collaborativeMembers, invitations, memberships, type Role } from "#db/schema";
import { loadRoleReachFor } from "~/domain/members/role-reach.server";
import { canInvite, type RoleReach } from "~/policies/members";

interface Issued {
  collaborativeId: string;
  orgId: string;
  role: Role;
}

/**
 * Whether the person who made an invitation could still make it now: an invitation is only as good
 * as its inviter's rights, so a lead who is removed (or demoted) cannot come back, or bring
 * someone in, through a link made before.
 */
export async function inviterCanStillIssue(db: Db | Tx, createdBy: string | null, invitation: Issued): Promise<boolean> {
  return (await inviterCanIssueEach(db, createdBy, [invitation]))[0]!;
}

/** The same for several grants by one person, in three queries whatever their number (the members page judges every row). */
export async function inviterCanIssueEach(db: Db | Tx, createdBy: string | null, issued: readonly Issued[]): Promise<boolean[]> {
  if (!createdBy || issued.length === 0) return issued.map(() => false);
  const contexts = await actingContexts(db, createdBy, [...new Set(issued.map((i) => i.collaborativeId))]);
  // A collaborative-wide role needs its inviter to be admin wherever the organisation is (migration 0018).
  const reach = await loadRoleReachFor(db, createdBy, issued.map((i) => i.orgId));
  return issued.map((invitation) => contexts.some((c) => mayIssue(createdBy, c, invitation, reach)));
}

/**
 * Withdraws the pending invitations `userId` made in the collaboratives of `orgId` that they could
 * no longer make, after their membership of `orgId` was removed or its role changed. Run inside the
 * transaction that made the change, so no link survives it. That transaction runs under RLS as the
 * person making the change, so it reaches only invitations of their active collaborative;
 * acceptance checks `inviterCanStillIssue` as well, which covers the rest.
 */
export async function revokeInvitationsBeyondReach(tx: Tx, userId: string, orgId: string): Promise<void> {
  const collaborativeIds = (
    await tx.select({ id: collaborativeMembers.collaborativeId }).from(collaborativeMembers).where(eq(collaborativeMembers.orgId, orgId))
  ).map((r) => r.id);
  if (collaborativeIds.length === 0) return;
  const pending = await tx
    .select({ id: invitations.id, collaborativeId: invitations.collaborativeId, orgId: invitations.orgId, role: invitations.role })
    .from(invitations)
    .where(
      and(
        eq(invitations.createdBy, userId),
        inArray(invitations.collaborativeId, collaborativeIds),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  if (pending.length === 0) return;
  const contexts = await actingContexts(tx, userId, collaborativeIds);
  const reach = await loadRoleReachFor(tx, userId, pending.map((inv) => inv.orgId));
  const stale = pending.filter((inv) => !contexts.some((c) => mayIssue(userId, c, inv, reach))).map((inv) => inv.id);
  if (stale.length === 0) return;
  // Pending re-checked in the update: a row locked by a concurrent acceptance is re-read after it commits.
  await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(inArray(invitations.id, stale), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
}

interface Context {
  orgId: string;
  collaborativeId: string;
  role: Role;
}

/** Where the person can act from today, limited to these collaboratives (as the sign-in contexts are). */
async function actingContexts(db: Db | Tx, userId: string, collaborativeIds: string[]): Promise<Context[]> {
  return db
    .select({ orgId: memberships.orgId, collaborativeId: collaborativeMembers.collaborativeId, role: memberships.role })
    .from(memberships)
    .innerJoin(
      collaborativeMembers,
      and(eq(collaborativeMembers.orgId, memberships.orgId), inArray(collaborativeMembers.collaborativeId, collaborativeIds), isNull(collaborativeMembers.leftOn)),
    )
    .where(eq(memberships.userId, userId));
}

function mayIssue(userId: string, context: Context, invitation: Issued, reach: Map<string, RoleReach>): boolean {
  if (context.collaborativeId !== invitation.collaborativeId) return false;
  const orgReach = reach.get(invitation.orgId) ?? { orgId: invitation.orgId, orgCollaborativeIds: [], adminCollaborativeIds: [] };
  return canInvite({ userId, orgId: context.orgId, collaborativeId: context.collaborativeId, role: context.role }, invitation.orgId, invitation.role, orgReach);
}
