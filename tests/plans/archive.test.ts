import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { collabUpdates, planActions, plans, registerRows } from "../../db/schema";
import { withOwner, withTenant } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import { storeServerUpdate } from "../../app/domain/collab/document-store.server";
import { hasSqlState, isPermissionDenied } from "../../app/domain/errors";
import { setPlanArchived } from "../../app/domain/plans/archive-plan.server";
import { changePlanDocument } from "../../app/domain/plans/change-plan-document.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { checkPlanImport, importPlanActions, loadImportTarget, PLAN_IMPORT_COLUMNS, readPlanImportFile } from "../../app/domain/plans/import-plan-actions.server";
import { loadPlanForPublishing } from "../../app/domain/plans/export-plan.server";
import { listPlans } from "../../app/domain/plans/list-plans.server";
import { openPlan } from "../../app/domain/plans/open-plan.server";
import { previewPull } from "../../app/domain/plans/preview-pull.server";
import { pullIntoPlan } from "../../app/domain/plans/pull-into-plan.server";
import { loadRegisterRollup } from "../../app/domain/plans/register-rollup.server";
import { ARCHIVED_PLAN_MESSAGE } from "../../app/domain/plans/writable-plan.server";
import { updatePlan } from "../../app/domain/plans/update-plan.server";
import { guessMapping } from "../../app/lib/import/map-rows";
import { appendActions } from "../../app/lib/plan/model";
import { rowsOf } from "../../app/lib/register/model";
import { openTestDatabase } from "../support/db";
import { actorFor, createUser, createWorld, type World } from "../support/factories";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

const plan = (title: string) =>
  createPlan(database, world.actors.leadA, { kind: "equality_objectives", title, periodStart: "2020-04-01", periodEnd: "2024-03-31", objectives: [] }).then((p) => p.id);

/** Counted, as a random position could repeat (the register's positions are unique). */
let nextPosition = 1_000;

async function sharedBarrier(): Promise<string> {
  const rowKey = randomUUID();
  await database.db.insert(registerRows).values({
    collaborativeId: world.collaboratives.x, rowKey, position: nextPosition++, characteristics: ["disability"], barrier: "No BSL interpreters",
    issue: "", identifiedBy: "", evidence: [], edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", status: null, updates: [],
  });
  return rowKey;
}

const row = (planId: string) => withOwner(database, (tx) => tx.select().from(plans).where(eq(plans.id, planId))).then((r) => r[0]!);

describe("archiving a plan", () => {
  it("keeps it readable but not changeable, says when and by whom, and restoring gives it back", async () => {
    const planId = await plan("Equality objectives 2020-24");
    const when = new Date("2026-11-30T10:00:00Z");
    await setPlanArchived(database, world.actors.contributorA, planId, true, when);

    const opened = (await openPlan(database, world.actors.leadA, planId))!;
    expect(opened).toMatchObject({ canEdit: false, canManage: true, archived: { at: when.toISOString(), byName: world.people.contributorA.name } });
    expect((await openPlan(database, world.actors.viewerA, planId))!).toMatchObject({ canEdit: false, canManage: false });
    // Still published and downloaded, saying its progress is as it stood when archived.
    expect((await loadPlanForPublishing(database, world.actors.viewerA, planId)).archivedAt).toBe(when.toISOString());

    // Archiving again keeps the first date and author.
    await setPlanArchived(database, world.actors.leadA, planId, true, new Date("2026-12-01T10:00:00Z"));
    expect(await row(planId)).toMatchObject({ archivedAt: when, archivedBy: world.people.contributorA.id });

    await expect(updatePlan(database, world.actors.leadA, planId, { details: { title: "Renamed", periodStart: "2020-04-01", periodEnd: "2024-03-31", objectives: [] } })).rejects.toMatchObject({
      status: 409,
      message: ARCHIVED_PLAN_MESSAGE,
    });
    expect((await row(planId)).title).toBe("Equality objectives 2020-24");

    await setPlanArchived(database, world.actors.leadA, planId, false);
    expect(await row(planId)).toMatchObject({ archivedAt: null, archivedBy: null });
    expect(await openPlan(database, world.actors.leadA, planId)).toMatchObject({ canEdit: true, archived: null });
    await updatePlan(database, world.actors.leadA, planId, { details: { title: "Renamed", periodStart: "2020-04-01", periodEnd: "2024-03-31", objectives: [] } });
    expect((await row(planId)).title).toBe("Renamed");
  });

  it("is for the organisation's plan editors only", async () => {
    const planId = await plan("Only ours to archive");
    await expect(setPlanArchived(database, world.actors.viewerA, planId, true)).rejects.toMatchObject({ status: 403 });
    await expect(setPlanArchived(database, world.actors.leadA2, planId, true)).rejects.toMatchObject({ status: 404 });
    await expect(setPlanArchived(database, world.actors.leadB, planId, true)).rejects.toMatchObject({ status: 404 });
    await expect(setPlanArchived(database, world.actors.leadA, "not-a-plan", true)).rejects.toMatchObject({ status: 404 });
    expect((await row(planId)).archivedAt).toBeNull();
  });

  it("takes it out of the plans to add to and the actions chased, and keeps it listed as archived", async () => {
    const planId = await plan("Workforce plan 2019-22");
    const kept = await plan("Equality objectives 2024-28");
    const owner = { planId, collaborativeId: world.collaboratives.x, orgId: world.orgs.a };
    await withTenant(database, tenantOf(world.actors.leadA), (tx) =>
      changePlanDocument(tx, owner, world.people.leadA.id, (doc) => appendActions(doc, [{ action: "Long overdue", originalDue: "2021-03-31", currentDue: "2021-03-31" }])),
    );
    const overdue = async () => (await listPlans(database, world.actors.leadA)).attention.filter((a) => a.planId === planId).map((a) => a.text);
    expect(await overdue()).toEqual(["Long overdue"]);

    // Archived before its action fell due: its progress is judged as it stood then, not today.
    await setPlanArchived(database, world.actors.leadA, planId, true, new Date("2021-01-15T12:00:00Z"));
    const listed = await listPlans(database, world.actors.leadA);
    expect(listed.plans.find((p) => p.id === planId)).toMatchObject({ archivedAt: "2021-01-15T12:00:00.000Z", actions: 1, overdue: 0 });
    expect(listed.plans.find((p) => p.id === kept)).toMatchObject({ archivedAt: null });
    expect(await overdue()).toEqual([]);
    expect((await loadPlanForPublishing(database, world.actors.leadA, planId)).progress.overdue).toBe(0);

    const source = { kind: "register" as const, id: await sharedBarrier() };
    const choices = (await previewPull(database, world.actors.leadA, source)).plans.map((p) => p.id);
    expect(choices).toContain(kept);
    expect(choices).not.toContain(planId);
    // Posted anyway (an old page): refused with a reason on the field, and nothing added.
    await expect(pullIntoPlan(database, world.actors.leadA, planId, source)).rejects.toMatchObject({
      status: 409,
      fields: { planId: "That plan is archived: choose another plan" },
    });
    const actions = await withTenant(database, tenantOf(world.actors.leadA), (tx) => tx.select().from(planActions).where(eq(planActions.planId, planId)));
    expect(actions.map((a) => a.action)).toEqual(["Long overdue"]);
  });

  it("shows regional leads a pulled action of an archived plan as it stood when archived", async () => {
    const planId = await plan("Pulled into, then archived");
    const rowKey = await sharedBarrier();
    const { rowKey: actionKey } = await pullIntoPlan(database, world.actors.leadA, planId, { kind: "register", id: rowKey });
    const owner = { planId, collaborativeId: world.collaboratives.x, orgId: world.orgs.a };
    await withTenant(database, tenantOf(world.actors.leadA), (tx) =>
      changePlanDocument(tx, owner, world.people.leadA.id, (doc) => {
        rowsOf(doc).get(actionKey)!.set("currentDue", "2021-03-31");
        return [actionKey];
      }),
    );
    const regional = await actorFor(database, await createUser(database, [[world.orgs.a2, "regional_lead"]]), world.orgs.a2);
    const statusOfA = async () => (await loadRegisterRollup(database, regional)).find((r) => r.rowKey === rowKey)!.organisations!.find((o) => o.orgId === world.orgs.a)!.statuses[0]!;
    expect(await statusOfA()).toMatchObject({ currentDue: "2021-03-31", overdue: true, planArchivedAt: null });

    await setPlanArchived(database, world.actors.leadA, planId, true, new Date("2021-01-15T12:00:00Z"));
    expect(await statusOfA()).toMatchObject({ currentDue: "2021-03-31", overdue: false, planArchivedAt: "2021-01-15T12:00:00.000Z" });
  });

  it("refuses imports into it", async () => {
    const planId = await plan("Imported into before archiving");
    await setPlanArchived(database, world.actors.leadA, planId, true);
    const table = await readPlanImportFile("plan.csv", new TextEncoder().encode("Action,Responsible officer\nRecruit interpreters,Chief Nurse"));
    const mapping = guessMapping(table.headers, PLAN_IMPORT_COLUMNS);
    await expect(loadImportTarget(database, world.actors.leadA, planId)).rejects.toMatchObject({ status: 409, message: ARCHIVED_PLAN_MESSAGE });
    await expect(checkPlanImport(database, world.actors.leadA, planId, table, mapping)).rejects.toMatchObject({ status: 409 });
    await expect(importPlanActions(database, world.actors.leadA, planId, table, mapping)).rejects.toMatchObject({ status: 409 });
    expect(await withOwner(database, (tx) => tx.select().from(collabUpdates).where(eq(collabUpdates.document, `plan:${planId}`)))).toEqual([]);
  });

  it("is enforced by the database: no new update of its document, no change of its details, until restored", async () => {
    const planId = await plan("Backstop");
    await setPlanArchived(database, world.actors.leadA, planId, true);
    const tenant = tenantOf(world.actors.leadA);
    const doc = new Y.Doc();
    appendActions(doc, [{ action: "Written after archiving" }]);
    const update = { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, document: `plan:${planId}`, userId: world.people.leadA.id, payload: Y.encodeStateAsUpdate(doc), rowKeys: [] };

    const stored = await withTenant(database, tenant, (tx) => storeServerUpdate(tx, update)).catch((e: unknown) => e);
    expect(isPermissionDenied(stored)).toBe(true);
    const renamed = await withTenant(database, tenant, (tx) => tx.update(plans).set({ title: "Changed behind its back" }).where(eq(plans.id, planId))).catch((e: unknown) => e);
    expect(hasSqlState(renamed, "55000")).toBe(true);

    await withTenant(database, tenant, (tx) => tx.update(plans).set({ archivedAt: null, archivedBy: null }).where(eq(plans.id, planId)));
    expect(await withTenant(database, tenant, (tx) => storeServerUpdate(tx, update))).toBeGreaterThan(0);
  });
});
