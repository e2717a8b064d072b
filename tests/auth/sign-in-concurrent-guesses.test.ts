import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { signInAttempts } from "../../db/schema";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { openTestDatabase } from "../support/db";
import { createCollaborative, createOrganisation, createUser, TEST_PASSWORD } from "../support/factories";
import { testConfig } from "../support/config";

/**
 * The sign-in limits (five failures an account, twenty an address) must hold against guesses sent
 * all at once, not only one after another: a password check takes tens of milliseconds, and every
 * guess that passes the limits before the others are recorded is a guess checked.
 */
let database: Database;
let orgId: string;
const config = testConfig();

beforeAll(async () => {
  database = await openTestDatabase();
  orgId = await createOrganisation(database, await createCollaborative(database));
});
afterAll(() => database?.close());

describe("guesses fired together", () => {
  it("at one account: no more than five are checked, then and after, and the account is locked", async () => {
    const victim = await createUser(database, [[orgId, "viewer"]]);
    const guess = (i: number) => signIn(database, config, { email: victim.email, password: `guess-${i}`, address: `10.9.0.${i}` });
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => guess(i)));
    const after = [];
    for (let i = 30; i < 40; i++) after.push(await guess(i));
    const checked = [...burst, ...after].filter((a) => !a.ok && a.reason === "invalid");
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(await signIn(database, config, { email: victim.email, password: TEST_PASSWORD, address: "10.9.1.1" })).toMatchObject({ ok: false, reason: "rate-limited", scope: "account" });
    // Refused guesses leave no record: hammering does not extend the lock.
    const rows = await database.db.select().from(signInAttempts).where(eq(signInAttempts.email, victim.email));
    expect(rows.length).toBe(checked.length);
  });

  it("from one address across accounts: no more than twenty are checked", async () => {
    const address = "10.9.2.1";
    const spray = (i: number) => signIn(database, config, { email: `spray-together-${i}@test.example`, password: "x", address });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => spray(i)));
    for (let i = 40; i < 60; i++) answers.push(await spray(i));
    expect(answers.filter((a) => !a.ok && a.reason === "invalid").length).toBeLessThanOrEqual(20);
  });

  it("still lets the owner in, alongside someone else's wrong guesses", async () => {
    const owner = await createUser(database, [[orgId, "viewer"]]);
    const [mine, ...theirs] = await Promise.all([
      signIn(database, config, { email: owner.email, password: TEST_PASSWORD, address: "10.9.3.1" }),
      ...Array.from({ length: 3 }, (_, i) => signIn(database, config, { email: owner.email, password: `wrong-${i}`, address: "10.9.3.2" })),
    ]);
    expect(mine!.ok).toBe(true);
    expect(theirs.every((a) => !a.ok)).toBe(true);
  });
});
