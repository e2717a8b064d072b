import type { PolicyActor } from "./members";

/**
 * A collaborative admin adds new member organisations to their own collaborative (and only
 * there: the database's peff_add_member_organisation, migration 0042, attaches it to the active
 * collaborative and checks the same). Joining an organisation that already belongs to another
 * collaborative is an operator's change, as rejoining is.
 */
export const ADD_ORGANISATION_REFUSED = "Only a collaborative admin can add an organisation to the collaborative";

export function canAddOrganisation(actor: PolicyActor): boolean {
  return actor.role === "collaborative_admin";
}

/** Names are compared as people read them: ignoring case and runs of spaces. */
export function sameOrganisationName(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
  return norm(a) === norm(b);
}

/**
 * An organisation's details (name, type, ODS code, contact details) are changed by its own
 * equality lead, or by a collaborative admin while it is a current member of the admin's
 * collaborative. Once it has left, they are no longer that admin's to change (as its people are
 * not: migration 0033), though it keeps its own equality lead and its other collaboratives. The
 * database's organisations_update policy says the same (migrations 0001 and 0043).
 */
export interface OrganisationMembership {
  orgId: string;
  /** When it left the actor's active collaborative, or null while a current member. */
  leftOn: string | null;
}

export function canEditOrganisation(actor: PolicyActor, org: OrganisationMembership): boolean {
  if (actor.role === "equality_lead") return actor.orgId === org.orgId;
  return actor.role === "collaborative_admin" && org.leftOn === null;
}

/** What the page tells someone who cannot change an organisation's details: who can. */
export function whoEditsOrganisation(name: string, org: OrganisationMembership): string {
  return org.leftOn === null
    ? `Only ${name}'s equality lead or a collaborative admin can change its details`
    : `${name} has left this collaborative: its details are now changed by its own equality lead, or an admin of a collaborative it still belongs to`;
}
