import { and, gt, inArray } from "drizzle-orm";
import type { Database } from "#db/client";
import { sessions } from "#db/schema";
import type { AppConfig } from "~/lib/config";
import type { ActingContext } from "./actor";
import { loadActingContextsOf } from "./load-contexts.server";

/**
 * For long-lived connections (collaboration sockets): which of these sessions are still valid,
 * and what each one's user may act as now. One query for the sessions and one for the contexts,
 * however many connections are open. Reads on the owner connection, as resolving a session
 * always does (see resolve-actor.server.ts); it extends no session.
 */
export async function verifySessions(database: Database, config: AppConfig, sessionIds: string[]): Promise<Map<string, ActingContext[]>> {
  const out = new Map<string, ActingContext[]>();
  if (sessionIds.length === 0) return out;
  const now = new Date();
  const bornAfter = new Date(now.getTime() - config.sessionMaxHours * 3_600_000);
  const live = await database.db
    .select({ id: sessions.id, userId: sessions.userId })
    .from(sessions)
    .where(and(inArray(sessions.id, sessionIds), gt(sessions.expiresAt, now), gt(sessions.createdAt, bornAfter)));
  if (live.length === 0) return out;
  const userIds = [...new Set(live.map((s) => s.userId))];
  const rows = await loadActingContextsOf(database, userIds);
  for (const s of live) out.set(s.id, rows.filter((r) => r.userId === s.userId).map(({ userId: _u, ...c }) => c));
  return out;
}
