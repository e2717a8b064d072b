import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { collaborativeMembers, collaboratives, memberships, organisations, passwordResets, userCredentials, users } from "../../db/schema";
import { loadActingContexts } from "../../app/domain/auth/load-contexts.server";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { getPasswordReset } from "../../app/domain/password-resets/get-password-reset.server";
import { usePasswordReset } from "../../app/domain/password-resets/use-password-reset.server";
import { randomToken, sha256 } from "../../app/domain/auth/crypto.server";
import { describeSetup, parseSetupArgs, setupCollaborative, SetupRefused, type SetupInput } from "../../server/cli/setup-collaborative";
import { openTestDatabase } from "../support/db";
import { testConfig } from "../support/config";
import { createCollaborative, createOrganisation, createUser, TEST_PASSWORD, unique } from "../support/factories";

let database: Database;
const config = testConfig();
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

const input = (overrides: Partial<SetupInput> = {}): SetupInput => {
  const id = unique("setup");
  return { collaborative: `Forum ${id}`, organisation: `ICB ${id}`, type: "icb", adminEmail: `${id}@nhs.example`, adminName: "Ada Admin", ...overrides };
};
const countNamed = async (name: string) => (await database.db.select().from(organisations).where(eq(organisations.name, name))).length;

describe("peff:setup arguments", () => {
  it("reads a full command line, trimming and lower-casing the email", () => {
    const parsed = parseSetupArgs(["--collaborative", " North PEFF ", "--organisation", "NHS North ICB", "--type", "icb", "--admin-email", "Ada@NHS.example", "--admin-name", "Ada"]);
    expect(parsed).toEqual({ ok: true, input: { collaborative: "North PEFF", organisation: "NHS North ICB", type: "icb", adminEmail: "ada@nhs.example", adminName: "Ada" } });
  });

  it("lists every missing or bad argument at once", () => {
    const parsed = parseSetupArgs(["--collaborative", "  ", "--type", "hospital", "--admin-email", "not-an-email"]);
    expect(parsed.ok).toBe(false);
    const problems = !parsed.ok ? parsed.problems.join("\n") : "";
    expect(problems).toMatch(/Enter the collaborative's name \(--collaborative\)/);
    expect(problems).toMatch(/Enter the organisation's name \(--organisation\)/);
    expect(problems).toMatch(/--type must be one of: icb, ccg, acute_trust/);
    expect(problems).toMatch(/--admin-email: Enter an email address in the correct format/);
    expect(problems).toMatch(/Enter the admin's name \(--admin-name\)/);
  });

  it("refuses an unknown option or a stray word", () => {
    expect(parseSetupArgs(["--colaborative", "x"]).ok).toBe(false);
    expect(parseSetupArgs(["North"]).ok).toBe(false);
  });
});

describe("setupCollaborative", () => {
  it("creates the collaborative, its member organisation and an admin with no password but a one-time link", async () => {
    const given = input();
    const result = await setupCollaborative(database, config.publicUrl, given);
    expect(result.newAccount).toBe(true);
    expect(result.link!.url).toMatch(/^http:\/\/localhost:3000\/reset-password\/[A-Za-z0-9_-]{43}$/);

    const [collab] = await database.db.select().from(collaboratives).where(eq(collaboratives.id, result.collaborativeId));
    expect(collab).toMatchObject({ name: given.collaborative, isDemo: false });
    const [member] = await database.db.select().from(collaborativeMembers).where(eq(collaborativeMembers.orgId, result.orgId));
    expect(member).toMatchObject({ collaborativeId: result.collaborativeId, leftOn: null });
    const [org] = await database.db.select().from(organisations).where(eq(organisations.id, result.orgId));
    expect(org).toMatchObject({ name: given.organisation, type: "icb" });
    const [user] = await database.db.select().from(users).where(eq(users.id, result.userId));
    expect(user).toMatchObject({ email: given.adminEmail, name: "Ada Admin" });
    // As the demo's admin@peff.example: collaborative admin of the organisation, nothing else.
    const roles = await database.db.select({ orgId: memberships.orgId, role: memberships.role }).from(memberships).where(eq(memberships.userId, result.userId));
    expect(roles).toEqual([{ orgId: result.orgId, role: "collaborative_admin" }]);
    expect(await database.db.select().from(userCredentials).where(eq(userCredentials.userId, result.userId))).toEqual([]);
    expect((await signIn(database, config, { email: given.adminEmail, password: TEST_PASSWORD, address: null })).ok).toBe(false);
    expect(describeSetup(given, result)).toContain(result.link!.url);

    // The link works though it has no maker, sets the first password and signs them in.
    const token = result.link!.url.split("/reset-password/")[1]!;
    expect((await getPasswordReset(database.db, token))?.status).toBe("valid");
    await usePasswordReset(database, config, token, "the admin's first passphrase");
    expect((await signIn(database, config, { email: given.adminEmail, password: "the admin's first passphrase", address: null })).ok).toBe(true);
    expect((await getPasswordReset(database.db, token))?.status).toBe("used");
    const contexts = await loadActingContexts(database, result.userId);
    expect(contexts.map((c) => ({ collaborativeId: c.collaborativeId, orgId: c.orgId, role: c.role }))).toEqual([
      { collaborativeId: result.collaborativeId, orgId: result.orgId, role: "collaborative_admin" },
    ]);
  });

  it("refuses a collaborative name that exists (whatever its case), creating nothing", async () => {
    const name = `Forum ${unique()}`;
    await createCollaborative(database, name);
    const given = input({ collaborative: name.toUpperCase() });
    await expect(setupCollaborative(database, config.publicUrl, given)).rejects.toThrow(SetupRefused);
    await expect(setupCollaborative(database, config.publicUrl, given)).rejects.toThrow(`A collaborative called "${name}" already exists. Nothing was created.`);
    expect(await countNamed(given.organisation)).toBe(0);
    expect(await database.db.select().from(users).where(eq(users.email, given.adminEmail))).toEqual([]);
  });

  it("gives an existing account the admin role instead, with no link, and says so", async () => {
    const elsewhere = await createCollaborative(database);
    const org = await createOrganisation(database, elsewhere);
    const person = await createUser(database, [[org, "equality_lead"]]);
    const given = input({ adminEmail: person.email, adminName: "Another name" });
    const result = await setupCollaborative(database, config.publicUrl, given);
    expect(result).toMatchObject({ userId: person.id, newAccount: false, link: null });
    expect(await database.db.select().from(passwordResets).where(eq(passwordResets.userId, person.id))).toEqual([]);
    const [user] = await database.db.select().from(users).where(eq(users.id, person.id));
    expect(user!.name).toBe(person.name);
    const roles = await database.db.select({ orgId: memberships.orgId, role: memberships.role }).from(memberships).where(eq(memberships.userId, person.id));
    expect(roles).toHaveLength(2);
    expect(roles).toContainEqual({ orgId: result.orgId, role: "collaborative_admin" });
    expect((await signIn(database, config, { email: person.email, password: TEST_PASSWORD, address: null })).ok).toBe(true);
    expect(describeSetup(given, result)).toMatch(/already had an account.*No link was made/);
  });

  it("still refuses a link with no maker that the operator did not make (its maker's account was deleted)", async () => {
    const collaborativeId = await createCollaborative(database);
    const person = await createUser(database, [[await createOrganisation(database, collaborativeId), "contributor"]]);
    const token = randomToken();
    await database.db.insert(passwordResets).values({ tokenHash: sha256(token), userId: person.id, collaborativeId, createdBy: null, expiresAt: new Date(Date.now() + 3_600_000) });
    expect((await getPasswordReset(database.db, token))?.status).toBe("maker-lacks-rights");
  });
});

describe("npm run peff:setup", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "peff-setup-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const run = (args: string[], pgliteDir: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "server/cli/setup.ts", ...args], {
      env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: "", NODE_ENV: "development", PUBLIC_URL: "https://peff.example.nhs.uk" },
      encoding: "utf8",
      timeout: 120_000,
    });

  it("exits 1 on bad arguments, saying what to fix, without opening the database", () => {
    const pgliteDir = path.join(dir, "untouched");
    const result = run(["--collaborative", "North PEFF", "--type", "trust"], pgliteDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--type must be one of/);
    expect(result.stderr).toMatch(/Nothing was created\.\nUsage: npm run peff:setup/);
    expect(spawnSync("ls", [pgliteDir]).status).not.toBe(0);
  }, 60_000);

  it.skipIf(Boolean(process.env.DATABASE_URL))("sets up an embedded database and prints the link on PUBLIC_URL; a second run of the name exits 2", async () => {
    const pgliteDir = path.join(dir, "data");
    const args = ["--collaborative", "North PEFF", "--organisation", "NHS North ICB", "--type", "icb", "--admin-email", "ada@nhs.example", "--admin-name", "Ada Admin"];
    const first = run(args, pgliteDir);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/https:\/\/peff\.example\.nhs\.uk\/reset-password\/[A-Za-z0-9_-]{43}/);
    const second = run(args, pgliteDir);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/A collaborative called "North PEFF" already exists/);

    const after = await openDatabase({ pgliteDir });
    const rows = await after.db.select({ name: organisations.name }).from(organisations);
    await after.close();
    expect(rows).toEqual([{ name: "NHS North ICB" }]);
  }, 180_000);
});
