import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "#db/client";
import { textArray } from "#db/pipeline";
import type { Role } from "#db/schema";
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
 * what role does its person hold now where the connection acts. One statement however many
 * connections are open and however many organisations each person belongs to: the live sessions,
 * their people's memberships of the organisations in question, and those organisations'
 * memberships of the collaboratives in question. Each list is one array parameter. (Three
 * queries with an IN list per value took 10-20 ms every 2 s on PGlite with 500 documents open
 * in as many collaboratives, holding up the edits being relayed.) Reads on the owner
 * connection, as resolving a session always does (see resolve-actor.server.ts); it extends no
 * session.
 */
export async function verifyConnections(database: Database, config: AppConfig, checks: ConnectionCheck[]): Promise<ConnectionStanding[]> {
  if (checks.length === 0) return [];
  const now = new Date();
  const bornAfter = new Date(now.getTime() - config.sessionMaxHours * 3_600_000);
  const sessionIds = textArray(unique(checks.map((c) => c.sessionId)));
  const orgIds = textArray(unique(checks.flatMap((c) => (c.orgId ? [c.orgId] : []))));
  const collaborativeIds = textArray(unique(checks.flatMap((c) => (c.collaborativeId ? [c.collaborativeId] : []))));
  const rows = rowsOf<{ kind: "session" | "role" | "member"; a: string; b: string; role: Role | null }>(
    await database.db.execute(sql`
      with live as (
        select s.id, s.user_id from sessions s
        where s.id = any(${sessionIds}::text[]) and s.expires_at > ${now.toISOString()}::timestamptz and s.created_at > ${bornAfter.toISOString()}::timestamptz)
      select 'session' as kind, l.id as a, l.user_id::text as b, null::text as role from live l
      union all
      select 'role', m.user_id::text, m.org_id::text, m.role from memberships m
      where m.user_id in (select l.user_id from live l) and m.org_id = any(${orgIds}::uuid[])
      union all
      select 'member', cm.org_id::text, cm.collaborative_id::text, null from collaborative_members cm
      where cm.org_id = any(${orgIds}::uuid[]) and cm.collaborative_id = any(${collaborativeIds}::uuid[]) and cm.left_on is null`),
  );
  const live = new Map(rows.filter((r) => r.kind === "session").map((r) => [r.a, r.b]));
  const roleOf = new Map(rows.filter((r) => r.kind === "role").map((r) => [`${r.a}|${r.b}`, r.role]));
  const isMember = new Set(rows.filter((r) => r.kind === "member").map((r) => `${r.a}|${r.b}`));
  return checks.map((c) => {
    const userId = live.get(c.sessionId);
    if (!userId) return { live: false, role: null };
    const role = roleOf.get(`${userId}|${c.orgId}`) ?? null;
    return { live: true, role: role && isMember.has(`${c.orgId}|${c.collaborativeId}`) ? role : null };
  });
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
