import { ROLES, type Role } from "#db/schema";
import { COLLABORATIVE_ROLES } from "./roles";

/** The acting person as policies see them: who, in which organisation, with which role. */
export interface PolicyActor {
  userId: string;
  orgId: string;
  collaborativeId: string;
  role: Role;
}

export interface MembershipRow {
  userId: string;
  orgId: string;
  role: Role;
}

/** A collaborative admin manages every member organisation; an equality lead manages their own. */
export function canManageMembersOf(actor: PolicyActor, orgId: string): boolean {
  if (actor.role === "collaborative_admin") return true;
  return actor.role === "equality_lead" && actor.orgId === orgId;
}

/**
 * What the rules for collaborative-wide roles need to know about one organisation, loaded by the
 * caller (app/domain/members/role-reach.server.ts). A role belongs to a person's membership of an
 * organisation and applies in every collaborative that organisation belongs to.
 */
export interface RoleReach {
  /** The organisation these facts are about. */
  orgId: string;
  /** The collaboratives the organisation currently belongs to. */
  orgCollaborativeIds: readonly string[];
  /** The collaboratives in which the actor is collaborative admin, through any of their memberships. */
  adminCollaborativeIds: readonly string[];
}

const ORGANISATION_ROLES: readonly Role[] = ROLES.filter((r) => !COLLABORATIVE_ROLES.includes(r));

/**
 * A collaborative-wide role given in an organisation reaches every collaborative the organisation
 * belongs to, so only someone who is collaborative admin in all of them grants, changes or removes
 * one there: otherwise the admin of one collaborative could make themselves (or anyone) admin of
 * another through an organisation the two share. The database's policies say the same (0018).
 */
export function canManageCollaborativeRolesIn(actor: PolicyActor, reach: RoleReach): boolean {
  return (
    actor.role === "collaborative_admin" &&
    reach.orgCollaborativeIds.length > 0 &&
    reach.orgCollaborativeIds.every((c) => reach.adminCollaborativeIds.includes(c))
  );
}

/**
 * The roles the actor may grant in the organisation `reach` describes. Equality leads never grant
 * collaborative-wide roles. None in an organisation that is not a current member of the
 * collaborative the actor acts in: once it has left, its people are no longer that collaborative's
 * admin's to change, remove or invite (they may still work through its other collaboratives).
 */
export function grantableRoles(actor: PolicyActor, reach: RoleReach): Role[] {
  if (!reach.orgCollaborativeIds.includes(actor.collaborativeId)) return [];
  if (actor.role === "collaborative_admin") return canManageCollaborativeRolesIn(actor, reach) ? [...ROLES] : [...ORGANISATION_ROLES];
  if (actor.role === "equality_lead") return [...ORGANISATION_ROLES];
  return [];
}

/** The roles the actor may grant in at least one of these organisations (what the invitation form offers). */
export function rolesGrantableInAny(actor: PolicyActor, reaches: readonly RoleReach[]): Role[] {
  return ROLES.filter((r) => reaches.some((reach) => grantableRoles(actor, reach).includes(r)));
}

/** `reach` must describe the organisation concerned; facts about another one grant nothing. */
const grantsIn = (actor: PolicyActor, orgId: string, reach: RoleReach): Role[] => (reach.orgId === orgId ? grantableRoles(actor, reach) : []);

export function canInvite(actor: PolicyActor, orgId: string, role: Role, reach: RoleReach): boolean {
  return canManageMembersOf(actor, orgId) && grantsIn(actor, orgId, reach).includes(role);
}

/**
 * A pending invitation is the grant in flight, so withdrawing one needs the right to make it now:
 * to a collaborative-wide role, that is being admin of every collaborative the organisation belongs
 * to (the database's invitations_update policy says the same, 0018).
 */
export function canWithdrawInvitation(actor: PolicyActor, invitation: { orgId: string; role: Role }, reach: RoleReach): boolean {
  return canInvite(actor, invitation.orgId, invitation.role, reach);
}

/**
 * The collaborative-wide roles that someone who manages the organisation still may not grant,
 * change or remove there (or invite to, or withdraw an invitation to): what the members page
 * explains instead of offering an action that would be refused. Empty for those who manage nothing there.
 */
export function withheldCollaborativeRoles(actor: PolicyActor, orgId: string, reach: RoleReach): Role[] {
  if (!canManageMembersOf(actor, orgId)) return [];
  const grantable = grantsIn(actor, orgId, reach);
  return COLLABORATIVE_ROLES.filter((r) => !grantable.includes(r));
}

/** Nobody changes or removes themselves here (that is how an organisation loses its last lead). */
export function canChangeRole(actor: PolicyActor, member: MembershipRow, newRole: Role, reach: RoleReach): boolean {
  const grantable = grantsIn(actor, member.orgId, reach);
  return member.userId !== actor.userId && canManageMembersOf(actor, member.orgId) && grantable.includes(member.role) && grantable.includes(newRole);
}

export function canRemoveMember(actor: PolicyActor, member: MembershipRow, reach: RoleReach): boolean {
  return member.userId !== actor.userId && canManageMembersOf(actor, member.orgId) && grantsIn(actor, member.orgId, reach).includes(member.role);
}

/** Who sees the members page at all. */
export function canSeeMembersPage(actor: PolicyActor): boolean {
  return actor.role === "collaborative_admin" || actor.role === "equality_lead";
}

/** Whether changing a membership from `role` to `newRole` (null: removing it) takes a collaborative admin away. */
export function removesAnAdmin(role: Role, newRole: Role | null): boolean {
  return role === "collaborative_admin" && newRole !== "collaborative_admin";
}

/**
 * Whether the change would leave the collaborative without a collaborative admin: it takes one
 * away and no other membership of a current member organisation holds the role
 * (`otherAdmins`, counted while the change holds the collaborative's members lock).
 */
export function leavesNoAdmin(role: Role, newRole: Role | null, otherAdmins: number): boolean {
  return removesAnAdmin(role, newRole) && otherAdmins < 1;
}
