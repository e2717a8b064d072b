import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, rowsOf, type Database } from "../../db/client";
import { collaborativeMembers, collaboratives, organisations } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { loadActingContexts } from "../../app/domain/auth/load-contexts.server";
import { tenantOf } from "../../app/domain/auth/actor";
import { todayIso } from "../../app/lib/plan/dates";
import { SetupRefused } from "../../server/cli/operator-link";
import { addOrRestoreMembership, describeMembership, parseMembershipArgs } from "../../server/cli/operator-membership";
import { openTestDatabase } from "../support/db";
import { actorFor, createCollaborative, createOrganisation, createUser, createWorld, unique, type World } from "../support/factories";

/**
 * What the app tells admins to ask the operator for: an organisation that exists (in another
 * collaborative) joining theirs, and one that left coming back (npm run peff:membership).
 */
let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

const ods = () => unique("").replace(/[^a-z0-9]/gi, "").slice(0, 8).toUpperCase();
const membershipOf = async (collaborativeId: string, orgId: string) =>
  (await database.db.select().from(collaborativeMembers).where(and(eq(collaborativeMembers.collaborativeId, collaborativeId), eq(collaborativeMembers.orgId, orgId))))[0];
const collaborativesOf = async (userId: string) => (await loadActingContexts(database, userId)).map((c) => c.collaborativeId).sort();
const leave = (collaborativeId: string, orgId: string) =>
  database.db
    .update(collaborativeMembers)
    .set({ joinedOn: "2021-04-01", leftOn: "2023-03-31" })
    .where(and(eq(collaborativeMembers.collaborativeId, collaborativeId), eq(collaborativeMembers.orgId, orgId)));

describe("peff:membership arguments", () => {
  it("reads a collaborative and an ODS code (upper-cased) or an organisation id", () => {
    expect(parseMembershipArgs(["--collaborative", " North PEFF ", "--ods", " rbs "])).toEqual({ ok: true, input: { collaborative: "North PEFF", organisation: { odsCode: "RBS" } } });
    const id = world.orgs.b;
    expect(parseMembershipArgs(["--collaborative", world.collaboratives.x, "--organisation-id", id])).toEqual({ ok: true, input: { collaborative: world.collaboratives.x, organisation: { id } } });
  });

  it("lists every missing or bad argument at once", () => {
    const none = parseMembershipArgs([]);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.problems).toEqual(["Give the collaborative's name or id (--collaborative)", "Give the organisation's ODS code (--ods) or its id (--organisation-id)"]);
    const both = parseMembershipArgs(["--collaborative", "X", "--ods", "R B S!", "--organisation-id", "seven"]);
    const problems = !both.ok ? both.problems.join("\n") : "";
    expect(problems).toMatch(/not both/);
    expect(problems).toMatch(/--ods: an ODS code is 2 to 12 letters and numbers/);
    expect(problems).toMatch(/--organisation-id: give the organisation's id/);
    expect(parseMembershipArgs(["--collaborative", "X", "--org", "Y"]).ok).toBe(false);
    expect(parseMembershipArgs(["X"]).ok).toBe(false);
  });
});

describe("addOrRestoreMembership", () => {
  it("adds an organisation of another collaborative, by ODS code: its people work in both, and the operator is told whose collaborative-wide role now reaches here", async () => {
    const code = ods();
    await database.db.update(organisations).set({ odsCode: code }).where(eq(organisations.id, world.orgs.b));
    const [x] = await database.db.select({ name: collaboratives.name }).from(collaboratives).where(eq(collaboratives.id, world.collaboratives.x));
    const result = await addOrRestoreMembership(database, { collaborative: ` ${x!.name.toUpperCase()} `, organisation: { odsCode: code } });
    expect(result).toMatchObject({ outcome: "added", collaborative: { id: world.collaboratives.x }, organisation: { id: world.orgs.b, odsCode: code }, joinedOn: todayIso(), previous: null, people: 2 });
    expect(result.collaborativeRoles).toEqual([{ name: world.people.adminY.name, email: world.people.adminY.email, role: "collaborative_admin" }]);
    expect(await membershipOf(world.collaboratives.x, world.orgs.b)).toMatchObject({ joinedOn: todayIso(), leftOn: null });
    expect(await membershipOf(world.collaboratives.y, world.orgs.b)).toMatchObject({ leftOn: null });
    expect(await collaborativesOf(world.people.leadB.id)).toEqual([world.collaboratives.x, world.collaboratives.y].sort());

    const said = describeMembership(result);
    expect(said).toContain(`is now a member of "${x!.name}", from ${todayIso()}`);
    expect(said).toContain("Its 2 people work in");
    expect(said).toMatch(new RegExp(`so they now hold them in "${x!.name}" too:\\n  ${world.people.adminY.name} <${world.people.adminY.email}>, collaborative admin`));
  });

  it("restores a membership that has left, by organisation id and collaborative id, which the app role cannot", async () => {
    const org = await createOrganisation(database, world.collaboratives.x);
    const lead = await createUser(database, [[org, "equality_lead"]]);
    const asAdmin = await actorFor(database, world.people.adminX, world.orgs.a);
    await leave(world.collaboratives.x, org);
    expect(await collaborativesOf(lead.id)).toEqual([]);
    // In the app, even the collaborative's admin cannot bring it back (migration 0019's trigger).
    const inApp = withTenant(database, tenantOf(asAdmin), (tx) => tx.update(collaborativeMembers).set({ leftOn: null }).where(eq(collaborativeMembers.orgId, org)));
    await expect(inApp).rejects.toThrow();

    const result = await addOrRestoreMembership(database, { collaborative: world.collaboratives.x, organisation: { id: org } }, "2026-12-08");
    expect(result).toMatchObject({ outcome: "restored", joinedOn: "2026-12-08", previous: { joinedOn: "2021-04-01", leftOn: "2023-03-31" }, people: 1, collaborativeRoles: [] });
    expect(await membershipOf(world.collaboratives.x, org)).toMatchObject({ joinedOn: "2026-12-08", leftOn: null });
    expect(await collaborativesOf(lead.id)).toEqual([world.collaboratives.x]);
    const said = describeMembership(result);
    expect(said).toContain("is a member of");
    expect(said).toContain("again, from 2026-12-08");
    expect(said).toContain("It had been a member from 2021-04-01 until it left on 2023-03-31");
    expect(said).toContain("Its 1 person works in");
  });

  it("refuses, changing nothing: an unknown collaborative or organisation, a current member, a name the collaborative already has", async () => {
    const refused = (input: Parameters<typeof addOrRestoreMembership>[1]) => addOrRestoreMembership(database, input).then(() => null, (e: unknown) => (e instanceof SetupRefused ? e.message : e));
    const code = ods();
    const outsider = await createOrganisation(database, world.collaboratives.y);
    await database.db.update(organisations).set({ odsCode: code }).where(eq(organisations.id, outsider));

    expect(await refused({ collaborative: "No Such Forum", organisation: { odsCode: code } })).toBe('There is no collaborative called "No Such Forum". Nothing was changed.');
    const missingId = "00000000-0000-4000-8000-000000000000";
    expect(await refused({ collaborative: missingId, organisation: { odsCode: code } })).toBe(`There is no collaborative with the id ${missingId}. Nothing was changed.`);
    expect(await refused({ collaborative: world.collaboratives.x, organisation: { odsCode: "ZZ999NONE" } })).toMatch(/^There is no organisation with the ODS code ZZ999NONE\. .*Nothing was changed\.$/);
    expect(await refused({ collaborative: world.collaboratives.x, organisation: { id: missingId } })).toMatch(/^There is no organisation with the id /);
    expect(await refused({ collaborative: world.collaboratives.x, organisation: { id: world.orgs.a } })).toMatch(new RegExp(`is already a member of ".*" \\(since ${todayIso()}\\)\\. Nothing was changed\\.$`));

    const [a] = await database.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, world.orgs.a));
    await database.db.update(organisations).set({ name: ` ${a!.name.toUpperCase()}` }).where(eq(organisations.id, outsider));
    expect(await refused({ collaborative: world.collaboratives.x, organisation: { odsCode: code } })).toMatch(new RegExp(`already has a member organisation called "${a!.name}"\\. Rename one of them first`));
    expect(await membershipOf(world.collaboratives.x, outsider)).toBeUndefined();
  });

  it("asks for the id when several collaboratives have the name", async () => {
    const name = `Forum ${unique()}`;
    const first = await createCollaborative(database, name);
    const second = await createCollaborative(database, name.toLowerCase());
    const org = await createOrganisation(database, world.collaboratives.y);
    const message = await addOrRestoreMembership(database, { collaborative: name, organisation: { id: org } }).then(() => "", (e: Error) => e.message);
    expect(message).toContain(`Several collaboratives are called "${name}"`);
    expect(message).toContain(first);
    expect(message).toContain(second);
    expect((await addOrRestoreMembership(database, { collaborative: second, organisation: { id: org } })).outcome).toBe("added");
    expect(await membershipOf(first, org)).toBeUndefined();
  });
});

describe("npm run peff:membership", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "peff-membership-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const run = (script: string, args: string[], pgliteDir: string) =>
    spawnSync(process.execPath, ["--import", "tsx", `server/cli/${script}.ts`, ...args], {
      env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: "", NODE_ENV: "development", PUBLIC_URL: "https://peff.example.nhs.uk" },
      encoding: "utf8",
      timeout: 120_000,
    });

  it("exits 1 on bad arguments, saying what to fix, without opening the database", () => {
    const pgliteDir = path.join(dir, "untouched");
    const result = run("membership", ["--collaborative", "North PEFF"], pgliteDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/- Give the organisation's ODS code \(--ods\) or its id \(--organisation-id\)\nNothing was changed\.\nUsage: npm run peff:membership/);
    expect(spawnSync("ls", [pgliteDir]).status).not.toBe(0);
  }, 60_000);

  it.skipIf(Boolean(process.env.DATABASE_URL))("adds an organisation of one collaborative to another on an embedded database; asked again, exits 2", async () => {
    const pgliteDir = path.join(dir, "data");
    const setup = (name: string, org: string, email: string) =>
      run("setup", ["--collaborative", name, "--organisation", org, "--type", "icb", "--admin-email", email, "--admin-name", "Ada Admin"], pgliteDir);
    expect(setup("North PEFF", "NHS North ICB", "north@nhs.example").status).toBe(0);
    expect(setup("South PEFF", "NHS South ICB", "south@nhs.example").status).toBe(0);
    const before = await openDatabase({ pgliteDir });
    await before.db.update(organisations).set({ odsCode: "QYG" }).where(eq(organisations.name, "NHS North ICB"));
    await before.close();

    const first = run("membership", ["--collaborative", "south peff", "--ods", "qyg"], pgliteDir);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('NHS North ICB (QYG) is now a member of "South PEFF"');
    expect(first.stdout).toMatch(/Ada Admin <north@nhs\.example>, collaborative admin/);
    const second = run("membership", ["--collaborative", "South PEFF", "--ods", "QYG"], pgliteDir);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/NHS North ICB is already a member of "South PEFF" \(since \d{4}-\d{2}-\d{2}\)\. Nothing was changed\./);

    const after = await openDatabase({ pgliteDir });
    const rows = await after.db.execute(sql`select c.name from collaborative_members cm join collaboratives c on c.id = cm.collaborative_id join organisations o on o.id = cm.org_id where o.ods_code = 'QYG' order by c.name`);
    await after.close();
    expect(rowsOf(rows)).toEqual([{ name: "North PEFF" }, { name: "South PEFF" }]);
  }, 300_000);
});
