import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, organisations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { canManageMembersOf } from "~/policies/members";
import { loadRoleReach } from "./role-reach.server";

/** The current member organisations this person may invite people to, with where roles given there reach (for the member policies). */
export async function listInvitableOrganisations(database: Database, actor: Actor) {
  const who = policyActor(actor);
  return withTenant(database, tenantOf(actor), async (tx) => {
    const orgs = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(collaborativeMembers)
      .innerJoin(organisations, eq(organisations.id, collaborativeMembers.orgId))
      .where(and(eq(collaborativeMembers.collaborativeId, actor.active.collaborativeId), isNull(collaborativeMembers.leftOn)))
      .orderBy(asc(organisations.name));
    const mine = orgs.filter((o) => canManageMembersOf(who, o.id));
    const reach = await loadRoleReach(tx, actor, mine.map((o) => o.id));
    return mine.map((o) => ({ ...o, reach: reach.get(o.id)! }));
  });
}
