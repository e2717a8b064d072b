import { and, eq } from "drizzle-orm";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { memberships, passwordResets } from "../../db/schema";
import type { Actor } from "../../app/domain/auth/actor";
import { changePassword } from "../../app/domain/auth/change-password.server";
import { resolveActor } from "../../app/domain/auth/resolve-actor.server";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { changeMemberRole } from "../../app/domain/members/change-member-role.server";
import { createPasswordReset, describeResetTarget } from "../../app/domain/password-resets/create-password-reset.server";
import { getPasswordReset } from "../../app/domain/password-resets/get-password-reset.server";
import { usePasswordReset } from "../../app/domain/password-resets/use-password-reset.server";
import { RESET_REFUSED } from "../../app/policies/password-reset";
import * as makeRoute from "../../app/routes/members.$membershipId.reset-password";
import * as membersRoute from "../../app/routes/members._index";
import * as useRoute from "../../app/routes/reset-password.$token";
import { openTestDatabase } from "../support/db";
import { cookieHeader, testConfig } from "../support/config";
import { actorFor, createUser, createWorld, TEST_PASSWORD, type TestUser, type World } from "../support/factories";
import { callRoute } from "../support/routes";

let database: Database;
let world: World;
const config = testConfig();
const NEW_PASSWORD = "a brand new passphrase";

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

const membershipOf = async (user: TestUser, orgId: string) =>
  (await database.db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.orgId, orgId))))[0]!.id;
const tokenOf = (url: string) => url.split("/reset-password/")[1]!;
const canSignIn = async (user: TestUser, password: string) => (await signIn(database, config, { email: user.email, password, address: null })).ok;

async function sessionOf(user: TestUser): Promise<string> {
  const result = await signIn(database, config, { email: user.email, password: TEST_PASSWORD, address: null });
  if (!result.ok) throw new Error("sign-in failed");
  return cookieHeader(result.setCookie);
}
const signedIn = async (cookie: string) => (await resolveActor(database, config, cookie)).status === "signed-in";

/** A person in organisation A of collaborative X with this role, and the lead's reset link for them. */
async function personInA(role: "contributor" | "viewer" = "contributor") {
  const user = await createUser(database, [[world.orgs.a, role]]);
  return { user, membershipId: await membershipOf(user, world.orgs.a) };
}

describe("a password reset link", () => {
  it("changes nothing until used; used once, it sets the password, ends every session and signs this browser in", async () => {
    const { user, membershipId } = await personInA();
    const before = await sessionOf(user);
    const { url } = await createPasswordReset(database, config, world.actors.leadA, membershipId);
    expect(url).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
    // Stored only as a hash.
    const [stored] = await database.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(stored!.tokenHash).not.toContain(tokenOf(url));
    expect(await canSignIn(user, TEST_PASSWORD)).toBe(true);
    expect(await signedIn(before)).toBe(true);

    const cookie = cookieHeader((await usePasswordReset(database, config, tokenOf(url), NEW_PASSWORD)).setCookie);
    expect(await signedIn(before)).toBe(false);
    expect(await signedIn(cookie)).toBe(true);
    expect(await canSignIn(user, TEST_PASSWORD)).toBe(false);
    expect(await canSignIn(user, NEW_PASSWORD)).toBe(true);
    await expect(usePasswordReset(database, config, tokenOf(url), "yet another passphrase")).rejects.toMatchObject({ status: 410, message: expect.stringMatching(/already been used/) });
  });

  it("only the newest link works, and a password changed meanwhile ends it", async () => {
    const { user, membershipId } = await personInA();
    const first = await createPasswordReset(database, config, world.actors.leadA, membershipId);
    const second = await createPasswordReset(database, config, world.actors.leadA, membershipId);
    expect((await getPasswordReset(database.db, tokenOf(first.url)))!.status).toBe("superseded");
    expect((await getPasswordReset(database.db, tokenOf(second.url)))!.status).toBe("valid");
    const actor = (await resolveActor(database, config, await sessionOf(user))) as { actor: Actor };
    await changePassword(database, config, actor.actor, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, address: null });
    expect((await getPasswordReset(database.db, tokenOf(second.url)))!.status).toBe("superseded");
  });

  it("expires after 24 hours", async () => {
    const { user, membershipId } = await personInA();
    const { url } = await createPasswordReset(database, config, world.actors.leadA, membershipId);
    await database.db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResets.userId, user.id));
    await expect(usePasswordReset(database, config, tokenOf(url), NEW_PASSWORD)).rejects.toMatchObject({ status: 410, message: expect.stringMatching(/expired/) });
    expect(await canSignIn(user, TEST_PASSWORD)).toBe(true);
  });

  it("stops working when its maker could no longer make it (demoted)", async () => {
    const lead = await createUser(database, [[world.orgs.a, "equality_lead"]]);
    const leadActor = await actorFor(database, lead, world.orgs.a);
    const { user, membershipId } = await personInA();
    const { url } = await createPasswordReset(database, config, leadActor, membershipId);
    await changeMemberRole(database, world.actors.leadA, await membershipOf(lead, world.orgs.a), "viewer");
    await expect(usePasswordReset(database, config, tokenOf(url), NEW_PASSWORD)).rejects.toMatchObject({ status: 410, message: expect.stringMatching(/can no longer manage/) });
    expect(await canSignIn(user, TEST_PASSWORD)).toBe(true);
  });
});

describe("who may make one", () => {
  it("an equality lead, for someone whose every membership is in their organisation with a role they could give", async () => {
    const { membershipId } = await personInA("viewer");
    expect((await describeResetTarget(database, world.actors.leadA, membershipId)).allowed).toBe(true);
  });

  it("not for themselves, nor a collaborative admin, nor someone who also works in an organisation they do not manage", async () => {
    const self = await membershipOf(world.people.leadA, world.orgs.a);
    const admin = await membershipOf(world.people.adminX, world.orgs.a);
    const { user: twoPlaces, membershipId: twoPlacesInA } = await personInA();
    await database.db.insert(memberships).values({ userId: twoPlaces.id, orgId: world.orgs.b, role: "contributor" });
    for (const id of [self, admin, twoPlacesInA]) {
      expect((await describeResetTarget(database, world.actors.leadA, id)).allowed).toBe(false);
      await expect(createPasswordReset(database, config, world.actors.leadA, id)).rejects.toMatchObject({ status: 403, message: RESET_REFUSED });
    }
    // Not even a collaborative admin of X: B is in another collaborative.
    await expect(createPasswordReset(database, config, world.actors.adminX, twoPlacesInA)).rejects.toMatchObject({ status: 403 });
    expect(await database.db.select().from(passwordResets).where(eq(passwordResets.userId, twoPlaces.id))).toEqual([]);
  });

  it("a collaborative admin, for people of every member organisation; not a lead of another organisation, nor anyone of another collaborative", async () => {
    const user = await createUser(database, [[world.orgs.a2, "contributor"]]);
    const membershipId = await membershipOf(user, world.orgs.a2);
    expect((await describeResetTarget(database, world.actors.adminX, membershipId)).allowed).toBe(true);
    await expect(createPasswordReset(database, config, world.actors.leadA, membershipId)).rejects.toMatchObject({ status: 403 });
    // Another collaborative's people are not even found.
    await expect(createPasswordReset(database, config, world.actors.leadB, membershipId)).rejects.toMatchObject({ status: 404 });
    await expect(createPasswordReset(database, config, world.actors.contributorA, await membershipOf(world.people.viewerA, world.orgs.a))).rejects.toMatchObject({ status: 403 });
  });
});

describe("the pages", () => {
  it("members page offers it beside Remove; the page makes the link once; the link's page sets the password", async () => {
    const { user, membershipId } = await personInA();
    const members = await callRoute(database, membersRoute.loader, world.people.leadA, "/members");
    const row = (members.body as { orgs: { members: { membershipId: string; canRemove: boolean }[] }[] }).orgs.flatMap((o) => o.members).find((m) => m.membershipId === membershipId);
    expect(row?.canRemove).toBe(true);

    expect(await callRoute(database, makeRoute.loader, world.people.leadA, "/", { params: { membershipId } })).toMatchObject({ status: 200, body: { target: { email: user.email, allowed: true } } });
    expect((await callRoute(database, makeRoute.loader, world.people.viewerA, "/", { params: { membershipId } })).status).toBe(403);
    const admin = await membershipOf(world.people.adminX, world.orgs.a);
    expect(await callRoute(database, makeRoute.loader, world.people.leadA, "/", { params: { membershipId: admin } })).toMatchObject({ status: 403, body: { message: RESET_REFUSED } });
    const made = await callRoute(database, makeRoute.action, world.people.leadA, "/", { params: { membershipId }, form: {} });
    const url = (made.body as { link: { url: string } }).link.url;
    const token = tokenOf(url);

    const context = { database, config, clientAddress: null } as unknown as AppLoadContext;
    const call = async (fn: typeof useRoute.loader | typeof useRoute.action, form?: Record<string, string>) => {
      const request = new Request(`http://localhost:3000/reset-password/${token}`, form ? { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) } : {});
      try {
        const answer = (await fn({ request, context, params: { token } } as never)) as { data?: unknown; init?: { status?: number } };
        return { status: answer.init?.status ?? 200, body: answer.data ?? answer };
      } catch (thrown) {
        if (thrown instanceof Response) return { status: thrown.status, body: thrown.headers.get("location") };
        const d = thrown as { data?: unknown; init?: { status?: number } };
        return { status: d.init?.status ?? 500, body: d.data };
      }
    };
    expect(await call(useRoute.loader)).toMatchObject({ status: 200, body: { email: user.email } });
    const mismatch = await call(useRoute.action, { password: NEW_PASSWORD, confirmPassword: "not the same at all" });
    expect(mismatch).toMatchObject({ status: 422, body: { errors: { confirmPassword: "Enter the same password twice" }, values: {} } });
    expect(await call(useRoute.action, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({ status: 302, body: "/account?done=reset" });
    expect(await call(useRoute.loader)).toMatchObject({ status: 410 });
    const unknown = { ...context };
    expect((await useRoute.loader({ request: new Request("http://localhost:3000/reset-password/nope"), context: unknown, params: { token: "nope" } } as never).catch((e: { init?: { status?: number } }) => e))).toMatchObject({ init: { status: 404 } });
    expect(await canSignIn(user, NEW_PASSWORD)).toBe(true);
  });
});

describe("the members page's offer", () => {
  it("offers the link only beside people it would be made for, and says why not beside the others", async () => {
    const { membershipId: onlyInA } = await personInA();
    const { user: twoPlaces, membershipId: twoPlacesInA } = await personInA();
    await database.db.insert(memberships).values({ userId: twoPlaces.id, orgId: world.orgs.a2, role: "viewer" });
    const members = await callRoute(database, membersRoute.loader, world.people.leadA, "/members");
    const rows = (members.body as { orgs: { members: { membershipId: string; canRemove: boolean; canReset: boolean }[] }[] }).orgs.flatMap((o) => o.members);
    const row = (id: string) => rows.find((m) => m.membershipId === id)!;
    expect(row(onlyInA)).toMatchObject({ canRemove: true, canReset: true });
    // The lead of A may remove them from A, but a link would open A2 too: it is not offered (it would be refused).
    expect(row(twoPlacesInA)).toMatchObject({ canRemove: true, canReset: false });
    expect((await describeResetTarget(database, world.actors.leadA, twoPlacesInA)).allowed).toBe(false);
    // The collaborative's admin manages both organisations, so is offered it.
    const forAdmin = await callRoute(database, membersRoute.loader, world.people.adminX, "/members");
    const adminRows = (forAdmin.body as { orgs: { members: { membershipId: string; canReset: boolean }[] }[] }).orgs.flatMap((o) => o.members);
    expect(adminRows.find((m) => m.membershipId === twoPlacesInA)).toMatchObject({ canReset: true });
    expect(adminRows.find((m) => m.membershipId === onlyInA)).toMatchObject({ canReset: true });
  });
});
