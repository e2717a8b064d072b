import { and, eq, isNull, gt } from "drizzle-orm";
import type { Database } from "#db/client";
import { invitations, memberships, organisations, users, type Role } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { randomToken, sha256 } from "~/domain/auth/crypto.server";
import { conflict, forbidden, isPermissionDenied, notFound } from "~/domain/errors";
import { holdMembers } from "~/domain/members/hold-membership.server";
import { loadRoleReachOf } from "~/domain/members/role-reach.server";
import type { AppConfig } from "~/lib/config";
import { canInvite } from "~/policies/members";

export interface CreateInvitationInput {
  orgId: string;
  email: string;
  role: Role;
}

export interface CreatedInvitation {
  id: string;
  url: string;
  email: string;
  orgName: string;
  role: Role;
  expiresAt: Date;
}

/**
 * Creates a one-time link to join an organisation with a role. No email is sent: the link is
 * shown once to the person inviting, to copy. Earlier pending links for the same person and
 * organisation are revoked, so only the newest works.
 *
 * Judged under the members lock of the collaborative (and of the organisation's other
 * collaboratives), with the inviter's role read again under it (`holdMembers`), as role changes
 * and removals are. A role change or removal withdraws the links its person could no longer make
 * (`revokeInvitationsBeyondReach`), but only those committed when it looks. Judged with the role
 * the request began with, a link made while the inviter's demotion was in flight (its withdrawal
 * already run, this insert not yet committed; the database's policies still saw the old role)
 * escaped that: it stayed pending, listed on the members page, and would work again were the role
 * given back. Now one of the two waits for the other: a demotion that went first refuses this,
 * saying the inviter's own role has just changed; a link made first is withdrawn by the demotion.
 */
export async function createInvitation(
  database: Database,
  config: AppConfig,
  actor: Actor,
  input: CreateInvitationInput,
): Promise<CreatedInvitation> {
  const email = input.email.trim().toLowerCase();
  const token = randomToken();
  const expiresAt = new Date(Date.now() + config.invitationDays * 86_400_000);
  try {
    return await withTenant(database, tenantOf(actor), async (tx) => {
      // Judged under the members lock, with the inviter's role as it stands then (see above). First,
      // so someone removed or whose organisation has left is told that, not that it was not found.
      const { orgCollaborativeIds } = await loadRoleReachOf(tx, actor, input.orgId);
      const who = await holdMembers(tx, actor, orgCollaborativeIds);
      // Another collaborative's organisation is not found at all (RLS), before any question of rights.
      const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.orgId));
      if (!org) throw notFound("That organisation is not in this collaborative");
      // Checked in the transaction: a collaborative-wide role needs to know where the organisation's roles reach.
      if (!canInvite(who, input.orgId, input.role, await loadRoleReachOf(tx, actor, input.orgId))) {
        throw forbidden("You cannot invite someone to that organisation with that role");
      }
      const [existing] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(users.email, email), eq(memberships.orgId, input.orgId)));
      if (existing) throw conflict(`${email} is already a member of ${org.name}`, { email: "This person is already a member of the organisation" });
      await tx
        .update(invitations)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(invitations.orgId, input.orgId),
            eq(invitations.email, email),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, new Date()),
          ),
        );
      const [row] = await tx
        .insert(invitations)
        .values({
          tokenHash: sha256(token),
          collaborativeId: actor.active.collaborativeId,
          orgId: input.orgId,
          email,
          role: input.role,
          createdBy: actor.userId,
          expiresAt,
        })
        .returning({ id: invitations.id });
      return { id: row!.id, url: `${config.publicUrl}/invitations/${token}`, email, orgName: org.name, role: input.role, expiresAt };
    });
  } catch (error) {
    if (isPermissionDenied(error)) throw forbidden("You cannot invite someone to that organisation with that role");
    throw error;
  }
}
