import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { plans } from "../../db/schema";
import { withOwner, withTenant } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import { storeServerUpdate } from "../../app/domain/collab/document-store.server";
import { hasSqlState, isPermissionDenied } from "../../app/domain/errors";
import { setPlanArchived } from "../../app/domain/plans/archive-plan.server";
import { changePlanDocument } from "../../app/domain/plans/change-plan-document.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { deletePlan, previewDeletePlan, WORKED_ON_MESSAGE } from "../../app/domain/plans/delete-plan.server";
import { appendActions } from "../../app/lib/plan/model";
import { rowsOf } from "../../app/lib/register/model";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

const plan = (title = "Created by mistake") =>
  createPlan(database, world.actors.leadA, { kind: "workforce", title, periodStart: "2025-04-01", periodEnd: "2026-03-31", objectives: [] }).then((p) => p.id);
const exists = async (planId: string) => (await withOwner(database, (tx) => tx.select().from(plans).where(eq(plans.id, planId)))).length === 1;
const owner = (planId: string) => ({ planId, collaborativeId: world.collaboratives.x, orgId: world.orgs.a });
const addAction = (planId: string) =>
  withTenant(database, tenantOf(world.actors.leadA), (tx) => changePlanDocument(tx, owner(planId), world.people.leadA.id, (doc) => appendActions(doc, [{ action: "Recruit interpreters" }])));

describe("deleting a plan", () => {
  it("deletes one never worked on", async () => {
    const planId = await plan();
    expect(await previewDeletePlan(database, world.actors.contributorA, planId)).toEqual({ id: planId, title: "Created by mistake", workedOn: false, archived: false });
    await deletePlan(database, world.actors.contributorA, planId);
    expect(await exists(planId)).toBe(false);
    await expect(deletePlan(database, world.actors.leadA, planId)).rejects.toMatchObject({ status: 404 });
  });

  it("keeps one worked on, even when its actions were removed since, and says to archive it", async () => {
    const planId = await plan("Worked on");
    const [key] = await addAction(planId);
    await withTenant(database, tenantOf(world.actors.leadA), (tx) =>
      changePlanDocument(tx, owner(planId), world.people.leadA.id, (doc) => {
        rowsOf(doc).delete(key!);
        return [key!];
      }),
    );
    expect((await previewDeletePlan(database, world.actors.leadA, planId)).workedOn).toBe(true);
    await expect(deletePlan(database, world.actors.leadA, planId)).rejects.toMatchObject({ status: 409, message: WORKED_ON_MESSAGE });
    expect(await exists(planId)).toBe(true);
    // Once archived, the page must not tell the person to archive it.
    await setPlanArchived(database, world.actors.leadA, planId, true);
    expect(await previewDeletePlan(database, world.actors.leadA, planId)).toMatchObject({ workedOn: true, archived: true });
  });

  it("is for the organisation's plan editors only", async () => {
    const planId = await plan("Not yours to delete");
    await expect(previewDeletePlan(database, world.actors.viewerA, planId)).rejects.toMatchObject({ status: 403 });
    await expect(deletePlan(database, world.actors.viewerA, planId)).rejects.toMatchObject({ status: 403 });
    await expect(deletePlan(database, world.actors.leadA2, planId)).rejects.toMatchObject({ status: 404 });
    await expect(deletePlan(database, world.actors.leadB, planId)).rejects.toMatchObject({ status: 404 });
    await expect(deletePlan(database, world.actors.leadA, "not-a-plan")).rejects.toMatchObject({ status: 404 });
    // The database agrees: a viewer's delete finds nothing it may delete.
    const byViewer = await withTenant(database, tenantOf(world.actors.viewerA), (tx) => tx.delete(plans).where(eq(plans.id, planId)).returning({ id: plans.id }));
    expect(byViewer).toEqual([]);
    expect(await exists(planId)).toBe(true);
  });

  it("loses nothing to a race: an action stored while the delete runs keeps the plan", async () => {
    const planId = await plan("Raced");
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let stored!: () => void;
    const inFlight = new Promise<void>((r) => (stored = r));
    // An update stored but not yet committed (the collaboration server's journal, say)...
    const append = withTenant(database, tenantOf(world.actors.leadA), async (tx) => {
      const doc = new Y.Doc();
      appendActions(doc, [{ action: "Typed just now" }]);
      await storeServerUpdate(tx, { ...owner(planId), document: `plan:${planId}`, userId: world.people.leadA.id, payload: Y.encodeStateAsUpdate(doc), rowKeys: [] });
      stored();
      await gate;
    });
    await inFlight;
    // ...and the delete, which waits for it (the key check's lock, or the embedded database's one connection), then refuses.
    const deleting = deletePlan(database, world.actors.leadA, planId).then(
      () => "deleted",
      (e: { status?: number }) => e.status,
    );
    await new Promise((r) => setTimeout(r, 100));
    release();
    await append;
    expect(await deleting).toBe(409);
    expect(await exists(planId)).toBe(true);
  });

  it("refuses, in the database, an update of a deleted plan's document", async () => {
    const planId = await plan("Gone");
    await deletePlan(database, world.actors.leadA, planId);
    const doc = new Y.Doc();
    appendActions(doc, [{ action: "Too late" }]);
    const update = { ...owner(planId), document: `plan:${planId}`, userId: world.people.leadA.id, payload: Y.encodeStateAsUpdate(doc), rowKeys: [] };
    const asApp = await withTenant(database, tenantOf(world.actors.leadA), (tx) => storeServerUpdate(tx, update)).catch((e: unknown) => e);
    expect(isPermissionDenied(asApp)).toBe(true);
    // Not even as the owner, whom row-level security does not stop: the foreign key does.
    const asOwner = await withOwner(database, (tx) => storeServerUpdate(tx, update)).catch((e: unknown) => e);
    expect(hasSqlState(asOwner, "23503")).toBe(true);
  });
});
