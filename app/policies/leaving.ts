import type { PolicyActor } from "./members";

/**
 * A collaborative admin records that a member organisation has left the collaborative (a CCG
 * replaced by the ICB, a trust that stops taking part). Never their own organisation: they would
 * lose the collaborative in the act, and its last admin with it. The database allows the same
 * (collaborative_members_update, 0002/0019) and makes the date final (a trigger, 0019).
 */
export const LEAVING_REFUSED = "Only a collaborative admin can record that another organisation has left";

export function canRecordLeaving(actor: PolicyActor, orgId: string): boolean {
  return actor.role === "collaborative_admin" && actor.orgId !== orgId;
}

/**
 * What is wrong with a leaving date, or null: it must be a date already reached (`today` is
 * Europe/London's, as the trigger judges it) and not before the organisation joined. Dates are
 * YYYY-MM-DD, so they compare as strings.
 */
export function leavingDateProblem(leftOn: string, joinedOn: string, today: string, joinedLabel: string): string | null {
  if (leftOn > today) return "The date it left must be today or in the past";
  if (leftOn < joinedOn) return `The date it left must be on or after ${joinedLabel}, when it joined`;
  return null;
}

/**
 * Whether recording the leaving would leave the collaborative without a collaborative admin: none
 * in the current member organisations that stay (`adminsStaying`, counted under the
 * collaborative's members lock). An admin's role applies in every collaborative of their
 * organisation, so an organisation that leaves takes its admins away from this one.
 */
export function leavingLeavesNoAdmin(adminsStaying: number): boolean {
  return adminsStaying < 1;
}
