import type { Role } from "#db/schema";

/** Roles that read shared documents but cannot change them (the RLS policies in db/schema/collab.ts agree). */
export const READ_ONLY_ROLES: readonly Role[] = ["viewer", "peer_reviewer"];

/** Every member of the collaborative edits its shared register, except read-only roles. */
export function canEditSharedRegister(role: Role): boolean {
  return !READ_ONLY_ROLES.includes(role);
}

/**
 * The register's status legend is the forum's, not one organisation's: its collaborative admins
 * and regional leads change it.
 */
export function canChangeRegisterLegend(role: Role): boolean {
  return role === "collaborative_admin" || role === "regional_lead";
}
