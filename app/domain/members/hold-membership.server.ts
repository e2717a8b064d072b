import { and, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Tx } from "#db/client";
import { takeTurn } from "#db/turns";
import { collaborativeMembers, memberships } from "#db/schema";
import { type Actor, policyActor } from "~/domain/auth/actor";
import { conflict, forbidden } from "~/domain/errors";
import { leavingLeavesNoAdmin } from "~/policies/leaving";
import { leavesNoAdmin, removesAnAdmin, type PolicyActor, type RoleReach } from "~/policies/members";
import { ROLE_LABELS, type Role } from "~/policies/roles";
import { getVisibleMembership } from "./get-membership.server";
import { loadRoleReachOf } from "./role-reach.server";

export interface HeldMembership {
  /** The membership as it stands once the lock is held. */
  member: Awaited<ReturnType<typeof getVisibleMembership>>;
  /** The acting person, with their role as it stands once the lock is held. */
  who: PolicyActor;
  /** The rules' facts about the member's organisation, read under the lock. */
  reach: RoleReach;
}

/**
 * The lock every change or removal of a membership of an organisation in the collaborative takes,
 * and so does recording that one of its organisations left and making an invitation to it. Held
 * until the transaction ends. Take it through `holdMembers`, which takes several in a fixed order.
 */
export const lockMembersOf = (tx: Tx, collaborativeId: string) => takeTurn(tx, `members:${collaborativeId}`);

/**
 * Takes the members lock of the actor's active collaborative and of each of `collaborativeIds`,
 * in a fixed order (sorted ids, so two holders never deadlock), then reads the actor's own role
 * again (`ownRoleUnchanged`): the acting person as they stand now, for the rules to judge with.
 * Anything that changed who may manage members and committed while this waited is seen from here
 * on (READ COMMITTED, the default: each statement sees what was committed before it began).
 */
export async function holdMembers(tx: Tx, actor: Actor, collaborativeIds: readonly string[] = []): Promise<PolicyActor> {
  for (const collaborativeId of [...new Set([actor.active.collaborativeId, ...collaborativeIds])].sort()) await lockMembersOf(tx, collaborativeId);
  return { ...policyActor(actor), role: await ownRoleUnchanged(tx, actor) };
}

/**
 * A membership the actor is about to change or remove, with the actor's own role and the
 * membership as they stand once this transaction holds the members lock of every collaborative
 * the member's organisation belongs to (and of the one the actor acts in), until it ends.
 *
 * A role read when the request began is not enough: two collaborative admins demoting (or
 * removing) each other at the same moment each saw the other's change uncommitted, both passed,
 * and the collaborative had no admin left. Every role change and removal takes these locks
 * first, so changes in one collaborative run one after the other, and a change that waited
 * behind one that demoted or removed the actor finds it out here (at READ COMMITTED, the default,
 * a statement after the lock sees what the other committed) and is refused, saying so. Locks are
 * taken in a fixed order (sorted ids), so two changes never deadlock. The database's policies,
 * which read the actor's role afresh in every statement, stay the last guard.
 */
export async function holdMembershipChange(tx: Tx, actor: Actor, membershipId: string): Promise<HeldMembership> {
  await ownRoleUnchanged(tx, actor);
  const seen = await getVisibleMembership(tx, membershipId);
  const before = await loadRoleReachOf(tx, actor, seen.orgId);
  const who = await holdMembers(tx, actor, before.orgCollaborativeIds);
  const member = await getVisibleMembership(tx, membershipId);
  return { member, who, reach: await loadRoleReachOf(tx, actor, member.orgId) };
}

/**
 * Refuses a change that would leave the active collaborative without a collaborative admin: the
 * membership held is its last (`newRole` null for a removal). Called under the lock, so no other
 * change can remove the admins counted here before this one commits. (With the actor's own role
 * checked under the lock as well, the actor is one of those admins; this is the invariant said
 * outright. Another collaborative of the organisation is the actor's too: the rules ask the actor
 * to be admin in every one of them to change a collaborative-wide role.)
 */
export async function keepAnAdmin(tx: Tx, actor: Actor, member: HeldMembership["member"], newRole: Role | null): Promise<void> {
  if (!removesAnAdmin(member.role, newRole)) return;
  if (leavesNoAdmin(member.role, newRole, await adminsOfActiveCollaborative(tx, actor, ne(memberships.id, member.id)))) {
    throw conflict(`${actor.active.collaborativeName} would be left without a collaborative admin, so nothing was changed. Make someone else collaborative admin first.`);
  }
}

/**
 * Refuses to record that `organisation` left the active collaborative when no collaborative admin
 * would remain in the member organisations that stay. Called under the members lock (`holdMembers`),
 * as keepAnAdmin is, and as there the invariant said outright: the actor, checked under the lock,
 * is an admin of a current member organisation that is not the one leaving (the rules never let an
 * admin record their own organisation's leaving), so through recordLeaving this holds already.
 */
export async function keepAnAdminWhenLeaving(tx: Tx, actor: Actor, organisation: { orgId: string; name: string }): Promise<void> {
  if (leavingLeavesNoAdmin(await adminsOfActiveCollaborative(tx, actor, ne(memberships.orgId, organisation.orgId)))) {
    throw conflict(
      `Recording that ${organisation.name} has left would leave ${actor.active.collaborativeName} without a collaborative admin, so nothing was changed. Make someone in another member organisation collaborative admin first.`,
    );
  }
}

/** How many collaborative admins the active collaborative's current member organisations have, leaving out the memberships `except` matches. */
async function adminsOfActiveCollaborative(tx: Tx, actor: Actor, except: SQL): Promise<number> {
  const [admins] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .innerJoin(
      collaborativeMembers,
      and(eq(collaborativeMembers.orgId, memberships.orgId), eq(collaborativeMembers.collaborativeId, actor.active.collaborativeId), isNull(collaborativeMembers.leftOn)),
    )
    .where(and(eq(memberships.role, "collaborative_admin"), except));
  return Number(admins?.n ?? 0);
}

/**
 * The actor's role in the organisation they act for, read now; refused if it is not the role their
 * request began with, or if that organisation is no longer a current member of the collaborative
 * they act in (recorded as having left: under row-level security the organisation's row of
 * collaborative_members is then hidden from its own people, so it reads as absent either way).
 */
export async function ownRoleUnchanged(tx: Tx, actor: Actor): Promise<Role> {
  const [mine] = await tx
    .select({ role: memberships.role, current: collaborativeMembers.id })
    .from(memberships)
    .leftJoin(
      collaborativeMembers,
      and(eq(collaborativeMembers.orgId, memberships.orgId), eq(collaborativeMembers.collaborativeId, actor.active.collaborativeId), isNull(collaborativeMembers.leftOn)),
    )
    .where(and(eq(memberships.userId, actor.userId), eq(memberships.orgId, actor.active.orgId)));
  if (!mine) throw forbidden(`You are no longer a member of ${actor.active.orgName}, so nothing was changed.`);
  if (!mine.current) {
    throw forbidden(
      `${actor.active.orgName} has just been recorded as having left ${actor.active.collaborativeName}, so nothing was changed. Reload the page to see what you can do now.`,
    );
  }
  if (mine.role !== actor.active.role) {
    throw forbidden(`Your own role has just changed to ${ROLE_LABELS[mine.role].toLowerCase()}, so nothing was changed. Reload the page to see what you can do now.`);
  }
  return mine.role;
}
