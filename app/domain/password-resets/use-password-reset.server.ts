import { and, eq, isNull, ne } from "drizzle-orm";
import type { Database } from "#db/client";
import { passwordResets, sessions, userCredentials } from "#db/schema";
import { withOwner } from "#db/tenant";
import { hashPassword } from "~/domain/auth/crypto.server";
import { forgetDevices, issueDeviceCookie, type SignedInCookies } from "~/domain/auth/device-cookie.server";
import { startSession } from "~/domain/auth/sign-in.server";
import { DomainError } from "~/domain/errors";
import type { AppConfig } from "~/lib/config";
import { getPasswordReset, RESET_STATUS_MESSAGES } from "./get-password-reset.server";

/**
 * Sets the person's new password from a reset link, once: the link is locked and judged again
 * (used, replaced, expired, its maker's rights) in the transaction that uses it. Every session the
 * person had ends (whoever might have been using the account is out, open editors included), no
 * other browser is trusted for the account any more (device cookies), and this browser is signed
 * in and trusted: returns its session and device cookies.
 */
export async function usePasswordReset(database: Database, config: AppConfig, token: string, newPassword: string, previousToken?: string | null): Promise<SignedInCookies> {
  // Hashed before the transaction: argon2 is slow, and PGlite runs one transaction at a time.
  const passwordHash = await hashPassword(newPassword);
  const userId = await withOwner(database, async (tx) => {
    const reset = await getPasswordReset(tx, token, true);
    if (!reset) throw new DomainError(404, "This password reset link is not valid. Check you copied all of it.");
    if (reset.status !== "valid") throw new DomainError(410, RESET_STATUS_MESSAGES[reset.status]);
    const now = new Date();
    // An insert when the person has never had a password (an admin made by npm run peff:setup).
    await tx
      .insert(userCredentials)
      .values({ userId: reset.userId, passwordHash, updatedAt: now })
      .onConflictDoUpdate({ target: userCredentials.userId, set: { passwordHash, updatedAt: now } });
    await tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.id, reset.id));
    await tx
      .update(passwordResets)
      .set({ supersededAt: now })
      .where(and(eq(passwordResets.userId, reset.userId), ne(passwordResets.id, reset.id), isNull(passwordResets.usedAt), isNull(passwordResets.supersededAt)));
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    await forgetDevices(tx, reset.userId);
    return reset.userId;
  });
  // This browser has just proved who it is with the link: it is trusted at once (device cookies),
  // so a lead whose account is being guessed at is not locked out of it at their next sign-in.
  return {
    setCookie: await startSession(database, config, userId, previousToken),
    deviceCookie: await issueDeviceCookie(database, config, userId, null),
  };
}
