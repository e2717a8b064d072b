import { and, eq, isNull } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { collaborativeMembers, invitations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { conflict, forbidden, invalid } from "~/domain/errors";
import { holdMembers, keepAnAdminWhenLeaving } from "~/domain/members/hold-membership.server";
import { formatDate } from "~/lib/labels";
import { todayIso } from "~/lib/plan/dates";
import { canRecordLeaving, LEAVING_REFUSED, leavingDateProblem } from "~/policies/leaving";
import { getMemberOrganisation, type MemberOrganisationDetail } from "./get-member-organisation.server";

/**
 * Records that a member organisation left the active collaborative on `leftOn`. From then its
 * people no longer act in this collaborative: their next request no longer offers it, and their
 * open register and plan connections are closed at the collaboration server's next check (within
 * 5 s), and pending invitations to it here are withdrawn (a link the database would not let this
 * admin withdraw is refused when followed: getInvitationByToken checks the organisation is still
 * a member). Its history (evidence, grades, the register's lead organisation) stays, listed as former.
 * Final in the app: rejoining is an operator's change (`npm run peff:membership`, server/cli/operator-membership.ts).
 *
 * Its people's roles stop counting here, admins included, so it is judged as a role change is
 * (hold-membership.server.ts): under the collaborative's members lock, with the actor's role read
 * again under it, and never taking away the last collaborative admin. Locking the leaving
 * organisation's row alone was not enough: two admins in different organisations, each recording
 * the other's leaving, locked different rows, both passed with the role their requests began
 * with, and the collaborative was left without either admin. Now the second waits for the first
 * and is told its own organisation has just been recorded as having left.
 */
export async function recordLeaving(database: Database, actor: Actor, orgId: string, leftOn: string, now = new Date()) {
  if (!canRecordLeaving(policyActor(actor), orgId)) throw forbidden(LEAVING_REFUSED);
  return withTenant(database, tenantOf(actor), async (tx) => {
    const member = await holdLeaving(tx, actor, orgId);
    const problem = leavingDateProblem(leftOn, member.joinedOn, todayIso(now), formatDate(member.joinedOn));
    if (problem) throw invalid({ leftOn: problem });
    const updated = await tx
      .update(collaborativeMembers)
      .set({ leftOn })
      .where(eq(collaborativeMembers.id, member.memberId))
      .returning({ id: collaborativeMembers.id });
    if (updated.length === 0) throw forbidden(LEAVING_REFUSED);
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(
        and(
          eq(invitations.collaborativeId, actor.active.collaborativeId),
          eq(invitations.orgId, orgId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    return { name: member.name, leftOn };
  });
}

/**
 * The organisation's membership of the active collaborative, about to be recorded as left, once
 * this transaction holds the collaborative's members lock (until it ends) and has judged the actor
 * as they stand under it: refused if their role changed or their own organisation has just been
 * recorded as having left (`holdMembers`), if it already left, or if no collaborative admin would
 * remain (`keepAnAdminWhenLeaving`). The members lock comes before the row's lock, as everywhere.
 */
export async function holdLeaving(tx: Tx, actor: Actor, orgId: string): Promise<MemberOrganisationDetail> {
  const who = await holdMembers(tx, actor);
  if (!canRecordLeaving(who, orgId)) throw forbidden(LEAVING_REFUSED);
  // Locked too, so two admins recording it at once get one date and one "already left".
  const member = await getMemberOrganisation(tx, actor.active.collaborativeId, orgId, true);
  if (member.leftOn) throw conflict(`${member.name} already left this collaborative on ${formatDate(member.leftOn)}`);
  await keepAnAdminWhenLeaving(tx, actor, member);
  return member;
}
