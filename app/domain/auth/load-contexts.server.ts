import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, collaboratives, memberships, organisations } from "#db/schema";
import type { ActingContext } from "./actor";

/**
 * Every organisation-and-collaborative each of these users can act from. Part of resolving who a
 * request (or a long-lived socket) is, before any tenant context exists, so it reads on the owner
 * connection, keyed by user ids that sessions proved.
 */
export async function loadActingContextsOf(database: Database, userIds: string[]): Promise<(ActingContext & { userId: string })[]> {
  if (userIds.length === 0) return [];
  return database.db
    .select({
      userId: memberships.userId,
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
    .where(inArray(memberships.userId, userIds))
    .orderBy(asc(organisations.name), asc(collaboratives.name));
}

/** The contexts of one user. */
export async function loadActingContexts(database: Database, userId: string): Promise<ActingContext[]> {
  return (await loadActingContextsOf(database, [userId])).map(({ userId: _u, ...c }) => c);
}
