import { and, eq, gt } from "drizzle-orm";
import { Cookie } from "lucia";
import type { Database, Tx } from "#db/client";
import { trustedDevices, users } from "#db/schema";
import type { AppConfig } from "~/lib/config";
import { cookieValue } from "~/lib/cookies";
import { DEVICE_COOKIE_DAYS } from "~/policies/rate-limit";
import { randomToken, sha256 } from "./crypto.server";

/**
 * Device cookies (OWASP): after a successful sign-in the browser gets a random token for that
 * account, and an attempt that presents it is judged on that browser's own failures only (see
 * `checkPassword`). The cookie is like the session's (httpOnly, SameSite=Lax, `Secure` with the
 * `__Host-` prefix on https) but lasts 180 days; the database keeps only the token's SHA-256.
 */
export function deviceCookieName(config: AppConfig): string {
  return config.secureCookies ? "__Host-peff_device" : "peff_device";
}

/** The device token in a Cookie header, if one is there and has the shape `randomToken` makes. */
export function readDeviceToken(config: AppConfig, cookieHeader: string | null | undefined): string | null {
  const value = cookieValue(cookieHeader, deviceCookieName(config));
  // Checked before it reaches SQL: anything else is simply no device cookie.
  return value !== null && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/** The trusted device behind `token`, if it is unexpired and was issued for the account with this email. */
export async function trustedDeviceFor(database: Database, token: string, email: string, now: Date): Promise<string | null> {
  const [device] = await database.db
    .select({ id: trustedDevices.id })
    .from(trustedDevices)
    .innerJoin(users, eq(users.id, trustedDevices.userId))
    .where(and(eq(trustedDevices.tokenHash, sha256(token)), eq(users.email, email), gt(trustedDevices.expiresAt, now)));
  return device?.id ?? null;
}

/**
 * Trusts this browser for the account and returns the Set-Cookie header. The device it signed in
 * with, if any (`replacing`), is removed: a fresh token at every sign-in, so a copied cookie stops
 * working once its owner signs in again. A browser holds one device cookie, for its latest account.
 */
export async function issueDeviceCookie(database: Database, config: AppConfig, userId: string, replacing: string | null): Promise<string> {
  if (replacing) await database.db.delete(trustedDevices).where(and(eq(trustedDevices.id, replacing), eq(trustedDevices.userId, userId)));
  const token = randomToken();
  const expiresAt = new Date(Date.now() + DEVICE_COOKIE_DAYS * 86_400_000);
  await database.db.insert(trustedDevices).values({ tokenHash: sha256(token), userId, expiresAt });
  return new Cookie(deviceCookieName(config), token, {
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: "lax",
    path: "/",
    maxAge: DEVICE_COOKIE_DAYS * 86_400,
    expires: expiresAt,
  }).serialize();
}

/** The Set-Cookie headers of a browser just signed in: its session, and its device cookie. */
export interface SignedInCookies {
  setCookie: string;
  deviceCookie: string;
}

/** The response headers that set both (a redirect's `headers`). */
export function signedInHeaders(cookies: SignedInCookies): Headers {
  const headers = new Headers();
  headers.append("Set-Cookie", cookies.setCookie);
  headers.append("Set-Cookie", cookies.deviceCookie);
  return headers;
}

/** Ends the trust of every browser of the person: their password has been reset or changed. */
export async function forgetDevices(tx: Tx, userId: string): Promise<void> {
  await tx.delete(trustedDevices).where(eq(trustedDevices.userId, userId));
}
