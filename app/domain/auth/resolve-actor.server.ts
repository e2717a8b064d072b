import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { sessions } from "#db/schema";
import type { AppConfig } from "~/lib/config";
import { type Actor, contextKey } from "./actor";
import { sha256 } from "./crypto.server";
import { loadActingContexts } from "./load-contexts.server";
import { luciaFor, readSessionToken } from "./lucia.server";

export type Resolution =
  | { status: "signed-in"; actor: Actor }
  /** A valid session whose user belongs to no organisation any more. */
  | { status: "no-membership"; userId: string; name: string }
  | { status: "anonymous"; clearCookie: boolean };

/** Turns a request's session cookie into the person acting, or says why not. */
export async function resolveActor(database: Database, config: AppConfig, cookieHeader: string | null): Promise<Resolution> {
  const lucia = luciaFor(database, config);
  const token = readSessionToken(lucia, cookieHeader);
  if (!token) return { status: "anonymous", clearCookie: false };
  const { session, user } = await lucia.validateSession(sha256(token));
  if (!session) return { status: "anonymous", clearCookie: true };
  if (Date.now() - session.createdAt.getTime() > config.sessionMaxHours * 3_600_000) {
    await lucia.invalidateSession(session.id);
    return { status: "anonymous", clearCookie: true };
  }
  const contexts = await loadActingContexts(database, user.id);
  if (contexts.length === 0) return { status: "no-membership", userId: user.id, name: user.name };

  const wanted = session.activeOrgId && session.activeCollaborativeId
    ? contextKey({ orgId: session.activeOrgId, collaborativeId: session.activeCollaborativeId })
    : null;
  let active = contexts.find((c) => contextKey(c) === wanted);
  if (!active) {
    // The remembered context is gone (removed from that organisation, say): fall back to the first.
    active = contexts[0]!;
    await database.db
      .update(sessions)
      .set({ activeOrgId: active.orgId, activeCollaborativeId: active.collaborativeId })
      .where(eq(sessions.id, session.id));
  }
  return {
    status: "signed-in",
    actor: { userId: user.id, name: user.name, email: user.email, sessionId: session.id, contexts, active },
  };
}
