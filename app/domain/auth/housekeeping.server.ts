import { lt } from "drizzle-orm";
import type { Database } from "#db/client";
import { sessions, signInAttempts, trustedDevices } from "#db/schema";
import { SIGN_IN_LIMITS } from "~/policies/rate-limit";

/**
 * Deletes sessions and device cookies past their expiry, and sign-in attempts too old to count
 * toward a rate limit (a replaced device's attempts among them). None is needed for correctness
 * (expired sessions and devices are refused when read); this keeps the tables small.
 * Auth-internal tables, so the owner connection.
 */
export async function purgeExpiredAuthRecords(database: Database, now = new Date()): Promise<void> {
  await database.db.delete(sessions).where(lt(sessions.expiresAt, now));
  await database.db.delete(trustedDevices).where(lt(trustedDevices.expiresAt, now));
  const keepFrom = new Date(now.getTime() - 24 * SIGN_IN_LIMITS.windowMinutes * 60_000);
  await database.db.delete(signInAttempts).where(lt(signInAttempts.at, keepFrom));
}
