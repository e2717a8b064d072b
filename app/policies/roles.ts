import type { Role } from "#db/schema";

export type { Role };

export const ROLE_LABELS: Record<Role, string> = {
  collaborative_admin: "Collaborative admin",
  regional_lead: "Regional lead",
  equality_lead: "Equality lead",
  contributor: "Contributor",
  peer_reviewer: "Peer reviewer",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  collaborative_admin: "Invites organisations and people, manages members and framework settings",
  regional_lead: "Reads every member organisation's grades, plans and evidence coverage, and compares them",
  equality_lead: "Owns the organisation's plan, grades and private evidence; invites people to the organisation",
  contributor: "Adds and tags evidence and updates the actions assigned to them",
  peer_reviewer: "Reviews and comments on other organisations' grades",
  viewer: "Reads",
};

/** "a viewer", "a collaborative admin": how a refusal names the person's role (every role's label starts with a consonant). */
export const aRole = (role: Role) => `a ${ROLE_LABELS[role].toLowerCase()}`;

/** Roles whose reach is the whole collaborative rather than one organisation. */
export const COLLABORATIVE_ROLES: readonly Role[] = ["collaborative_admin", "regional_lead"];

export function isCollaborativeWide(role: Role): boolean {
  return COLLABORATIVE_ROLES.includes(role);
}
