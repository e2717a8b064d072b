import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { passwordResets, userCredentials } from "#db/schema";
import { withOwner } from "#db/tenant";
import type { AppConfig } from "~/lib/config";
import { DomainError, invalid } from "~/domain/errors";
import type { Actor } from "./actor";
import { hashPassword } from "./crypto.server";
import { forgetDevices, issueDeviceCookie, type SignedInCookies } from "./device-cookie.server";
import { endAllSessions } from "./sign-out.server";
import { checkPassword, rateLimitedMessage, startSession } from "./sign-in.server";

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  /** The client's address, for the sign-in limits the current password is checked under. */
  address: string | null;
  /** The browser's device cookie, for the same limits: someone guessing elsewhere does not stop you here. */
  deviceToken?: string | null;
}

/**
 * Changes the signed-in person's password. The current password is asked for (a session left open
 * on a shared computer must not be enough) and checked under the sign-in limits, as every password
 * check is. Every session of the person then ends, wherever it is (open editors are closed within
 * seconds), and this browser gets a fresh one. No other browser is trusted for the account any
 * more (device cookies); this one, which has just given the password, is trusted afresh.
 */
export async function changePassword(database: Database, config: AppConfig, actor: Actor, input: ChangePasswordInput): Promise<SignedInCookies> {
  const checked = await checkPassword(database, { email: actor.email, password: input.currentPassword, address: input.address, deviceToken: input.deviceToken });
  if (!checked.ok && checked.reason === "rate-limited") throw new DomainError(429, rateLimitedMessage(checked.scope, checked.retryAfterSeconds));
  if (!checked.ok || checked.userId !== actor.userId) throw invalid({ currentPassword: "Enter your current password correctly" });
  if (input.newPassword === input.currentPassword) throw invalid({ newPassword: "Choose a password different from your current one" });
  // Hashed outside the transaction: argon2 is slow, and PGlite runs one transaction at a time.
  const passwordHash = await hashPassword(input.newPassword);
  await withOwner(database, async (tx) => {
    const now = new Date();
    await tx.update(userCredentials).set({ passwordHash, updatedAt: now }).where(eq(userCredentials.userId, actor.userId));
    // A reset link made for them before is no longer wanted: it would undo this change.
    await tx
      .update(passwordResets)
      .set({ supersededAt: now })
      .where(and(eq(passwordResets.userId, actor.userId), isNull(passwordResets.usedAt), isNull(passwordResets.supersededAt)));
    // A device cookie taken while someone else knew the old password must not outlive it.
    await forgetDevices(tx, actor.userId);
  });
  await endAllSessions(database, config, actor.userId);
  return {
    setCookie: await startSession(database, config, actor.userId, null, actor.active.orgId),
    deviceCookie: await issueDeviceCookie(database, config, actor.userId, null),
  };
}
