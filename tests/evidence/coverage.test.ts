import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/client";
import { NO_TENANT, withTenant } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import { getCoverage } from "../../app/domain/evidence/get-coverage.server";
import { setTags } from "../../app/domain/evidence/set-tags.server";
import { shareItem } from "../../app/domain/evidence/share-item.server";
import { openTestDatabase } from "../support/db";
import { actorFor, createUser, createWorld, type World } from "../support/factories";
import { addItem, refs } from "./support";

let database: Database;
let world: World;
let r: Awaited<ReturnType<typeof refs>>;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  r = await refs(database);
  // A: one private item (1A, D/deaf) and one shared (1A, race). A2: one private (1A, age).
  const priv = await addItem(database, world.actors.leadA, { title: "Private" });
  await setTags(database, world.actors.leadA, { itemId: priv, findingId: null, tags: [`outcome:${r.outcome1A}`, `characteristic:${r.deaf}`] });
  const shared = await addItem(database, world.actors.leadA, { title: "Shared" });
  await setTags(database, world.actors.leadA, { itemId: shared, findingId: null, tags: [`outcome:${r.outcome1A}`, `characteristic:${r.race}`] });
  await shareItem(database, world.actors.leadA, { itemId: shared, decisions: {} });
  const other = await addItem(database, world.actors.leadA2, { title: "A2 private" });
  await setTags(database, world.actors.leadA2, { itemId: other, findingId: null, tags: [`outcome:${r.outcome1A}`, `characteristic:${r.age}`] });
});
afterAll(async () => {
  await database?.close();
});

describe("coverage", () => {
  it("counts outcomes x characteristics over the evidence the organisation can see, sub-groups toward their parent", async () => {
    const a = await getCoverage(database, world.actors.leadA, { framework: "EDS2022" });
    const row = a.outcomes.find((o) => o.code === "1A")!;
    expect(row.counts[r.disability]).toBe(1); // through D/deaf
    expect(row.counts[r.race]).toBe(1);
    expect(row.counts[r.age]).toBeUndefined(); // A2's private item
    expect(row.total).toBe(2);
    expect(a.columns.map((c) => c.id)).not.toContain(r.deaf); // sub-groups are not columns
    expect(a.organisations).toBeNull();

    const a2 = await getCoverage(database, world.actors.leadA2, { framework: "EDS2022" });
    const row2 = a2.outcomes.find((o) => o.code === "1A")!;
    expect(row2.counts).toEqual({ [r.race]: 1, [r.age]: 1 });
  });

  it("gives regional leads organisations x characteristics, private items counted, through an aggregate that exposes counts only", async () => {
    const lead = await createUser(database, [[world.orgs.a, "regional_lead"]]);
    const actor = await actorFor(database, lead, world.orgs.a);
    const coverage = await getCoverage(database, actor, { framework: "EDS2" });
    const a = coverage.organisations!.find((o) => o.id === world.orgs.a)!;
    const a2 = coverage.organisations!.find((o) => o.id === world.orgs.a2)!;
    expect(a).toMatchObject({ total: 2, shared: 1 });
    expect(a.counts[r.disability]).toBe(1);
    expect(a2).toMatchObject({ total: 1, shared: 0, counts: { [r.age]: 1 } });
    // The regional lead still cannot read A2's private item itself.
    const titles = await withTenant(database, tenantOf(actor), async (tx) => rowsOf<{ title: string }>(await tx.execute(sql`select title from evidence_items`)));
    expect(titles.map((t) => t.title)).not.toContain("A2 private");
  });

  it("the aggregate answers nobody else: no rows for equality leads or other collaboratives", async () => {
    for (const actor of [world.actors.leadA, world.actors.leadA2, world.actors.viewerA, world.actors.adminY, world.actors.leadB]) {
      const rows = await withTenant(database, tenantOf(actor), async (tx) => rowsOf(await tx.execute(sql`select * from evidence_org_coverage() union all select org_id, null, items, shared from evidence_org_totals()`)));
      expect(rows).toEqual([]);
    }
    // Its result is ids and counts only: nothing a title or text could leak through.
    const [fn] = rowsOf<{ result: string }>(await database.db.execute(sql`select pg_get_function_result('evidence_org_coverage'::regproc) as result`));
    expect(fn!.result).toBe("TABLE(org_id uuid, characteristic_id uuid, items integer, shared integer)");
  });

  it("the search function applies the items' visibility itself: nothing without a context, nothing private of others", async () => {
    const call = sql`select id from evidence_search(null, null, null, null, null, null, null, null, null, null, null, 'all', 100, 0)`;
    expect(await withTenant(database, NO_TENANT, async (tx) => rowsOf(await tx.execute(call)))).toEqual([]);
    const titlesFor = async (actor: (typeof world.actors)[keyof typeof world.actors]) => {
      const ids = await withTenant(database, tenantOf(actor), async (tx) => rowsOf<{ id: string }>(await tx.execute(call)).map((r) => r.id));
      return rowsOf<{ title: string }>(await database.db.execute(sql`select title from evidence_items where id = any(${`{${ids.join(",")}}`}::uuid[]) order by title`)).map((r) => r.title);
    };
    expect(await titlesFor(world.actors.leadA)).toEqual(["Private", "Shared"]);
    expect(await titlesFor(world.actors.leadA2)).toEqual(["A2 private", "Shared"]);
    expect(await titlesFor(world.actors.leadB)).toEqual([]);
  });
});
