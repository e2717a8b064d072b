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

/** Only a collaborative admin grants collaborative-wide roles. */
export function grantableRoles(actor: PolicyActor): Role[] {
  if (actor.role === "collaborative_admin") return [...ROLES];
  if (actor.role === "equality_lead") return ROLES.filter((r) => !COLLABORATIVE_ROLES.includes(r));
  return [];
}

export function canInvite(actor: PolicyActor, orgId: string, role: Role): boolean {
  return canManageMembersOf(actor, orgId) && grantableRoles(actor).includes(role);
}

/** Nobody changes or removes themselves here (that is how an organisation loses its last lead). */
export function canChangeRole(actor: PolicyActor, member: MembershipRow, newRole: Role): boolean {
  return (
    member.userId !== actor.userId &&
    canManageMembersOf(actor, member.orgId) &&
    grantableRoles(actor).includes(member.role) &&
    grantableRoles(actor).includes(newRole)
  );
}

export function canRemoveMember(actor: PolicyActor, member: MembershipRow): boolean {
  return member.userId !== actor.userId && canManageMembersOf(actor, member.orgId) && grantableRoles(actor).includes(member.role);
}

/** Who sees the members page at all. */
export function canSeeMembersPage(actor: PolicyActor): boolean {
  return actor.role === "collaborative_admin" || actor.role === "equality_lead";
}
