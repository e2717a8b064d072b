import { and, count, eq, gt, ne } from "drizzle-orm";
import type { Database } from "#db/client";
import { sessions } from "#db/schema";
import type { AppConfig } from "~/lib/config";
import type { Actor } from "./actor";

/** How many other live sessions the person has (other browsers or devices), not counting this one. */
export async function countOtherSessions(database: Database, config: AppConfig, actor: Actor): Promise<number> {
  const now = new Date();
  const [row] = await database.db
    .select({ n: count() })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, actor.userId),
        ne(sessions.id, actor.sessionId),
        gt(sessions.expiresAt, now),
        // Past its absolute lifetime a session is dead even before its idle expiry.
        gt(sessions.createdAt, new Date(now.getTime() - config.sessionMaxHours * 3_600_000)),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Signs the person out everywhere but here (a computer left signed in, say). Their open editors
 * elsewhere are closed by the collaboration server's revalidation within seconds.
 */
export async function endOtherSessions(database: Database, actor: Actor): Promise<number> {
  const ended = await database.db
    .delete(sessions)
    .where(and(eq(sessions.userId, actor.userId), ne(sessions.id, actor.sessionId)))
    .returning({ id: sessions.id });
  return ended.length;
}
