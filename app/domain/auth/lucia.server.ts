import { and, eq, lt } from "drizzle-orm";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import type { Database } from "#db/client";
import { sessions, users } from "#db/schema";
import type { AppConfig } from "~/lib/config";
import { cookieValue } from "~/lib/cookies";

interface SessionAttributes {
  activeOrgId: string | null;
  activeCollaborativeId: string | null;
  createdAt: Date;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof buildLucia>;
    DatabaseSessionAttributes: SessionAttributes;
    DatabaseUserAttributes: { email: string; name: string };
  }
}

/**
 * Lucia over our own tables, on the owner connection: sessions must be read before anyone is
 * known, so this is part of the narrow auth path, not the tenant path.
 */
function adapterFor(database: Database): Adapter {
  const db = database.db;
  const toSession = (row: typeof sessions.$inferSelect): DatabaseSession => ({
    id: row.id,
    userId: row.userId,
    expiresAt: row.expiresAt,
    attributes: { activeOrgId: row.activeOrgId, activeCollaborativeId: row.activeCollaborativeId, createdAt: row.createdAt },
  });
  return {
    async getSessionAndUser(sessionId) {
      const [row] = await db
        .select({ session: sessions, user: { id: users.id, email: users.email, name: users.name } })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, sessionId));
      if (!row) return [null, null];
      const user: DatabaseUser = { id: row.user.id, attributes: { email: row.user.email, name: row.user.name } };
      return [toSession(row.session), user];
    },
    async getUserSessions(userId) {
      const rows = await db.select().from(sessions).where(eq(sessions.userId, userId));
      return rows.map(toSession);
    },
    async setSession(session) {
      await db.insert(sessions).values({
        id: session.id,
        userId: session.userId,
        expiresAt: session.expiresAt,
        activeOrgId: session.attributes.activeOrgId,
        activeCollaborativeId: session.attributes.activeCollaborativeId,
        createdAt: session.attributes.createdAt,
      });
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId));
    },
    async deleteSession(sessionId) {
      await db.delete(sessions).where(eq(sessions.id, sessionId));
    },
    async deleteUserSessions(userId) {
      await db.delete(sessions).where(eq(sessions.userId, userId));
    },
    async deleteExpiredSessions() {
      await db.delete(sessions).where(and(lt(sessions.expiresAt, new Date())));
    },
  };
}

function buildLucia(database: Database, config: AppConfig) {
  return new Lucia(adapterFor(database), {
    sessionExpiresIn: new TimeSpan(config.sessionIdleMinutes, "m"),
    sessionCookie: {
      name: config.secureCookies ? "__Host-peff_session" : "peff_session",
      // The server enforces both the idle and the absolute expiry; startSession caps the cookie
      // at the absolute lifetime so a browser never keeps it longer.
      expires: true,
      attributes: { secure: config.secureCookies, sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (a) => a,
    // Only what pages need: never the whole row.
    getUserAttributes: (a) => ({ email: a.email, name: a.name }),
  });
}

const cache = new WeakMap<Database, WeakMap<AppConfig, ReturnType<typeof buildLucia>>>();

export function luciaFor(database: Database, config: AppConfig) {
  let byConfig = cache.get(database);
  if (!byConfig) cache.set(database, (byConfig = new WeakMap()));
  let lucia = byConfig.get(config);
  if (!lucia) byConfig.set(config, (lucia = buildLucia(database, config)));
  return lucia;
}

/**
 * The session token in a Cookie header, read without decoding anyone else's cookies (see
 * `cookieValue`); used instead of Lucia's `readSessionCookie`, which throws on them.
 */
export function readSessionToken(lucia: ReturnType<typeof luciaFor>, cookieHeader: string | null | undefined): string | null {
  return cookieValue(cookieHeader, lucia.sessionCookieName) || null;
}
