import { and, gt, inArray, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, memberships, sessions, type Role } from "#db/schema";
import type { AppConfig } from "~/lib/config";

/** A long-lived connection to check: whose session, acting for which organisation in which collaborative. */
export interface ConnectionCheck {
  sessionId: string;
  orgId: string | null;
  collaborativeId: string | null;
}

export interface ConnectionStanding {
  /** False once the session has ended (signed out, expired, removed). */
  live: boolean;
  /** The role the person holds now in that organisation, while it is a member of that collaborative; null once either is gone. */
  role: Role | null;
}

/**
 * For long-lived connections (collaboration sockets): is each one's session still valid, and
 * what role does its person hold now where the connection acts. Three small queries (sessions,
 * the memberships and the collaborative memberships in question), however many connections
 * are open and however many organisations each person belongs to. Reads on the owner connection,
 * as resolving a session always does (see resolve-actor.server.ts); it extends no session.
 */
export async function verifyConnections(database: Database, config: AppConfig, checks: ConnectionCheck[]): Promise<ConnectionStanding[]> {
  if (checks.length === 0) return [];
  const now = new Date();
  const bornAfter = new Date(now.getTime() - config.sessionMaxHours * 3_600_000);
  const live = new Map(
    (
      await database.db
        .select({ id: sessions.id, userId: sessions.userId })
        .from(sessions)
        .where(and(inArray(sessions.id, unique(checks.map((c) => c.sessionId))), gt(sessions.expiresAt, now), gt(sessions.createdAt, bornAfter)))
    ).map((s) => [s.id, s.userId]),
  );
  const orgIds = unique(checks.flatMap((c) => (c.orgId ? [c.orgId] : [])));
  const collaborativeIds = unique(checks.flatMap((c) => (c.collaborativeId ? [c.collaborativeId] : [])));
  const userIds = unique([...live.values()]);
  const [roles, members] =
    userIds.length && orgIds.length && collaborativeIds.length
      ? await Promise.all([
          database.db
            .select({ userId: memberships.userId, orgId: memberships.orgId, role: memberships.role })
            .from(memberships)
            .where(and(inArray(memberships.userId, userIds), inArray(memberships.orgId, orgIds))),
          database.db
            .select({ orgId: collaborativeMembers.orgId, collaborativeId: collaborativeMembers.collaborativeId })
            .from(collaborativeMembers)
            .where(and(inArray(collaborativeMembers.orgId, orgIds), inArray(collaborativeMembers.collaborativeId, collaborativeIds), isNull(collaborativeMembers.leftOn))),
        ])
      : [[], []];
  const roleOf = new Map(roles.map((r) => [`${r.userId}|${r.orgId}`, r.role]));
  const isMember = new Set(members.map((m) => `${m.orgId}|${m.collaborativeId}`));
  return checks.map((c) => {
    const userId = live.get(c.sessionId);
    if (!userId) return { live: false, role: null };
    const role = roleOf.get(`${userId}|${c.orgId}`) ?? null;
    return { live: true, role: role && isMember.has(`${c.orgId}|${c.collaborativeId}`) ? role : null };
  });
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
