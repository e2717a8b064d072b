import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, invitations, memberships, organisations, users, type OrganisationType, type Role } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { forbidden } from "~/domain/errors";
import { targetsMakerMayReset } from "~/domain/password-resets/maker-rights.server";
import { canSeeMembersPage, type RoleReach } from "~/policies/members";
import { loadRoleReach } from "./role-reach.server";

export interface MemberRow {
  membershipId: string;
  userId: string;
  name: string;
  jobTitle: string | null;
  email: string;
  role: Role;
  since: Date;
  /** Whether the acting person may make this person a password reset link (app/policies/password-reset.ts). */
  mayReset: boolean;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
}

export interface OrganisationMembers {
  orgId: string;
  orgName: string;
  orgType: OrganisationType;
  members: MemberRow[];
  invitations: PendingInvitation[];
  /** For the member policies: where roles given in this organisation reach. */
  reach: RoleReach;
}

/**
 * The members page: every member organisation for a collaborative admin, the person's own
 * organisation for an equality lead.
 */
export async function listMembers(database: Database, actor: Actor): Promise<OrganisationMembers[]> {
  const who = policyActor(actor);
  if (!canSeeMembersPage(who)) throw forbidden("Only collaborative admins and equality leads manage members");
  const orgs = await withTenant(database, tenantOf(actor), async (tx) => {
    const orgs = await tx
      .select({ orgId: organisations.id, orgName: organisations.name, orgType: organisations.type })
      .from(collaborativeMembers)
      .innerJoin(organisations, eq(organisations.id, collaborativeMembers.orgId))
      .where(
        and(
          eq(collaborativeMembers.collaborativeId, actor.active.collaborativeId),
          isNull(collaborativeMembers.leftOn),
          who.role === "collaborative_admin" ? undefined : eq(organisations.id, who.orgId),
        ),
      )
      .orderBy(asc(organisations.name));
    const orgIds = orgs.map((o) => o.orgId);
    if (orgIds.length === 0) return [];
    const people = await tx
      .select({
        membershipId: memberships.id,
        orgId: memberships.orgId,
        userId: users.id,
        name: users.name,
        jobTitle: users.jobTitle,
        email: users.email,
        role: memberships.role,
        since: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(inArray(memberships.orgId, orgIds))
      .orderBy(asc(users.name));
    const pending = await tx
      .select({ id: invitations.id, orgId: invitations.orgId, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(
        and(
          inArray(invitations.orgId, orgIds),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .orderBy(asc(invitations.email));
    const reach = await loadRoleReach(tx, actor, orgIds);
    return orgs.map((o) => ({
      ...o,
      members: people.filter((p) => p.orgId === o.orgId).map(({ orgId: _orgId, ...m }) => m),
      invitations: pending.filter((p) => p.orgId === o.orgId).map(({ orgId: _orgId, ...i }) => i),
      reach: reach.get(o.orgId)!,
    }));
  });
  // Judged on the owner connection, as the link itself is: a person's memberships the actor cannot
  // see count too. Only a yes or no per person leaves here.
  const resettable = await targetsMakerMayReset(
    database.db,
    actor.userId,
    actor.active.collaborativeId,
    orgs.flatMap((o) => o.members.map((m) => m.userId)),
  );
  return orgs.map((o) => ({ ...o, members: o.members.map((m) => ({ ...m, mayReset: resettable.has(m.userId) })) }));
}
