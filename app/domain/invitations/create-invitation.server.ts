import { and, eq, isNull, gt } from "drizzle-orm";
import type { Database } from "#db/client";
import { invitations, memberships, organisations, users, type Role } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { randomToken, sha256 } from "~/domain/auth/crypto.server";
import { conflict, forbidden, isPermissionDenied, notFound } from "~/domain/errors";
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
      // Another collaborative's organisation is not found at all (RLS), before any question of rights.
      const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.orgId));
      if (!org) throw notFound("That organisation is not in this collaborative");
      // Checked in the transaction: a collaborative-wide role needs to know where the organisation's roles reach.
      if (!canInvite(policyActor(actor), input.orgId, input.role, await loadRoleReachOf(tx, actor, input.orgId))) {
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
