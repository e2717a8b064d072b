import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../../db/client";
import { evidenceItems, planPulls, plans, registerRows, type StatusMeaning } from "../../db/schema";
import { NO_TENANT, withTenant, type TenantContext } from "../../db/tenant";
import { type Actor, tenantOf } from "../../app/domain/auth/actor";
import { openTestDatabase } from "../support/db";
import { actorFor, createUser, createWorld, type World } from "../support/factories";

/**
 * The plans roll-up (migration 0019). `plan_pulls` rows are their organisation's only: a pull's
 * source may be one of its private evidence items. The collaborative reads the roll-up of its
 * shared register through `register_pull_counts()` (counts, for everyone) and
 * `register_pull_progress()` (each organisation's statuses, for collaborative-wide roles).
 */
let database: Database;
let world: World;
let regionalLead: Actor;
/** A shared barrier of X, and one of Y that happens to have the same row key. */
const barrier = randomUUID();
let privateItem: string;

/** Counted, as a random position could repeat (the register's positions are unique). */
let nextPosition = 1;

async function registerRow(collaborativeId: string, rowKey: string) {
  await database.db.insert(registerRows).values({
    collaborativeId, rowKey, position: nextPosition++, characteristics: [], barrier: "A shared barrier", issue: "",
    identifiedBy: "", evidence: [], edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", status: null, updates: [],
  });
}

/** One pulled action, in a plan of its own, on the owner connection (as the plan's projection writes it). */
async function pull(collaborativeId: string, orgId: string, sourceKind: "register" | "evidence", sourceId: string, meaning: StatusMeaning | null) {
  const [plan] = await database.db
    .insert(plans)
    .values({ collaborativeId, orgId, kind: "equality_objectives", title: "Objectives", periodStart: "2024-04-01", periodEnd: "2028-03-31" })
    .returning({ id: plans.id });
  await database.db.insert(planPulls).values({
    collaborativeId, orgId, planId: plan!.id, rowKey: randomUUID(), sourceKind, sourceId,
    statusLabel: meaning ? `Label ${meaning}` : null, statusColour: meaning ? "blue" : null, statusMeaning: meaning, currentDue: "2025-03-31",
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  regionalLead = await actorFor(database, await createUser(database, [[world.orgs.a2, "regional_lead"]]), world.orgs.a2);
  const { x, y } = world.collaboratives;
  const { a, a2, b } = world.orgs;
  await registerRow(x, barrier);
  await registerRow(y, barrier);
  const [item] = await database.db.insert(evidenceItems).values({ collaborativeId: x, orgId: a, type: "report", title: "A's private report" }).returning({ id: evidenceItems.id });
  privateItem = item!.id;
  // A: two actions on the barrier (complete, and not started: A counts as not started), one from
  // its private item, and one that claims to come from the register but names the private item.
  await pull(x, a, "register", barrier, "complete");
  await pull(x, a, "register", barrier, "not_started");
  await pull(x, a, "evidence", privateItem, "in_progress");
  await pull(x, a, "register", privateItem, "ongoing");
  await pull(x, a2, "register", barrier, "in_progress");
  await pull(y, b, "register", barrier, "complete");
});
afterAll(() => database?.close());

async function query<T>(context: TenantContext, statement: ReturnType<typeof sql>): Promise<T[]> {
  return withTenant(database, context, async (tx) => rowsOf<T>(await tx.execute(statement)));
}
type Count = { source_id: string; status_meaning: string | null; organisations: number };
const counts = (context: TenantContext) =>
  query<Count>(context, sql`select source_id, status_meaning, organisations from register_pull_counts() order by status_meaning nulls first`);
const progress = (context: TenantContext) =>
  query<Record<string, unknown>>(context, sql`select * from register_pull_progress() order by org_id, status_meaning`);

describe("plan_pulls rows", () => {
  it("are read by their own organisation only, not by another organisation of the collaborative", async () => {
    const seenBy = async (actor: Actor) =>
      (await query<{ org_id: string; source_id: string }>(tenantOf(actor), sql`select org_id, source_id from plan_pulls`)).map((r) => r.org_id);
    expect(new Set(await seenBy(world.actors.viewerA))).toEqual(new Set([world.orgs.a]));
    expect(await seenBy(world.actors.viewerA)).toHaveLength(4);
    for (const other of [world.actors.leadA2, regionalLead]) expect(new Set(await seenBy(other))).toEqual(new Set([world.orgs.a2]));
    expect(await seenBy(world.actors.leadB)).toEqual([world.orgs.b]);
    // In particular, nobody else learns the id of A's private item from them.
    const named = await query(tenantOf(world.actors.leadA2), sql`select 1 from plan_pulls where source_id = ${privateItem}`);
    expect(named).toEqual([]);
  });
});

describe("register_pull_counts()", () => {
  it("counts each organisation once, as its least advanced action, for anyone in the collaborative", async () => {
    const expected = [
      { source_id: barrier, status_meaning: "in_progress", organisations: 1 },
      { source_id: barrier, status_meaning: "not_started", organisations: 1 },
    ];
    for (const actor of [world.actors.leadA2, world.actors.viewerA, regionalLead]) {
      expect((await counts(tenantOf(actor))).map((c) => ({ ...c, organisations: Number(c.organisations) }))).toEqual(expected);
    }
  });

  it("says nothing of pulls that are not of a shared register row (a private item's id, however labelled)", async () => {
    const all = await counts(tenantOf(world.actors.leadA2));
    expect(all.map((c) => c.source_id)).not.toContain(privateItem);
    expect(all.some((c) => c.status_meaning === "ongoing")).toBe(false);
  });

  it("answers about the caller's own collaborative only, and nothing without a real membership", async () => {
    expect((await counts(tenantOf(world.actors.leadB))).map((c) => [c.status_meaning, Number(c.organisations)])).toEqual([["complete", 1]]);
    expect(await counts(NO_TENANT)).toEqual([]);
    expect(await counts({ userId: world.people.leadB.id, orgId: world.orgs.a, collaborativeId: world.collaboratives.x })).toEqual([]);
  });
});

describe("register_pull_progress()", () => {
  it("gives regional leads and admins each organisation's statuses on shared barriers, without plan ids", async () => {
    for (const actor of [regionalLead, world.actors.adminX]) {
      const rows = await progress(tenantOf(actor));
      expect(rows.map((r) => [r.org_id, r.source_id, r.status_meaning]).sort()).toEqual(
        [
          [world.orgs.a, barrier, "complete"],
          [world.orgs.a, barrier, "not_started"],
          [world.orgs.a2, barrier, "in_progress"],
        ].sort(),
      );
      // When the action's plan was archived (0030) is said; which plan, never.
      expect(Object.keys(rows[0]!).sort()).toEqual(["current_due", "org_id", "plan_archived_at", "source_id", "status_colour", "status_label", "status_meaning"]);
      expect(JSON.stringify(rows)).not.toContain(privateItem);
    }
  });

  it("gives nothing to the other roles, to other collaboratives, or without a context", async () => {
    for (const actor of [world.actors.leadA, world.actors.leadA2, world.actors.viewerA, world.actors.leadB]) {
      expect(await progress(tenantOf(actor))).toEqual([]);
    }
    expect((await progress(tenantOf(world.actors.adminY))).map((r) => r.org_id)).toEqual([world.orgs.b]);
    expect(await progress(NO_TENANT)).toEqual([]);
  });
});

describe("the roll-up functions", () => {
  it("are SECURITY DEFINER with a fixed search_path, executable by the app role and not by PUBLIC", async () => {
    const rows = rowsOf<{ name: string; definer: boolean; config: string[] | null; acl: string }>(
      await database.db.execute(sql`
        select proname as name, prosecdef as definer, proconfig as config, proacl::text as acl
        from pg_proc where proname in ('register_pull_counts', 'register_pull_progress') order by proname`),
    );
    expect(rows.map((r) => r.name)).toEqual(["register_pull_counts", "register_pull_progress"]);
    for (const r of rows) {
      expect(r.definer).toBe(true);
      expect(String(r.config)).toContain("search_path=pg_catalog, public");
      expect(r.acl).toContain("peff_app=X/");
      // PUBLIC's entry in an ACL has an empty grantee: "=X/owner".
      expect(r.acl).not.toMatch(/[{,]=X\//);
    }
  });
});
