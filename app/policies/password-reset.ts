import type { Role } from "#db/schema";

/**
 * Whoever makes a password reset link can use it themselves, and so act as that person
 * everywhere they work. So it is made only by someone who could have brought the person into every
 * one of their memberships: each membership's organisation is a current member of the
 * collaborative the link is made in, and the maker could invite to it with that role today (an
 * equality lead: their own organisation, never a collaborative-wide role; an admin: the
 * collaborative-wide roles only where they are admin of every collaborative the organisation is
 * in). Never for oneself (that is the account page), never for someone with no membership.
 * Judged when the link is made and again when it is used.
 */
export interface ResetTargetMembership {
  orgId: string;
  role: Role;
  /** The organisation is a current member of the collaborative the link is made in. */
  inCollaborative: boolean;
  /** The maker could invite someone to this organisation with this role today. */
  makerCouldInvite: boolean;
}

export function canIssuePasswordReset(makerId: string, targetId: string, memberships: readonly ResetTargetMembership[]): boolean {
  return makerId !== targetId && memberships.length > 0 && memberships.every((m) => m.inCollaborative && m.makerCouldInvite);
}

export const RESET_LINK_HOURS = 24;

export const RESET_REFUSED =
  "You cannot make a password reset link for this person: they also work in an organisation, or with a role, you do not manage. Ask a collaborative admin who manages all of their memberships.";
