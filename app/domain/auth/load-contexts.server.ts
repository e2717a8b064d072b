import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, collaboratives, memberships, organisations } from "#db/schema";
import type { ActingContext } from "./actor";

/**
 * Every organisation-and-collaborative a user can act from. Part of resolving who a request is
 * (before any tenant context exists), so it reads on the owner connection, keyed by the user id
 * that the session proved.
 */
export async function loadActingContexts(database: Database, userId: string): Promise<ActingContext[]> {
  return database.db
    .select({
      orgId: memberships.orgId,
      orgName: organisations.name,
      orgType: organisations.type,
      role: memberships.role,
      collaborativeId: collaborativeMembers.collaborativeId,
      collaborativeName: collaboratives.name,
      collaborativeIsDemo: collaboratives.isDemo,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .innerJoin(collaborativeMembers, and(eq(collaborativeMembers.orgId, memberships.orgId), isNull(collaborativeMembers.leftOn)))
    .innerJoin(collaboratives, eq(collaboratives.id, collaborativeMembers.collaborativeId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name), asc(collaboratives.name));
}
