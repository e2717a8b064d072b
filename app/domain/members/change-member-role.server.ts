import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { memberships, type Role } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { forbidden, isPermissionDenied } from "~/domain/errors";
import { revokeInvitationsBeyondReach } from "~/domain/invitations/inviter-rights.server";
import { canChangeRole } from "~/policies/members";
import { getVisibleMembership } from "./get-membership.server";
import { loadRoleReachOf } from "./role-reach.server";

/**
 * Changes a member's role. Takes effect on their next request: roles are read per request, not
 * cached in the session. Links they made that the new role could not make are withdrawn.
 */
export async function changeMemberRole(database: Database, actor: Actor, membershipId: string, role: Role): Promise<void> {
  try {
    await withTenant(database, tenantOf(actor), async (tx) => {
      const member = await getVisibleMembership(tx, membershipId);
      if (!canChangeRole(policyActor(actor), member, role, await loadRoleReachOf(tx, actor, member.orgId))) throw forbidden("You cannot give that member that role");
      const updated = await tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId)).returning({ id: memberships.id });
      if (updated.length === 0) throw forbidden("You cannot give that member that role");
      await revokeInvitationsBeyondReach(tx, member.userId, member.orgId);
    });
  } catch (error) {
    if (isPermissionDenied(error)) throw forbidden("You cannot give that member that role");
    throw error;
  }
}
