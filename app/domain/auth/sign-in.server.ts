import { and, asc, eq, gt, isNull, ne, type SQL } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, memberships, signInAttempts, userCredentials, users } from "#db/schema";
import type { AppConfig } from "~/lib/config";
import { decideSignIn, SIGN_IN_LIMITS, type RateLimitScope } from "~/policies/rate-limit";
import { randomToken, sha256, timingDummyHash, verifyPassword } from "./crypto.server";
import { issueDeviceCookie, trustedDeviceFor } from "./device-cookie.server";
import { luciaFor } from "./lucia.server";

export type PasswordCheck =
  | { ok: true; userId: string; /** The trusted device the password came from, if any. */ deviceId: string | null }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; scope: RateLimitScope; retryAfterSeconds: number };

export type SignInResult =
  | Exclude<PasswordCheck, { ok: true }>
  | { ok: true; userId: string; /** The session's Set-Cookie header. */ setCookie: string; /** The device cookie's. */ deviceCookie: string };

export interface SignInInput {
  email: string;
  password: string;
  /** The client's address, for per-address throttling. */
  address: string | null;
  /** The token of a session already in the browser: it is ended, never reused (fixation). */
  previousToken?: string | null;
  /** The browser's device cookie, if it has one (`readDeviceToken`). */
  deviceToken?: string | null;
}

export async function signIn(database: Database, config: AppConfig, input: SignInInput): Promise<SignInResult> {
  const checked = await checkPassword(database, input);
  if (!checked.ok) return checked;
  const setCookie = await startSession(database, config, checked.userId, input.previousToken);
  return { ok: true, userId: checked.userId, setCookie, deviceCookie: await issueDeviceCookie(database, config, checked.userId, checked.deviceId) };
}

/**
 * Checks an account's password under the sign-in limits and records the attempt. Everything that
 * takes a password and then acts as its account (the sign-in page, accepting an invitation with an
 * existing account, the current password on the account page) comes through here, so a guess
 * counts, and a lock holds, wherever it is made.
 *
 * A browser with a valid device cookie for this email (OWASP's device cookies) is judged on its own
 * failures only: someone guessing from elsewhere, or a colleague behind the same trust proxy,
 * locks out only clients without one, and the person on their usual browser still gets in. Its
 * failures, in turn, count against that browser alone.
 */
export async function checkPassword(
  database: Database,
  input: { email: string; password: string; address: string | null; deviceToken?: string | null },
): Promise<PasswordCheck> {
  const email = input.email.trim().toLowerCase();
  const now = new Date();
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  // Looked up whether or not the account exists, and only a cookie issued for this email counts,
  // so the answer tells nobody which emails have accounts.
  const deviceId = input.deviceToken ? await trustedDeviceFor(database, input.deviceToken, email, now) : null;

  // The attempt is recorded as a failure before it is judged, and judged with every other attempt
  // recorded so far, in flight or finished. Judged first and recorded after the password check
  // (tens of milliseconds of argon2), guesses sent all at once each found the slate clean: thirty
  // at once were thirty checked. Now the last of any six to be judged sees the other five.
  const [attempt] = await database.db.insert(signInAttempts).values({ email, address: input.address, deviceId, succeeded: false, at: now }).returning({ id: signInAttempts.id });
  const attemptId = attempt!.id;
  const decision = decideSignIn(
    deviceId
      ? { device: await recentFailures(database, { deviceId }, since, attemptId) }
      : {
          account: await recentFailures(database, { email }, since, attemptId),
          address: input.address ? await recentFailures(database, { address: input.address }, since, attemptId) : [],
        },
    now,
  );
  if (!decision.allowed) {
    // While blocked nothing stays recorded, so hammering a locked account does not extend its lock.
    await database.db.delete(signInAttempts).where(eq(signInAttempts.id, attemptId));
    return { ok: false, reason: "rate-limited", scope: decision.scope, retryAfterSeconds: decision.retryAfterSeconds };
  }

  const [account] = await database.db
    .select({ id: users.id, passwordHash: userCredentials.passwordHash })
    .from(users)
    .innerJoin(userCredentials, eq(userCredentials.userId, users.id))
    .where(eq(users.email, email));
  const valid = await verifyPassword(account?.passwordHash ?? (await timingDummyHash()), input.password);
  if (!account || !valid) return { ok: false, reason: "invalid" };
  await database.db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
  return { ok: true, userId: account.id, deviceId };
}

/** What to tell someone refused by the sign-in limits. */
export function rateLimitedMessage(scope: RateLimitScope, retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait = `${minutes} minute${minutes === 1 ? "" : "s"}`;
  if (scope === "account") return `There have been too many failed attempts to sign in to this account. Wait ${wait}, then try again.`;
  if (scope === "device") return `There have been too many failed attempts to sign in to this account on this browser. Wait ${wait}, then try again.`;
  return `There have been too many failed sign-in attempts from your network. Wait ${wait}, then try again.`;
}

/**
 * Failures in the window, other than the attempt being judged (`except`); attempts in flight count
 * as failures. An account's and an address's are those of clients without a trusted device; a
 * device's are its own.
 */
async function recentFailures(
  database: Database,
  who: { email: string } | { address: string } | { deviceId: string },
  since: Date,
  except: string,
): Promise<Date[]> {
  const key: SQL | undefined =
    "deviceId" in who
      ? eq(signInAttempts.deviceId, who.deviceId)
      : and("email" in who ? eq(signInAttempts.email, who.email) : eq(signInAttempts.address, who.address), isNull(signInAttempts.deviceId));
  const rows = await database.db
    .select({ at: signInAttempts.at, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(and(key, gt(signInAttempts.at, since), ne(signInAttempts.id, except)))
    .orderBy(asc(signInAttempts.at))
    .limit(500);
  // For an account or a device, a success wipes the slate; an address is judged on all its failures.
  const fromIndex = "address" in who ? 0 : rows.findLastIndex((r) => r.succeeded) + 1;
  return rows.slice(fromIndex).filter((r) => !r.succeeded).map((r) => r.at);
}

/**
 * Creates a fresh session (a new id at every sign-in) and returns its Set-Cookie header. The
 * cookie carries a random token; the database keeps only its SHA-256, which is the session id.
 */
export async function startSession(
  database: Database,
  config: AppConfig,
  userId: string,
  previousToken?: string | null,
  preferredOrgId?: string,
): Promise<string> {
  const lucia = luciaFor(database, config);
  if (previousToken) await lucia.invalidateSession(sha256(previousToken));
  const contexts = await database.db
    .select({ orgId: memberships.orgId, collaborativeId: collaborativeMembers.collaborativeId })
    .from(memberships)
    .innerJoin(collaborativeMembers, and(eq(collaborativeMembers.orgId, memberships.orgId), isNull(collaborativeMembers.leftOn)))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
  const first = contexts.find((c) => c.orgId === preferredOrgId) ?? contexts[0];
  const token = randomToken();
  await lucia.createSession(
    userId,
    { activeOrgId: first?.orgId ?? null, activeCollaborativeId: first?.collaborativeId ?? null, createdAt: new Date() },
    { sessionId: sha256(token) },
  );
  const cookie = lucia.createSessionCookie(token);
  cookie.attributes.maxAge = config.sessionMaxHours * 3600;
  cookie.attributes.expires = new Date(Date.now() + config.sessionMaxHours * 3_600_000);
  return cookie.serialize();
}
