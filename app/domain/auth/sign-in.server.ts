import { and, asc, eq, gt, isNull, ne } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, memberships, signInAttempts, userCredentials, users } from "#db/schema";
import type { AppConfig } from "~/lib/config";
import { decideSignIn, SIGN_IN_LIMITS } from "~/policies/rate-limit";
import { randomToken, sha256, timingDummyHash, verifyPassword } from "./crypto.server";
import { luciaFor } from "./lucia.server";

export type PasswordCheck =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate-limited"; scope: "account" | "address"; retryAfterSeconds: number };

export type SignInResult = Exclude<PasswordCheck, { ok: true }> | { ok: true; userId: string; setCookie: string };

export interface SignInInput {
  email: string;
  password: string;
  /** The client's address, for per-address throttling. */
  address: string | null;
  /** The token of a session already in the browser: it is ended, never reused (fixation). */
  previousToken?: string | null;
}

export async function signIn(database: Database, config: AppConfig, input: SignInInput): Promise<SignInResult> {
  const checked = await checkPassword(database, input);
  if (!checked.ok) return checked;
  return { ok: true, userId: checked.userId, setCookie: await startSession(database, config, checked.userId, input.previousToken) };
}

/**
 * Checks an account's password under the sign-in limits and records the attempt. Everything that
 * takes a password and then acts as its account (the sign-in page, accepting an invitation with an
 * existing account) comes through here, so a guess counts, and a lock holds, wherever it is made.
 */
export async function checkPassword(database: Database, input: { email: string; password: string; address: string | null }): Promise<PasswordCheck> {
  const email = input.email.trim().toLowerCase();
  const now = new Date();
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);

  // The attempt is recorded as a failure before it is judged, and judged with every other attempt
  // recorded so far, in flight or finished. Judged first and recorded after the password check
  // (tens of milliseconds of argon2), guesses sent all at once each found the slate clean: thirty
  // at once were thirty checked. Now the last of any six to be judged sees the other five.
  const [attempt] = await database.db.insert(signInAttempts).values({ email, address: input.address, succeeded: false, at: now }).returning({ id: signInAttempts.id });
  const attemptId = attempt!.id;
  const decision = decideSignIn(
    await recentFailures(database, { email }, since, attemptId),
    input.address ? await recentFailures(database, { address: input.address }, since, attemptId) : [],
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
  return { ok: true, userId: account.id };
}

/** What to tell someone refused by the sign-in limits. */
export function rateLimitedMessage(scope: "account" | "address", retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait = `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return scope === "account"
    ? `There have been too many failed attempts to sign in to this account. Wait ${wait}, then try again.`
    : `There have been too many failed sign-in attempts from your network. Wait ${wait}, then try again.`;
}

/** Failures in the window, other than the attempt being judged (`except`); attempts in flight count as failures. */
async function recentFailures(database: Database, who: { email: string } | { address: string }, since: Date, except: string): Promise<Date[]> {
  const key = "email" in who ? eq(signInAttempts.email, who.email) : eq(signInAttempts.address, who.address);
  const rows = await database.db
    .select({ at: signInAttempts.at, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(and(key, gt(signInAttempts.at, since), ne(signInAttempts.id, except)))
    .orderBy(asc(signInAttempts.at))
    .limit(500);
  // For an account, a success wipes the slate; an address is judged on all its failures.
  const fromIndex = "email" in who ? rows.findLastIndex((r) => r.succeeded) + 1 : 0;
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
