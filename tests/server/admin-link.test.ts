import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { passwordResets } from "../../db/schema";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { getPasswordReset } from "../../app/domain/password-resets/get-password-reset.server";
import { usePasswordReset } from "../../app/domain/password-resets/use-password-reset.server";
import { makeOperatorLink } from "../../server/cli/operator-link";
import { setupCollaborative, SetupRefused } from "../../server/cli/setup-collaborative";
import { openTestDatabase } from "../support/db";
import { testConfig } from "../support/config";
import { createWorld, unique, type World } from "../support/factories";

/**
 * Two things nobody in the app can mend, because in the app only an admin makes an admin's reset
 * link: the first admin's link from peff:setup expiring unused, and a collaborative's only admin
 * forgetting their password. The operator makes a new link (npm run peff:admin-link).
 */
let database: Database;
let world: World;
const config = testConfig();
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

const tokenOf = (url: string) => url.split("/reset-password/")[1]!;

describe("peff:admin-link", () => {
  it("gives the first admin a new link once the one from setup has expired, and that one works", async () => {
    const id = unique("relink");
    const adminEmail = `${id}@nhs.example`;
    const setup = await setupCollaborative(database, config.publicUrl, { collaborative: `Forum ${id}`, organisation: `ICB ${id}`, type: "icb", adminEmail, adminName: "Ada Admin" });
    const first = tokenOf(setup.link!.url);
    await database.db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResets.userId, setup.userId));
    expect((await getPasswordReset(database.db, first))?.status).toBe("expired");

    const link = await makeOperatorLink(database, config.publicUrl, ` ${adminEmail.toUpperCase()} `);
    expect(link.name).toBe("Ada Admin");
    expect(link.url.startsWith(`${config.publicUrl}/reset-password/`)).toBe(true);
    await usePasswordReset(database, config, tokenOf(link.url), "a passphrase at last");
    expect((await signIn(database, config, { email: adminEmail, password: "a passphrase at last", address: null })).ok).toBe(true);
  });

  it("ends the admin's older unused link, as a link made in the app does", async () => {
    const first = await makeOperatorLink(database, config.publicUrl, world.people.adminX.email);
    const second = await makeOperatorLink(database, config.publicUrl, world.people.adminX.email);
    expect((await getPasswordReset(database.db, tokenOf(first.url)))?.status).toBe("superseded");
    expect((await getPasswordReset(database.db, tokenOf(second.url)))?.status).toBe("valid");
  });

  it("is refused for anyone who is not a collaborative admin (their link is made in the app), and for an unknown email", async () => {
    await expect(makeOperatorLink(database, config.publicUrl, world.people.leadA.email)).rejects.toThrow(SetupRefused);
    await expect(makeOperatorLink(database, config.publicUrl, world.people.leadA.email)).rejects.toThrow(/is not a collaborative admin/);
    await expect(makeOperatorLink(database, config.publicUrl, "nobody@nowhere.example")).rejects.toThrow(/There is no account for nobody@nowhere.example/);
    const leads = await database.db.select().from(passwordResets).where(eq(passwordResets.userId, world.people.leadA.id));
    expect(leads).toEqual([]);
  });
});
