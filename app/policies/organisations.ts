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
