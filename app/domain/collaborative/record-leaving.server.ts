import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, invitations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { conflict, forbidden, invalid } from "~/domain/errors";
import { formatDate } from "~/lib/labels";
import { todayIso } from "~/lib/plan/dates";
import { canRecordLeaving, LEAVING_REFUSED, leavingDateProblem } from "~/policies/leaving";
import { getMemberOrganisation } from "./get-member-organisation.server";

/**
 * Records that a member organisation left the active collaborative on `leftOn`. From then its
 * people no longer act in this collaborative: their next request no longer offers it, and their
 * open register and plan connections are closed at the collaboration server's next check (within
 * 5 s), and pending invitations to it here are withdrawn (a link the database would not let this
 * admin withdraw is refused when followed: getInvitationByToken checks the organisation is still
 * a member). Its history (evidence, grades, the register's lead organisation) stays, listed as former.
 * Final in the app: rejoining is an operator's change (see the README).
 */
export async function recordLeaving(database: Database, actor: Actor, orgId: string, leftOn: string, now = new Date()) {
  if (!canRecordLeaving(policyActor(actor), orgId)) throw forbidden(LEAVING_REFUSED);
  return withTenant(database, tenantOf(actor), async (tx) => {
    // Locked, so two admins recording it at once get one date and one "already left".
    const member = await getMemberOrganisation(tx, actor.active.collaborativeId, orgId, true);
    if (member.leftOn) throw conflict(`${member.name} already left this collaborative on ${formatDate(member.leftOn)}`);
    const problem = leavingDateProblem(leftOn, member.joinedOn, todayIso(now), formatDate(member.joinedOn));
    if (problem) throw invalid({ leftOn: problem });
    await tx.update(collaborativeMembers).set({ leftOn }).where(eq(collaborativeMembers.id, member.memberId));
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
