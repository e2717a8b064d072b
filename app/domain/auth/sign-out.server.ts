import type { Database } from "#db/client";
import type { AppConfig } from "~/lib/config";
import { luciaFor } from "./lucia.server";

/** Ends the session behind this cookie (if any) and returns the header that clears the cookie. */
export async function signOut(database: Database, config: AppConfig, sessionId: string | null): Promise<string> {
  const lucia = luciaFor(database, config);
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** Ends every session a person has (removal from an organisation, say). */
export async function endAllSessions(database: Database, config: AppConfig, userId: string): Promise<void> {
  await luciaFor(database, config).invalidateUserSessions(userId);
}
