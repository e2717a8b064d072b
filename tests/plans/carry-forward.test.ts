import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { collabUpdates, plans, registerRows } from "../../db/schema";
import { withOwner, withTenant } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import { carryForwardPlan, previewCarryForward } from "../../app/domain/plans/carry-forward-plan.server";
import { changePlanDocument } from "../../app/domain/plans/change-plan-document.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { openPlan } from "../../app/domain/plans/open-plan.server";
import { pullIntoPlan } from "../../app/domain/plans/pull-into-plan.server";
import { loadRegisterRollup } from "../../app/domain/plans/register-rollup.server";
import type * as Y from "yjs";
import { setPlanArchived } from "../../app/domain/plans/archive-plan.server";
import { appendActions, readActions } from "../../app/lib/plan/model";
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

const next = { title: "Equality objective plan 2024 to 2028", periodStart: "2024-04-01", periodEnd: "2028-03-31", objectives: [{ number: 1, text: "To improve access" }] };

async function endingPlan() {
  const { id } = await createPlan(database, world.actors.leadA, {
    kind: "workforce", title: "Workforce plan 2020 to 2024", periodStart: "2020-04-01", periodEnd: "2024-03-31", objectives: [{ number: 1, text: "To be fair" }],
  });
  const owner = { planId: id, collaborativeId: world.collaboratives.x, orgId: world.orgs.a };
  await withTenant(database, tenantOf(world.actors.leadA), (tx) =>
    changePlanDocument(tx, owner, world.people.leadA.id, (doc) =>
      appendActions(doc, [
        { action: "Done already", status: "green", currentDue: "2021-03-31" },
        { action: "Still going", status: "blue", currentDue: "2024-03-31", updates: [{ at: "2023-09-01T09:00:00.000Z", authorId: null, authorName: "A", text: "Half way." }] },
        { action: "Not started", status: "red" },
      ]),
    ),
  );
  return id;
}

describe("starting the next plan from one that ends", () => {
  it("takes over the unfinished actions, keeps the old plan, and archives it when asked", async () => {
    const oldId = await endingPlan();
    expect(await previewCarryForward(database, world.actors.contributorA, oldId)).toMatchObject({ title: "Workforce plan 2020 to 2024", kind: "workforce", carried: 2, complete: 1, archivedAt: null });

    const when = new Date("2024-04-02T09:00:00Z");
    const { id, carried } = await carryForwardPlan(database, world.actors.contributorA, oldId, next, { archiveOld: true }, when);
    expect(carried).toBe(2);
    const opened = (await openPlan(database, world.actors.leadA, id))!;
    expect(opened).toMatchObject({ kind: "workforce", title: next.title, periodStart: "2024-04-01", objectives: next.objectives, canEdit: true, archived: null });
    expect(opened.actions.map((a) => [a.action, a.status])).toEqual([
      ["Still going", "blue"],
      ["Not started", "red"],
    ]);
    expect(opened.actions[0]!.updates.map((u) => u.text)).toEqual(["Half way.", 'Carried forward from "Workforce plan 2020 to 2024".']);
    // One update of the new document, attributed to the person who started it.
    const stored = await withOwner(database, (tx) => tx.select().from(collabUpdates).where(eq(collabUpdates.document, `plan:${id}`)));
    expect(stored.map((u) => u.userId)).toEqual([world.people.contributorA.id]);

    const old = (await openPlan(database, world.actors.leadA, oldId))!;
    expect(old.actions).toHaveLength(3);
    expect(old.archived).toMatchObject({ at: when.toISOString(), byName: world.people.contributorA.name });
  });

  it("asks before starting a second plan from one already carried forward (it would take over the same actions again)", async () => {
    const oldId = await endingPlan();
    expect((await previewCarryForward(database, world.actors.leadA, oldId)).startedFrom).toEqual([]);
    const { id: first } = await carryForwardPlan(database, world.actors.leadA, oldId, next, { archiveOld: false });

    const preview = await previewCarryForward(database, world.actors.leadA, oldId);
    expect(preview.startedFrom).toEqual([{ id: first, title: next.title, createdAt: expect.any(String) }]);
    // Not confirmed (a second click of the button, or not knowing): refused on the box, nothing made.
    const countPlans = async () => (await database.db.select({ id: plans.id }).from(plans).where(eq(plans.orgId, world.orgs.a))).length;
    const before = await countPlans();
    await expect(carryForwardPlan(database, world.actors.leadA, oldId, { ...next, title: "Twice" }, { archiveOld: false })).rejects.toMatchObject({
      status: 422,
      fields: { again: expect.stringContaining(`"${next.title}" was already started from this plan`) },
    });
    expect(await countPlans()).toBe(before);
    // Confirmed: made, and listed in turn.
    const { id: second, carried } = await carryForwardPlan(database, world.actors.leadA, oldId, { ...next, title: "Twice" }, { archiveOld: false, again: true });
    expect(carried).toBe(2);
    expect((await previewCarryForward(database, world.actors.leadA, oldId)).startedFrom.map((p) => p.id)).toEqual([first, second]);
    // A plan started from the new one is the new one's, not the old one's.
    expect((await previewCarryForward(database, world.actors.leadA, first)).startedFrom).toEqual([]);
  });

  it("leaves the old plan being worked on unless asked, and starts an empty plan from one with nothing left to do", async () => {
    const oldId = await endingPlan();
    await carryForwardPlan(database, world.actors.leadA, oldId, next, { archiveOld: false });
    expect((await openPlan(database, world.actors.leadA, oldId))!.archived).toBeNull();

    const { id: finished } = await createPlan(database, world.actors.leadA, { kind: "eds_action", title: "Nothing open", periodStart: "2023-04-01", periodEnd: "2024-03-31", objectives: [] });
    const { id, carried } = await carryForwardPlan(database, world.actors.leadA, finished, next, { archiveOld: true });
    expect(carried).toBe(0);
    expect((await openPlan(database, world.actors.leadA, id))!).toMatchObject({ kind: "eds_action", actions: [] });
  });

  it("keeps a pulled action linked to its shared barrier, so the roll-up goes on counting it", async () => {
    const rowKey = randomUUID();
    await database.db.insert(registerRows).values({
      collaborativeId: world.collaboratives.x, rowKey, position: 5, characteristics: ["race"], barrier: "Carried barrier", issue: "", identifiedBy: "",
      evidence: [], edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", status: null, updates: [],
    });
    const { id: oldId } = await createPlan(database, world.actors.leadA, { kind: "equality_objectives", title: "Old", periodStart: "2020-04-01", periodEnd: "2024-03-31", objectives: [] });
    await pullIntoPlan(database, world.actors.leadA, oldId, { kind: "register", id: rowKey });
    const { id } = await carryForwardPlan(database, world.actors.leadA, oldId, next, { archiveOld: true });
    expect((await openPlan(database, world.actors.leadA, id))!.actions[0]!.source).toMatchObject({ kind: "register", id: rowKey });
    expect((await loadRegisterRollup(database, world.actors.leadA)).find((r) => r.rowKey === rowKey)!.ours.map((o) => o.planId).sort()).toEqual([oldId, id].sort());
  });

  // Both copies are the organisation's own: the progress page links to each, so each must say which plan it is in.
  it("names the plan of each of our copies of a carried barrier, the one being worked on first", async () => {
    const rowKey = randomUUID();
    await database.db.insert(registerRows).values({
      collaborativeId: world.collaboratives.x, rowKey, position: 16, characteristics: ["race"], barrier: "Barrier carried again", issue: "", identifiedBy: "",
      evidence: [], edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", status: null, updates: [],
    });
    const { id: oldId } = await createPlan(database, world.actors.leadA, { kind: "equality_objectives", title: "Plan 2020 to 2024", periodStart: "2020-04-01", periodEnd: "2024-03-31", objectives: [] });
    const { rowKey: oldRow } = await pullIntoPlan(database, world.actors.leadA, oldId, { kind: "register", id: rowKey });
    const { id } = await carryForwardPlan(database, world.actors.leadA, oldId, { ...next, title: "Plan 2024 to 2028" }, { archiveOld: true });
    const newRow = (await openPlan(database, world.actors.leadA, id))!.actions[0]!.key;
    expect((await loadRegisterRollup(database, world.actors.leadA)).find((r) => r.rowKey === rowKey)!.ours).toEqual([
      { planId: id, rowKey: newRow, planTitle: "Plan 2024 to 2028", planArchived: false },
      { planId: oldId, rowKey: oldRow, planTitle: "Plan 2020 to 2024", planArchived: true },
    ]);
  });

  // The archived plan keeps its copy of the action as it stood; the organisation works on the new
  // one. Counted at its least advanced copy, the organisation would stay "in progress" forever.
  it("counts the organisation at its current plan's copy of a carried action, not the archived one", async () => {
    const rowKey = randomUUID();
    await database.db.insert(registerRows).values({
      collaborativeId: world.collaboratives.x, rowKey, position: 6, characteristics: ["age"], barrier: "Carried and finished", issue: "", identifiedBy: "",
      evidence: [], edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", status: null, updates: [],
    });
    const { id: oldId } = await createPlan(database, world.actors.leadA, { kind: "equality_objectives", title: "Old again", periodStart: "2020-04-01", periodEnd: "2024-03-31", objectives: [] });
    await pullIntoPlan(database, world.actors.leadA, oldId, { kind: "register", id: rowKey });
    const setStatus = (planId: string, status: string) =>
      withTenant(database, tenantOf(world.actors.leadA), (tx) =>
        changePlanDocument(tx, { planId, collaborativeId: world.collaboratives.x, orgId: world.orgs.a }, world.people.leadA.id, (doc) => {
          const action = readActions(doc).find((a) => a.source?.id === rowKey)!;
          (rowsOf(doc).get(action.key) as Y.Map<unknown>).set("status", status);
          return [action.key];
        }),
      );
    await setStatus(oldId, "amber");
    const { id } = await carryForwardPlan(database, world.actors.leadA, oldId, next, { archiveOld: true });
    await setStatus(id, "green");

    const barrier = async () => (await loadRegisterRollup(database, world.actors.adminX)).find((r) => r.rowKey === rowKey)!;
    const counted = await barrier();
    expect(counted.summary).toBe("1 organisation: 1 complete");
    // Regional leads still see both copies, the archived one said to be archived, and the organisation as complete.
    const org = counted.organisations!.find((o) => o.orgId === world.orgs.a)!;
    expect(org.meaning).toBe("complete");
    expect(org.statuses.map((s) => [s.meaning, s.planArchivedAt === null])).toEqual(expect.arrayContaining([["in_progress", false], ["complete", true]]));
    expect((await loadRegisterRollup(database, world.actors.leadA2)).find((r) => r.rowKey === rowKey)!.summary).toBe("1 organisation: 1 complete");

    // With every copy in archived plans, they are what the organisation left: the least advanced counts.
    await setPlanArchived(database, world.actors.leadA, id, true);
    expect((await barrier()).summary).toBe("1 organisation: 1 in progress");
  });

  it("is for the organisation's plan editors only, and adds nothing when refused", async () => {
    const oldId = await endingPlan();
    const count = async () => (await withOwner(database, (tx) => tx.select().from(plans).where(eq(plans.orgId, world.orgs.a)))).length;
    const before = await count();
    await expect(carryForwardPlan(database, world.actors.viewerA, oldId, next, { archiveOld: true })).rejects.toMatchObject({ status: 403 });
    await expect(carryForwardPlan(database, world.actors.leadA2, oldId, next, { archiveOld: true })).rejects.toMatchObject({ status: 404 });
    await expect(previewCarryForward(database, world.actors.leadB, oldId)).rejects.toMatchObject({ status: 404 });
    expect(await count()).toBe(before);
  });
});
