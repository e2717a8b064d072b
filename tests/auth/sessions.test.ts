import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { sessions, signInAttempts } from "../../db/schema";
import { sha256 } from "../../app/domain/auth/crypto.server";
import { resolveActor } from "../../app/domain/auth/resolve-actor.server";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { signOut } from "../../app/domain/auth/sign-out.server";
import { switchActiveContext } from "../../app/domain/auth/switch-context.server";
import { contextKey } from "../../app/domain/auth/actor";
import { openTestDatabase } from "../support/db";
import { createCollaborative, createOrganisation, createUser, TEST_PASSWORD, type TestUser } from "../support/factories";
import { cookieHeader, testConfig, tokenFrom } from "../support/config";

let database: Database;
let user: TestUser;
let orgA: string;
let orgB: string;
const config = testConfig();

beforeAll(async () => {
  database = await openTestDatabase();
  const collab = await createCollaborative(database);
  orgA = await createOrganisation(database, collab);
  orgB = await createOrganisation(database, collab);
  user = await createUser(database, [
    [orgA, "equality_lead"],
    [orgB, "viewer"],
  ]);
});
afterAll(() => database?.close());

async function signInOk(previousToken?: string) {
  const result = await signIn(database, config, { email: user.email, password: TEST_PASSWORD, address: "10.0.0.1", previousToken });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return result.setCookie;
}

describe("sign-in", () => {
  it("starts a session whose cookie is httpOnly and SameSite=Lax, storing only a hash of the token", async () => {
    const setCookie = await signInOk();
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/);
    const token = tokenFrom(setCookie);
    const [byToken] = await database.db.select().from(sessions).where(eq(sessions.id, token));
    const [byHash] = await database.db.select().from(sessions).where(eq(sessions.id, sha256(token)));
    expect(byToken).toBeUndefined();
    expect(byHash?.userId).toBe(user.id);
  });

  it("marks the cookie Secure when the service is served over https", async () => {
    const result = await signIn(database, testConfig({ secureCookies: true }), { email: user.email, password: TEST_PASSWORD, address: null });
    expect(result.ok && result.setCookie).toMatch(/; Secure/);
    expect(result.ok && result.setCookie).toMatch(/^__Host-/);
  });

  it("accepts the email in any case and with spaces around it", async () => {
    const result = await signIn(database, config, { email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD, address: null });
    expect(result.ok).toBe(true);
  });

  it("refuses a wrong password and an unknown account with the same answer", async () => {
    const wrong = await signIn(database, config, { email: user.email, password: "nope", address: "10.0.0.2" });
    const unknown = await signIn(database, config, { email: "nobody@test.example", password: "nope", address: "10.0.0.2" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
  });

  it("issues a new session id at every sign-in and ends the one the browser had", async () => {
    const first = await signInOk();
    const second = await signInOk(tokenFrom(first));
    expect(tokenFrom(second)).not.toBe(tokenFrom(first));
    expect((await resolveActor(database, config, cookieHeader(first))).status).toBe("anonymous");
    expect((await resolveActor(database, config, cookieHeader(second))).status).toBe("signed-in");
  });
});

describe("a session", () => {
  it("resolves to the person and their active organisation, and can switch organisation", async () => {
    const setCookie = await signInOk();
    const resolved = await resolveActor(database, config, cookieHeader(setCookie));
    if (resolved.status !== "signed-in") throw new Error("expected a signed-in actor");
    expect(resolved.actor.contexts.map((c) => c.orgId).sort()).toEqual([orgA, orgB].sort());
    const other = resolved.actor.contexts.find((c) => c.orgId !== resolved.actor.active.orgId)!;
    expect(await switchActiveContext(database, resolved.actor, contextKey(other))).toEqual({ ok: true });
    const after = await resolveActor(database, config, cookieHeader(setCookie));
    expect(after.status === "signed-in" && after.actor.active.orgId).toBe(other.orgId);
    expect(after.status === "signed-in" && after.actor.active.role).toBe(other.role);
  });

  it("is read beside other applications' cookies, even one with a malformed %-escape", async () => {
    // Another service on a shared NHS domain can set such a cookie; it made every page a 500.
    const setCookie = await signInOk();
    const header = `intranet_pref=50%; ${cookieHeader(setCookie)}; tracker=%E0%A4%A`;
    expect((await resolveActor(database, config, header)).status).toBe("signed-in");
    expect((await resolveActor(database, config, "intranet_pref=50%")).status).toBe("anonymous");
  });

  it("refuses to switch to an organisation the person does not belong to", async () => {
    const resolved = await resolveActor(database, config, cookieHeader(await signInOk()));
    if (resolved.status !== "signed-in") throw new Error("expected a signed-in actor");
    const outsideOrg = await createOrganisation(database, await createCollaborative(database));
    const result = await switchActiveContext(database, resolved.actor, `${outsideOrg}:${resolved.actor.active.collaborativeId}`);
    expect(result.ok).toBe(false);
  });

  it("ends at sign-out", async () => {
    const setCookie = await signInOk();
    const resolved = await resolveActor(database, config, cookieHeader(setCookie));
    if (resolved.status !== "signed-in") throw new Error("expected a signed-in actor");
    const cleared = await signOut(database, config, resolved.actor.sessionId);
    expect(cleared).toMatch(/Max-Age=0/);
    expect((await resolveActor(database, config, cookieHeader(setCookie))).status).toBe("anonymous");
  });

  it("expires after inactivity", async () => {
    const setCookie = await signInOk();
    await database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, sha256(tokenFrom(setCookie))));
    expect(await resolveActor(database, config, cookieHeader(setCookie))).toEqual({ status: "anonymous", clearCookie: true });
  });

  it("is extended by activity, up to its absolute lifetime, then ends however active", async () => {
    const setCookie = await signInOk();
    const id = sha256(tokenFrom(setCookie));
    // Nearly idle-expired: a request slides the expiry forward.
    await database.db.update(sessions).set({ expiresAt: new Date(Date.now() + 60_000) }).where(eq(sessions.id, id));
    expect((await resolveActor(database, config, cookieHeader(setCookie))).status).toBe("signed-in");
    const [extended] = await database.db.select().from(sessions).where(eq(sessions.id, id));
    expect(extended!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
    // Signed in longer ago than the absolute lifetime: over, and the row is gone.
    await database.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - (config.sessionMaxHours + 1) * 3_600_000) })
      .where(eq(sessions.id, id));
    expect((await resolveActor(database, config, cookieHeader(setCookie))).status).toBe("anonymous");
    expect(await database.db.select().from(sessions).where(eq(sessions.id, id))).toEqual([]);
  });

  it("is anonymous for a made-up cookie", async () => {
    expect((await resolveActor(database, config, "peff_session=made-up")).status).toBe("anonymous");
    expect((await resolveActor(database, config, null)).status).toBe("anonymous");
  });
});

describe("sign-in rate limits", () => {
  it("blocks an account after five failures, even with the right password, and says for how long", async () => {
    const victim = await createUser(database, [[orgA, "viewer"]]);
    for (let i = 0; i < 5; i++) {
      expect((await signIn(database, config, { email: victim.email, password: `guess-${i}`, address: `10.1.0.${i}` })).ok).toBe(false);
    }
    const blocked = await signIn(database, config, { email: victim.email, password: TEST_PASSWORD, address: "10.1.1.1" });
    expect(blocked).toMatchObject({ ok: false, reason: "rate-limited", scope: "account" });
    expect(blocked.ok === false && blocked.reason === "rate-limited" && blocked.retryAfterSeconds).toBeGreaterThan(800);
    // While blocked, attempts are not recorded (hammering does not extend the lock).
    const rows = await database.db.select().from(signInAttempts).where(eq(signInAttempts.email, victim.email));
    expect(rows).toHaveLength(5);
  });

  it("a success clears an account's earlier failures", async () => {
    const person = await createUser(database, [[orgA, "viewer"]]);
    for (let i = 0; i < 4; i++) await signIn(database, config, { email: person.email, password: "wrong", address: "10.2.0.1" });
    expect((await signIn(database, config, { email: person.email, password: TEST_PASSWORD, address: "10.2.0.1" })).ok).toBe(true);
    for (let i = 0; i < 4; i++) await signIn(database, config, { email: person.email, password: "wrong", address: "10.2.0.2" });
    expect((await signIn(database, config, { email: person.email, password: TEST_PASSWORD, address: "10.2.0.3" })).ok).toBe(true);
  });

  it("blocks an address after twenty failures across accounts", async () => {
    const address = "10.3.0.9";
    for (let i = 0; i < 20; i++) await signIn(database, config, { email: `spray-${i}@test.example`, password: "x", address });
    const blocked = await signIn(database, config, { email: user.email, password: TEST_PASSWORD, address });
    expect(blocked).toMatchObject({ ok: false, reason: "rate-limited", scope: "address" });
    expect((await signIn(database, config, { email: user.email, password: TEST_PASSWORD, address: "10.3.0.10" })).ok).toBe(true);
  });
});

describe("housekeeping", () => {
  it("purges expired sessions and stale sign-in attempts, keeping live ones", async () => {
    const { purgeExpiredAuthRecords } = await import("../../app/domain/auth/housekeeping.server");
    const live = await signInOk();
    const dead = await signInOk();
    await database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, sha256(tokenFrom(dead))));
    await database.db.insert(signInAttempts).values({ email: "old@test.example", succeeded: false, at: new Date(Date.now() - 7 * 86_400_000) });
    await purgeExpiredAuthRecords(database);
    expect(await database.db.select().from(sessions).where(eq(sessions.id, sha256(tokenFrom(dead))))).toEqual([]);
    expect(await database.db.select().from(sessions).where(eq(sessions.id, sha256(tokenFrom(live))))).toHaveLength(1);
    expect(await database.db.select().from(signInAttempts).where(eq(signInAttempts.email, "old@test.example"))).toEqual([]);
  });
});
