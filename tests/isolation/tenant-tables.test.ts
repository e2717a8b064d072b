import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/client";
import { withTenant } from "../../db/tenant";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import {
  countVisible,
  NO_TENANT,
  tenantOf,
  tryDelete,
  tryInsert,
  tryUpdate,
  visibleWithPolicyRemoved,
  type IsolationCase,
} from "./harness";
import { allCases, OWNER_ONLY_TABLES, REFERENCE_TABLES } from "./registry";

let database: Database;
let world: World;
const cases = allCases();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(async () => {
  await database?.close();
});

describe.each(cases.map((c) => [c.table, c] as [string, IsolationCase]))("tenant table %s", (_name, c) => {
  let id: string;
  beforeAll(async () => {
    id = await c.seed(database, world);
  });

  it("is readable by its own organisation (so the refusals below mean something)", async () => {
    expect(await countVisible(database, tenantOf(world.actors[c.ownerReader ?? "leadA"]), c, id)).toBe(1);
  });

  it("shows nothing when no tenant context is set", async () => {
    expect(await countVisible(database, NO_TENANT, c, id)).toBe(0);
  });

  it("cannot be read, changed, deleted or forged by another collaborative, even its admin", async () => {
    for (const outsider of [world.actors.adminY, world.actors.leadB]) {
      const ctx = tenantOf(outsider);
      expect(await countVisible(database, ctx, c, id)).toBe(0);
      expect(await tryUpdate(database, ctx, c, id)).toBe(0);
      expect(await tryDelete(database, ctx, c, id)).toBe(0);
      expect(await tryInsert(database, ctx, c, world)).toBe(false);
    }
    expect(await countVisible(database, tenantOf(world.actors.leadA), c, id)).toBe(1);
  });

  it("cannot be changed, deleted or forged by another organisation of the same collaborative", async () => {
    const ctx = tenantOf(world.actors.leadA2);
    expect(await countVisible(database, ctx, c, id)).toBe(c.visibleToSameCollaborative ? 1 : 0);
    const may = c.sameCollaborativeMay ?? [];
    if (!may.includes("update")) expect(await tryUpdate(database, ctx, c, id)).toBe(0);
    if (!may.includes("delete")) expect(await tryDelete(database, ctx, c, id)).toBe(0);
    if (!may.includes("insert")) expect(await tryInsert(database, ctx, c, world)).toBe(false);
    expect(await countVisible(database, tenantOf(world.actors.leadA), c, id)).toBe(1);
  });

  it("leaks to the other collaborative when its row-level security is removed (the test can fail)", async () => {
    expect(await visibleWithPolicyRemoved(database, tenantOf(world.actors.leadB), c, id)).toBe(1);
  });

  it("ignores a forged organisation id: the context must match a real membership", async () => {
    const forged = { userId: world.people.leadB.id, orgId: world.orgs.a, collaborativeId: world.collaboratives.x };
    expect(await countVisible(database, forged, c, id)).toBe(0);
  });
});

describe("the database schema", () => {
  it("has row-level security on every table that is not reference data, and an isolation case for each", async () => {
    const result = await database.db.execute(sql`
      select c.relname as name, c.relrowsecurity as rls
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`);
    const tables = rowsOf<{ name: string; rls: boolean }>(result);
    const covered = new Set([...cases.map((c) => c.table), ...OWNER_ONLY_TABLES]);
    for (const t of tables) {
      if (REFERENCE_TABLES.includes(t.name)) continue;
      expect.soft(t.rls, `${t.name} must have row-level security`).toBe(true);
      expect.soft(covered.has(t.name), `${t.name} needs an isolation case in tests/isolation/cases`).toBe(true);
    }
    expect(tables.length).toBeGreaterThan(REFERENCE_TABLES.length);
  });

  it("runs requests as a role that owns no table and cannot bypass row-level security", async () => {
    const row = await withTenant(database, NO_TENANT, async (tx) =>
      rowsOf<{ role: string; bypass: boolean; super: boolean; owns: number }>(
        await tx.execute(sql`
          select current_user as role, r.rolbypassrls as bypass, r.rolsuper as super,
                 (select count(*)::int from pg_class c where c.relowner = r.oid) as owns
          from pg_roles r where r.rolname = current_user`),
      )[0]!,
    );
    expect(row).toEqual({ role: "peff_app", bypass: false, super: false, owns: 0 });
  });

  it.each(OWNER_ONLY_TABLES)("gives the app role no access at all to %s", async (table) => {
    await expect(withTenant(database, tenantOf(world.actors.adminX), (tx) => tx.execute(sql.raw(`select 1 from "${table}" limit 1`)))).rejects.toThrow();
  });

  it.each(REFERENCE_TABLES)("lets everyone read %s and no one change it", async (table) => {
    const rows = await withTenant(database, NO_TENANT, async (tx) => rowsOf(await tx.execute(sql.raw(`select 1 from "${table}" limit 1`))));
    expect(rows.length).toBe(1);
    await expect(withTenant(database, tenantOf(world.actors.adminX), (tx) => tx.execute(sql.raw(`delete from "${table}"`)))).rejects.toThrow();
  });
});
