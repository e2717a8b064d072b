import { PLAN_EDITOR_ROLES, type Role } from "#db/schema";
import { COLLABORATIVE_ROLES } from "./roles";

/** Equality leads and contributors edit their organisation's plans; everyone else in it reads (RLS agrees). */
export function canEditPlans(role: Role): boolean {
  return (PLAN_EDITOR_ROLES as readonly Role[]).includes(role);
}

/** Who sees which organisations pulled a shared barrier, and who has not picked it up. */
export function canSeeUptakeDetail(role: Role): boolean {
  return COLLABORATIVE_ROLES.includes(role);
}
