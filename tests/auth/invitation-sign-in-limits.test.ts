import { eq } from "drizzle-orm";
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../db/client";
import { invitations, memberships, signInAttempts } from "../../db/schema";
import type * as Crypto from "../../app/domain/auth/crypto.server";
import { rateLimitedMessage, signIn } from "../../app/domain/auth/sign-in.server";
import { acceptInvitation } from "../../app/domain/invitations/accept-invitation.server";
import { createInvitation } from "../../app/domain/invitations/create-invitation.server";
import { DomainError } from "../../app/domain/errors";
import { action } from "../../app/routes/invitations.$token";
import { openTestDatabase } from "../support/db";
import { createUser, createWorld, TEST_PASSWORD, type World } from "../support/factories";
import { invitationToken, testConfig } from "../support/config";

// Lets a test look at the database while a password is being verified.
const probe = vi.hoisted(() => ({ whileVerifying: null as null | (() => Promise<void>) }));
vi.mock("../../app/domain/auth/crypto.server", async (importOriginal) => {
  const original = await importOriginal<typeof Crypto>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      await probe.whileVerifying?.();
      return original.verifyPassword(hash, password);
    },
  };
});

let database: Database;
let world: World;
const config = testConfig();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());
afterEach(() => {
  probe.whileVerifying = null;
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/**
 * The attack: an equality lead invites someone else's existing account (here a person of another
 * collaborative) to their own organisation, sees the link, and types guesses at its password.
 */
async function victimInvitedByLead() {
  const victim = await createUser(database, [[world.orgs.b, "viewer"]]);
  const invitation = await createInvitation(database, config, world.actors.leadA, { orgId: world.orgs.a, email: victim.email, role: "viewer" });
  return { victim, invitationId: invitation.id, token: invitationToken(invitation.url) };
}

const guess = (token: string, password: string, address = "10.40.0.1") => acceptInvitation(database, { kind: "existing-account", token, password, address });

describe("accepting an invitation with an existing account's password", () => {
  it("counts each wrong password as a failed sign-in, and stops at the sign-in limit even for the right one", async () => {
    const { victim, token } = await victimInvitedByLead();
    for (let i = 0; i < 5; i++) {
      const error = await failure(guess(token, `guess-${i}`, `10.41.0.${i}`));
      expect(error.status).toBe(422);
      expect(error.fields.password).toMatch(/correct password/);
    }
    const attempts = await database.db.select().from(signInAttempts).where(eq(signInAttempts.email, victim.email));
    expect(attempts.map((a) => [a.succeeded, a.address])).toEqual([0, 1, 2, 3, 4].map((i) => [false, `10.41.0.${i}`]));

    const locked = await failure(guess(token, TEST_PASSWORD, "10.41.1.1"));
    expect(locked.status).toBe(429);
    expect(locked.message).toMatch(/^There have been too many failed attempts to sign in to this account\. Wait 1[45] minutes, then try again\.$/);
    expect(await database.db.select().from(memberships).where(eq(memberships.userId, victim.id))).toHaveLength(1);
    // The account is locked on the sign-in page too.
    expect(await signIn(database, config, { email: victim.email, password: TEST_PASSWORD, address: "10.41.1.2" })).toMatchObject({ ok: false, reason: "rate-limited", scope: "account" });
  });

  it("is refused for an account the sign-in page has locked", async () => {
    const { victim, token } = await victimInvitedByLead();
    for (let i = 0; i < 5; i++) await signIn(database, config, { email: victim.email, password: "wrong", address: "10.42.0.1" });
    expect((await failure(guess(token, TEST_PASSWORD))).status).toBe(429);
  });

  it("is refused from an address the sign-in page has locked", async () => {
    const { token } = await victimInvitedByLead();
    const address = "10.43.0.9";
    for (let i = 0; i < 20; i++) await signIn(database, config, { email: `spray-${i}@test.example`, password: "x", address });
    const locked = await failure(guess(token, TEST_PASSWORD, address));
    expect(locked.status).toBe(429);
    expect(locked.message).toMatch(/too many failed sign-in attempts from your network/);
  });

  it("still lets the real owner in, recording a successful sign-in", async () => {
    const { victim, token } = await victimInvitedByLead();
    await failure(guess(token, "wrong"));
    expect((await guess(token, TEST_PASSWORD)).userId).toBe(victim.id);
    const attempts = await database.db.select().from(signInAttempts).where(eq(signInAttempts.email, victim.email));
    expect(attempts.map((a) => a.succeeded)).toEqual([false, true]);
  });

  it("verifies the password without holding the invitation row, so a slow guess stalls nobody", async () => {
    const { invitationId, token } = await victimInvitedByLead();
    let seen: string | undefined;
    probe.whileVerifying = async () => {
      seen = await lockableFromElsewhere(invitationId);
    };
    await guess(token, TEST_PASSWORD);
    expect(seen).toBe("free");
  });
});

describe("the invitation page's answer", () => {
  const post = (token: string, password: string, clientAddress: string) => {
    const request = new Request(`http://localhost:3000/invitations/${token}`, {
      method: "POST",
      body: new URLSearchParams({ kind: "existing-account", password }),
    });
    return action({ request, context: { database, config, clientAddress }, params: { token } } as unknown as ActionFunctionArgs);
  };

  it("puts a wrong password on the field, and a lock in the summary with the sign-in page's message and Retry-After", async () => {
    const { token } = await victimInvitedByLead();
    const wrong = asData(await post(token, "wrong", "10.44.0.1"));
    expect(wrong.init?.status).toBe(422);
    expect(wrong.data).toMatchObject({ ok: false, errors: { password: expect.stringMatching(/correct password/) } });
    for (let i = 0; i < 4; i++) await post(token, `wrong-${i}`, "10.44.0.1");

    const locked = asData(await post(token, TEST_PASSWORD, "10.44.0.2"));
    expect(locked.init?.status).toBe(429);
    const retryAfter = Number(new Headers(locked.init?.headers).get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(800);
    expect(locked.data).toEqual({ ok: false, errors: {}, values: { kind: "existing-account" }, message: rateLimitedMessage("account", retryAfter) });
  });
});

/** What `data(...)` returns under single fetch. */
function asData(result: unknown) {
  return result as { data: Record<string, unknown>; init: ResponseInit | null };
}

/** Whether another transaction could lock the invitation right now ("waited" on PGlite, which runs one transaction at a time). */
async function lockableFromElsewhere(invitationId: string): Promise<string> {
  const attempt = database.db
    .transaction((tx) => tx.select({ id: invitations.id }).from(invitations).where(eq(invitations.id, invitationId)).for("update", { noWait: true }))
    .then(
      () => "free",
      () => "locked",
    );
  const waited = new Promise<string>((resolve) => setTimeout(() => resolve("waited"), 2000).unref());
  return Promise.race([attempt, waited]);
}
