import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, organisations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { canManageMembersOf } from "~/policies/members";

/** The current member organisations this person may invite people to. */
export async function listInvitableOrganisations(database: Database, actor: Actor) {
  const who = policyActor(actor);
  const orgs = await withTenant(database, tenantOf(actor), (tx) =>
    tx
      .select({ id: organisations.id, name: organisations.name })
      .from(collaborativeMembers)
      .innerJoin(organisations, eq(organisations.id, collaborativeMembers.orgId))
      .where(and(eq(collaborativeMembers.collaborativeId, actor.active.collaborativeId), isNull(collaborativeMembers.leftOn)))
      .orderBy(asc(organisations.name)),
  );
  return orgs.filter((o) => canManageMembersOf(who, o.id));
}
