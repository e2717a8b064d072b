import { eq } from "drizzle-orm";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import type { Actor } from "../../app/domain/auth/actor";
import { changePassword } from "../../app/domain/auth/change-password.server";
import { countOtherSessions, endOtherSessions } from "../../app/domain/auth/end-other-sessions.server";
import { resolveActor } from "../../app/domain/auth/resolve-actor.server";
import { signIn } from "../../app/domain/auth/sign-in.server";
import * as accountRoute from "../../app/routes/account";
import { openTestDatabase } from "../support/db";
import { cookieHeader, testConfig } from "../support/config";
import { createCollaborative, createOrganisation, createUser, TEST_PASSWORD, type TestUser } from "../support/factories";

let database: Database;
let orgId: string;
const config = testConfig();
const NEW_PASSWORD = "a new and longer passphrase";

beforeAll(async () => {
  database = await openTestDatabase();
  orgId = await createOrganisation(database, await createCollaborative(database));
});
afterAll(() => database?.close());

async function signedIn(user: TestUser, password = TEST_PASSWORD, address = "10.1.0.1"): Promise<string> {
  const result = await signIn(database, config, { email: user.email, password, address });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return cookieHeader(result.setCookie);
}

async function actorOf(cookie: string): Promise<Actor | null> {
  const resolution = await resolveActor(database, config, cookie);
  return resolution.status === "signed-in" ? resolution.actor : null;
}

/** The account page's loader or action, as a browser with this cookie would call it. */
async function call(fn: typeof accountRoute.loader | typeof accountRoute.action, cookie: string, form?: Record<string, string>) {
  const request = new Request("http://localhost:3000/account", form ? { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) } : { headers: { cookie } });
  const context = { database, config, clientAddress: "10.1.0.2" } as unknown as AppLoadContext;
  try {
    const answer = await fn({ request, context, params: {} } as never);
    return answer instanceof Response ? answer : { status: (answer as { init?: { status?: number } }).init?.status ?? 200, body: (answer as { data?: unknown }).data ?? answer };
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    const d = thrown as { data?: unknown; init?: { status?: number } };
    if (d && typeof d === "object" && "init" in d) return { status: d.init?.status ?? 500, body: d.data };
    throw thrown;
  }
}
const statusOf = (answer: Response | { status: number }) => answer.status;
const bodyOf = (answer: Response | { body: unknown }) => ("body" in answer && !(answer instanceof Response) ? answer.body : undefined) as Record<string, unknown>;

describe("your account", () => {
  it("shows who you are, where you work and how many other sessions you have", async () => {
    const user = await createUser(database, [[orgId, "contributor"]]);
    const here = await signedIn(user);
    await signedIn(user);
    await signedIn(user);
    const page = await call(accountRoute.loader, here);
    expect(statusOf(page)).toBe(200);
    expect(bodyOf(page)).toMatchObject({ name: user.name, email: user.email, otherSessions: 2, places: [{ role: "Contributor" }] });
  });

  it("changes your name and job title, and keeps what you typed when it is wrong", async () => {
    const user = await createUser(database, [[orgId, "viewer"]]);
    const cookie = await signedIn(user);
    const empty = await call(accountRoute.action, cookie, { intent: "name", name: "  " });
    expect(empty).toMatchObject({ status: 422, body: { ok: false, errors: { name: "Enter your full name" } } });
    const tooLong = await call(accountRoute.action, cookie, { intent: "name", name: "x".repeat(121) });
    expect(tooLong).toMatchObject({ status: 422, body: { values: { name: "x".repeat(121) } } });
    expect(statusOf(await call(accountRoute.action, cookie, { intent: "name", name: "Dr Aisha Rahman", jobTitle: "Head of Equality and Inclusion" }))).toBe(302);
    expect((await database.db.select({ name: users.name, jobTitle: users.jobTitle }).from(users).where(eq(users.id, user.id)))[0]).toEqual({ name: "Dr Aisha Rahman", jobTitle: "Head of Equality and Inclusion" });
    expect(bodyOf(await call(accountRoute.loader, cookie))).toMatchObject({ jobTitle: "Head of Equality and Inclusion" });
    // A blank job title clears it.
    await call(accountRoute.action, cookie, { intent: "name", name: "Dr Aisha Rahman", jobTitle: " " });
    expect((await database.db.select({ jobTitle: users.jobTitle }).from(users).where(eq(users.id, user.id)))[0]!.jobTitle).toBeNull();
    expect((await actorOf(cookie))!.name).toBe("Dr Aisha Rahman");
  });

  it("signs you out everywhere else, keeping this session", async () => {
    const user = await createUser(database, [[orgId, "viewer"]]);
    const here = await signedIn(user);
    const elsewhere = await signedIn(user);
    const other = await createUser(database, [[orgId, "viewer"]]);
    const theirs = await signedIn(other);
    expect(await endOtherSessions(database, (await actorOf(here))!)).toBe(1);
    expect(await actorOf(here)).not.toBeNull();
    expect(await actorOf(elsewhere)).toBeNull();
    expect(await actorOf(theirs)).not.toBeNull();
    expect(await countOtherSessions(database, config, (await actorOf(here))!)).toBe(0);
  });
});

describe("changing your password", () => {
  it("needs the current password; then the old one stops working, every session ends and this browser gets a new one", async () => {
    const user = await createUser(database, [[orgId, "equality_lead"]]);
    const here = await signedIn(user);
    const elsewhere = await signedIn(user);
    const actor = (await actorOf(here))!;
    await expect(changePassword(database, config, actor, { currentPassword: "wrong", newPassword: NEW_PASSWORD, address: null })).rejects.toMatchObject({ status: 422, fields: { currentPassword: expect.any(String) } });
    await expect(changePassword(database, config, actor, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, address: null })).rejects.toMatchObject({ fields: { newPassword: expect.any(String) } });
    expect(await actorOf(elsewhere)).not.toBeNull();

    const fresh = cookieHeader((await changePassword(database, config, actor, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, address: null })).setCookie);
    expect(await actorOf(here)).toBeNull();
    expect(await actorOf(elsewhere)).toBeNull();
    expect((await actorOf(fresh))!.active.orgId).toBe(orgId);
    expect((await signIn(database, config, { email: user.email, password: TEST_PASSWORD, address: null })).ok).toBe(false);
    expect((await signIn(database, config, { email: user.email, password: NEW_PASSWORD, address: null })).ok).toBe(true);
  });

  it("counts a wrong current password as a failed sign-in: the fifth locks the account, even against the right one", async () => {
    const user = await createUser(database, [[orgId, "contributor"]]);
    const cookie = await signedIn(user);
    const actor = (await actorOf(cookie))!;
    for (let i = 0; i < 5; i++) {
      await expect(changePassword(database, config, actor, { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD, address: null })).rejects.toMatchObject({ status: 422 });
    }
    await expect(changePassword(database, config, actor, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, address: null })).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/too many failed attempts/) });
    expect((await signIn(database, config, { email: user.email, password: TEST_PASSWORD, address: null })).ok).toBe(false);
  });

  it("through the page: field by field errors, no password sent back, and a new cookie on success", async () => {
    const user = await createUser(database, [[orgId, "contributor"]]);
    const cookie = await signedIn(user);
    const mismatch = await call(accountRoute.action, cookie, { intent: "password", currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: "something else entirely" });
    expect(mismatch).toMatchObject({ status: 422, body: { errors: { confirmPassword: "Enter the same new password twice" } } });
    const short = await call(accountRoute.action, cookie, { intent: "password", currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" });
    expect(short).toMatchObject({ status: 422, body: { errors: { newPassword: "Password must be 12 characters or more" } } });
    expect(JSON.stringify(bodyOf(mismatch)) + JSON.stringify(bodyOf(short))).not.toMatch(/correct horse|passphrase|short"/);

    const done = await call(accountRoute.action, cookie, { intent: "password", currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(done).toBeInstanceOf(Response);
    const response = done as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/account?done=password");
    expect(await actorOf(cookie)).toBeNull();
    expect(await actorOf(cookieHeader(response.headers.get("set-cookie")!))).not.toBeNull();
  });

  it("refuses an unknown form with 400", async () => {
    const user = await createUser(database, [[orgId, "viewer"]]);
    expect(statusOf(await call(accountRoute.action, await signedIn(user), { intent: "something" }))).toBe(400);
  });
});
