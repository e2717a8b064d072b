import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { memberships, type Role } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { forbidden, isPermissionDenied } from "~/domain/errors";
import { revokeInvitationsBeyondReach } from "~/domain/invitations/inviter-rights.server";
import { canChangeRole } from "~/policies/members";
import { holdMembershipChange, keepAnAdmin } from "./hold-membership.server";

/**
 * Changes a member's role. Takes effect on their next request: roles are read per request, not
 * cached in the session. Links they made that the new role could not make are withdrawn. Judged
 * with the actor's role as it stands under the collaborative's members lock, so two admins
 * demoting each other at once cannot leave it without an admin (hold-membership.server.ts).
 */
export async function changeMemberRole(database: Database, actor: Actor, membershipId: string, role: Role): Promise<void> {
  try {
    await withTenant(database, tenantOf(actor), async (tx) => {
      const { member, who, reach } = await holdMembershipChange(tx, actor, membershipId);
      if (!canChangeRole(who, member, role, reach)) throw forbidden("You cannot give that member that role");
      await keepAnAdmin(tx, actor, member, role);
      const updated = await tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId)).returning({ id: memberships.id });
      if (updated.length === 0) throw forbidden("You cannot give that member that role");
      await revokeInvitationsBeyondReach(tx, member.userId, member.orgId);
    });
  } catch (error) {
    if (isPermissionDenied(error)) throw forbidden("You cannot give that member that role");
    throw error;
  }
}
