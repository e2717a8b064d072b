import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { memberships } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { endAllSessions } from "~/domain/auth/sign-out.server";
import { forbidden } from "~/domain/errors";
import { revokeInvitationsBeyondReach } from "~/domain/invitations/inviter-rights.server";
import type { AppConfig } from "~/lib/config";
import { canRemoveMember } from "~/policies/members";
import { holdMembershipChange, keepAnAdmin } from "./hold-membership.server";

/**
 * Removes a person from an organisation and ends all their sessions, so nothing they had open
 * keeps working under the old membership. (They can sign in again to any other organisation.)
 * Links they made that they could no longer make are withdrawn too: otherwise a lead about to be
 * removed could invite themselves back. Judged under the collaborative's members lock, as a role
 * change is (hold-membership.server.ts), so two admins removing each other at once leave one.
 */
export async function removeMember(database: Database, config: AppConfig, actor: Actor, membershipId: string): Promise<{ userId: string }> {
  const removed = await withTenant(database, tenantOf(actor), async (tx) => {
    const { member, who, reach } = await holdMembershipChange(tx, actor, membershipId);
    if (!canRemoveMember(who, member, reach)) throw forbidden("You cannot remove that member");
    await keepAnAdmin(tx, actor, member, null);
    const deleted = await tx.delete(memberships).where(eq(memberships.id, membershipId)).returning({ userId: memberships.userId });
    if (deleted.length === 0) throw forbidden("You cannot remove that member");
    await revokeInvitationsBeyondReach(tx, member.userId, member.orgId);
    return deleted[0]!;
  });
  await endAllSessions(database, config, removed.userId);
  return removed;
}
