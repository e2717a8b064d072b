import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { invitations, type Role } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { forbidden, isPermissionDenied, notFound } from "~/domain/errors";
import { loadRoleReachOf } from "~/domain/members/role-reach.server";
import { canWithdrawInvitation } from "~/policies/members";
import { isCollaborativeWide } from "~/policies/roles";

const NOT_PENDING = "That invitation is not pending, or you cannot manage it";

/**
 * Withdraws a pending invitation. RLS limits this to invitations the person may see and manage;
 * the member policy is checked first, as the members page does, so a refusal says why.
 */
export async function revokeInvitation(database: Database, actor: Actor, invitationId: string): Promise<void> {
  try {
    await withTenant(database, tenantOf(actor), async (tx) => {
      const pending = and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
      const [invitation] = await tx.select({ orgId: invitations.orgId, role: invitations.role }).from(invitations).where(pending);
      if (!invitation) throw notFound(NOT_PENDING);
      if (!canWithdrawInvitation(policyActor(actor), invitation, await loadRoleReachOf(tx, actor, invitation.orgId))) throw refusal(invitation.role);
      const updated = await tx.update(invitations).set({ revokedAt: new Date() }).where(pending).returning({ id: invitations.id });
      if (updated.length === 0) throw notFound(NOT_PENDING);
    });
  } catch (error) {
    if (isPermissionDenied(error)) throw forbidden("You cannot withdraw that invitation");
    throw error;
  }
}

/** The members page gives the same reason in place of the Withdraw button, which it does not offer here. */
const refusal = (role: Role) =>
  forbidden(
    isCollaborativeWide(role)
      ? "Only a collaborative admin in every collaborative the organisation belongs to can withdraw this invitation"
      : "You cannot withdraw that invitation",
  );
