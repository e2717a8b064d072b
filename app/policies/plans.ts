import { PLAN_EDITOR_ROLES, type Role } from "#db/schema";
import type { Refusal } from "~/lib/error-page";
import { canSeeMembersPage, type PolicyActor } from "./members";
import { aRole, COLLABORATIVE_ROLES } from "./roles";

/** Equality leads and contributors edit their organisation's plans; everyone else in it reads (RLS agrees). */
export function canEditPlans(role: Role): boolean {
  return (PLAN_EDITOR_ROLES as readonly Role[]).includes(role);
}

/** Who sees which organisations pulled a shared barrier, and who has not picked it up. */
export function canSeeUptakeDetail(role: Role): boolean {
  return COLLABORATIVE_ROLES.includes(role);
}

/** Why this person may not create a plan (canEditPlans said no), and what they can do instead: read the plans, or invite someone who can. */
export function planCreationRefusal(actor: PolicyActor, orgName: string): Refusal {
  const instead = [{ href: "/plans", text: `Read the plans of ${orgName}` }];
  if (canSeeMembersPage(actor)) instead.push({ href: "/members/invite", text: "Invite an equality lead or contributor" });
  return { message: `Only equality leads and contributors in ${orgName} create plans; you are ${aRole(actor.role)} there.`, instead };
}
