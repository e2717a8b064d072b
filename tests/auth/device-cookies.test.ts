import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { memberships, signInAttempts, trustedDevices } from "../../db/schema";
import type { Actor } from "../../app/domain/auth/actor";
import { changePassword } from "../../app/domain/auth/change-password.server";
import { sha256 } from "../../app/domain/auth/crypto.server";
import { purgeExpiredAuthRecords } from "../../app/domain/auth/housekeeping.server";
import { resolveActor } from "../../app/domain/auth/resolve-actor.server";
import { signIn, type SignInInput } from "../../app/domain/auth/sign-in.server";
import { acceptInvitation } from "../../app/domain/invitations/accept-invitation.server";
import { createInvitation } from "../../app/domain/invitations/create-invitation.server";
import { createPasswordReset } from "../../app/domain/password-resets/create-password-reset.server";
import { usePasswordReset } from "../../app/domain/password-resets/use-password-reset.server";
import { openTestDatabase } from "../support/db";
import { cookieHeader, invitationToken, testConfig, tokenFrom } from "../support/config";
import { createUser, createWorld, TEST_PASSWORD, type TestUser, type World } from "../support/factories";

/**
 * Device cookies (OWASP): a browser that has signed in to an account is judged on its own recent
 * failures, so someone who knows a lead's email (or a colleague behind the same trust proxy) can
 * lock out only clients without one.
 */
let database: Database;
let world: World;
const config = testConfig();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

const attempt = (user: TestUser, password: string, more: Partial<SignInInput> = {}) => signIn(database, config, { email: user.email, password, address: "10.50.0.1", ...more });

/** Signs in on "their usual browser" and returns the device token it was given. */
async function trustedBrowserOf(user: TestUser): Promise<string> {
  const result = await attempt(user, TEST_PASSWORD, { address: "10.50.9.9" });
  if (!result.ok) throw new Error("sign-in failed");
  return tokenFrom(result.deviceCookie);
}

/** Five wrong guesses from clients without a device cookie: the account is locked for them. */
async function lockOut(user: TestUser) {
  for (let i = 0; i < 5; i++) expect(await attempt(user, `guess-${i}`, { address: `10.51.0.${i}` })).toEqual({ ok: false, reason: "invalid" });
  expect(await attempt(user, TEST_PASSWORD, { address: "10.51.1.1" })).toMatchObject({ ok: false, reason: "rate-limited", scope: "account" });
}

describe("a device cookie", () => {
  it("is given at every successful sign-in, stored only as a hash, and replaced by the next", async () => {
    const user = await createUser(database, [[world.orgs.a, "viewer"]]);
    const first = await trustedBrowserOf(user);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await database.db.select().from(trustedDevices).where(eq(trustedDevices.tokenHash, sha256(first)));
    expect(stored?.userId).toBe(user.id);
    const next = await attempt(user, TEST_PASSWORD, { deviceToken: first });
    const second = next.ok ? tokenFrom(next.deviceCookie) : "";
    expect(second).not.toBe(first);
    expect(await database.db.select().from(trustedDevices).where(eq(trustedDevices.tokenHash, sha256(first)))).toEqual([]);
    expect(await database.db.select().from(trustedDevices).where(eq(trustedDevices.tokenHash, sha256(second)))).toHaveLength(1);
  });

  it("lets its holder sign in while an attacker's guesses have locked the account for everyone else", async () => {
    const lead = await createUser(database, [[world.orgs.a, "equality_lead"]]);
    const device = await trustedBrowserOf(lead);
    await lockOut(lead);
    expect(await attempt(lead, TEST_PASSWORD, { deviceToken: device })).toMatchObject({ ok: true, userId: lead.id });
    // The lead's success does not reopen the account to the attacker.
    expect(await attempt(lead, "guess-again", { address: "10.51.0.9" })).toMatchObject({ ok: false, reason: "rate-limited", scope: "account" });
  });

  it("is locked by its own failures only: five wrong passwords on it lock that browser, not the account", async () => {
    const lead = await createUser(database, [[world.orgs.a, "equality_lead"]]);
    const device = await trustedBrowserOf(lead);
    const otherDevice = await trustedBrowserOf(lead);
    // The second sign-in replaced nothing (no cookie presented), so both browsers are trusted.
    for (let i = 0; i < 5; i++) expect(await attempt(lead, `typo-${i}`, { deviceToken: device })).toEqual({ ok: false, reason: "invalid" });
    const locked = await attempt(lead, TEST_PASSWORD, { deviceToken: device });
    expect(locked).toMatchObject({ ok: false, reason: "rate-limited", scope: "device" });
    expect(locked.ok === false && locked.reason === "rate-limited" && locked.retryAfterSeconds).toBeGreaterThan(800);
    expect((await attempt(lead, TEST_PASSWORD, { deviceToken: otherDevice })).ok).toBe(true);
    expect((await attempt(lead, TEST_PASSWORD, { address: "10.52.0.1" })).ok).toBe(true);
  });

  it("is not stopped by a locked address (a trust's shared proxy)", async () => {
    const lead = await createUser(database, [[world.orgs.a, "equality_lead"]]);
    const proxy = "10.53.0.1";
    const device = await trustedBrowserOf(lead);
    for (let i = 0; i < 20; i++) await signIn(database, config, { email: `colleague-${i}@test.example`, password: "x", address: proxy });
    expect(await attempt(lead, TEST_PASSWORD, { address: proxy })).toMatchObject({ ok: false, reason: "rate-limited", scope: "address" });
    expect(await attempt(lead, TEST_PASSWORD, { address: proxy, deviceToken: device })).toMatchObject({ ok: true, userId: lead.id });
  });

  it("helps only the account it was given for, and only until it expires", async () => {
    const lead = await createUser(database, [[world.orgs.a, "equality_lead"]]);
    const attacker = await createUser(database, [[world.orgs.b, "viewer"]]);
    const attackersDevice = await trustedBrowserOf(attacker);
    await lockOut(lead);
    expect(await attempt(lead, TEST_PASSWORD, { deviceToken: attackersDevice })).toMatchObject({ ok: false, reason: "rate-limited", scope: "account" });
    // Guesses made with another account's cookie count as the untrusted guesses they are.
    const other = await createUser(database, [[world.orgs.a, "viewer"]]);
    for (let i = 0; i < 5; i++) await attempt(other, `guess-${i}`, { deviceToken: attackersDevice });
    expect(await attempt(other, TEST_PASSWORD)).toMatchObject({ ok: false, reason: "rate-limited", scope: "account" });

    const person = await createUser(database, [[world.orgs.a, "viewer"]]);
    const expired = await trustedBrowserOf(person);
    await database.db.update(trustedDevices).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(trustedDevices.tokenHash, sha256(expired)));
    await lockOut(person);
    expect(await attempt(person, TEST_PASSWORD, { deviceToken: expired })).toMatchObject({ ok: false, reason: "rate-limited", scope: "account" });
    // Housekeeping removes it.
    await purgeExpiredAuthRecords(database);
    expect(await database.db.select().from(trustedDevices).where(eq(trustedDevices.tokenHash, sha256(expired)))).toEqual([]);
  });

  it("ends when the password is reset or changed, on every browser but the one that did it", async () => {
    const person = await createUser(database, [[world.orgs.a, "contributor"]]);
    const [membership] = await database.db.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, person.id));
    const device = await trustedBrowserOf(person);
    const { url } = await createPasswordReset(database, config, world.actors.leadA, membership!.id);
    const reset = await usePasswordReset(database, config, url.split("/reset-password/")[1]!, "a brand new passphrase");
    // Only the browser that used the link is trusted now.
    const resetter = tokenFrom(reset.deviceCookie);
    expect((await database.db.select({ tokenHash: trustedDevices.tokenHash }).from(trustedDevices).where(eq(trustedDevices.userId, person.id))).map((d) => d.tokenHash)).toEqual([sha256(resetter)]);
    for (let i = 0; i < 5; i++) await attempt(person, `guess-${i}`, { address: `10.54.0.${i}` });
    expect(await attempt(person, "a brand new passphrase", { deviceToken: device })).toMatchObject({ ok: false, reason: "rate-limited", scope: "account" });
    // The person, at the browser they reset from, is not locked out by the guesses.
    expect(await attempt(person, "a brand new passphrase", { deviceToken: resetter })).toMatchObject({ ok: true });

    const changer = await createUser(database, [[world.orgs.a, "contributor"]]);
    const changersDevice = await trustedBrowserOf(changer);
    const signedIn = await attempt(changer, TEST_PASSWORD);
    const actor = (await resolveActor(database, config, cookieHeader(signedIn.ok ? signedIn.setCookie : ""))) as { actor: Actor };
    const changed = await changePassword(database, config, actor.actor, { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase", address: null, deviceToken: changersDevice });
    expect((await database.db.select({ tokenHash: trustedDevices.tokenHash }).from(trustedDevices).where(eq(trustedDevices.userId, changer.id))).map((d) => d.tokenHash)).toEqual([sha256(tokenFrom(changed.deviceCookie))]);
  });

  it("counts on the account page and the invitation page too: guesses elsewhere do not stop its holder", async () => {
    const lead = await createUser(database, [[world.orgs.a, "equality_lead"]]);
    const device = await trustedBrowserOf(lead);
    const session = await attempt(lead, TEST_PASSWORD, { deviceToken: device });
    const nextDevice = session.ok ? tokenFrom(session.deviceCookie) : "";
    const actor = (await resolveActor(database, config, cookieHeader(session.ok ? session.setCookie : ""))) as { actor: Actor };
    await lockOut(lead);
    await expect(changePassword(database, config, actor.actor, { currentPassword: TEST_PASSWORD, newPassword: "n", address: null })).rejects.toMatchObject({ status: 429 });
    await expect(changePassword(database, config, actor.actor, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, address: null, deviceToken: nextDevice })).rejects.toMatchObject({
      status: 422,
      fields: { newPassword: expect.any(String) },
    });

    const invited = await createUser(database, [[world.orgs.a, "viewer"]]);
    const invitedDevice = await trustedBrowserOf(invited);
    await lockOut(invited);
    const { url } = await createInvitation(database, config, world.actors.adminX, { orgId: world.orgs.a2, email: invited.email, role: "viewer" });
    const accept = (deviceToken?: string) => acceptInvitation(database, { kind: "existing-account", token: invitationToken(url), password: TEST_PASSWORD, address: "10.55.0.1", deviceToken });
    await expect(accept()).rejects.toMatchObject({ status: 429 });
    await expect(accept(invitedDevice)).resolves.toMatchObject({ userId: invited.id, orgId: world.orgs.a2 });
  });
});

describe("guesses fired together on one trusted browser", () => {
  it("no more than five are checked, and the browser is locked", async () => {
    const lead = await createUser(database, [[world.orgs.a, "equality_lead"]]);
    const device = await trustedBrowserOf(lead);
    const guess = (i: number) => attempt(lead, `guess-${i}`, { deviceToken: device });
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => guess(i)));
    const after = [];
    for (let i = 30; i < 40; i++) after.push(await guess(i));
    expect([...burst, ...after].filter((a) => !a.ok && a.reason === "invalid").length).toBeLessThanOrEqual(5);
    expect(await attempt(lead, TEST_PASSWORD, { deviceToken: device })).toMatchObject({ ok: false, reason: "rate-limited", scope: "device" });
    // None of it counted against the account.
    const counted = await database.db.select().from(signInAttempts).where(eq(signInAttempts.email, lead.email));
    expect(counted.filter((a) => !a.succeeded && a.deviceId === null)).toEqual([]);
    expect((await attempt(lead, TEST_PASSWORD, { address: "10.56.0.1" })).ok).toBe(true);
  });
});
