import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { DEFAULT_PLAN_LEGEND, planPulls, registerRows } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { listPlans } from "../../app/domain/plans/list-plans.server";
import { parseLegend, planDetailsSchema } from "../../app/domain/plans/plan-input";
import { projectPlan } from "../../app/domain/plans/project-plan.server";
import { pullIntoPlan } from "../../app/domain/plans/pull-into-plan.server";
import { PlanStatusInUse, updatePlan } from "../../app/domain/plans/update-plan.server";
import { changePlanDocument } from "../../app/domain/plans/change-plan-document.server";
import { getPlan } from "../../app/domain/plans/get-plan.server";
import * as settingsRoute from "../../app/routes/plans.$planId.settings";
import { callRoute } from "../support/routes";
import { appendActions, changeDueDate, readActions } from "../../app/lib/plan/model";
import { rowsOf } from "../../app/lib/register/model";
import { loadDocumentState } from "../../app/domain/collab/document-store.server";
import { legendFingerprint } from "../../app/lib/legend-input";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

const details = { kind: "workforce" as const, title: "Workforce equality plan", periodStart: "2025-04-01", periodEnd: "2026-03-31", objectives: [] };
const me = { id: null, name: "Test" };

describe("plan details", () => {
  it("refuses bad input field by field", () => {
    const result = planDetailsSchema.safeParse({ kind: "nonsense", title: " ", periodStart: "31/02/2025", periodEnd: "2024-01-01", objectives: "1. One\n1. Again" });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(fields).toMatchObject({ kind: "Select the kind of plan", title: "Enter a title for the plan", objectives: 'Each objective needs its own number: "One" and "Again" are both number 1. Start each line with its number ("3. To ..."), one objective per line' });
    const mixed = planDetailsSchema.safeParse({ kind: "workforce", title: "T", periodStart: "2025-04-01", periodEnd: "2026-03-31", objectives: "2. To be fair\nTo improve access" });
    expect(mixed.error!.issues[0]!.message).toMatch(/^Each objective needs its own number: "To be fair" and "To improve access" are both number 2\./);
    expect(fields.periodStart).toMatch(/no day 31/);
    const ends = planDetailsSchema.safeParse({ kind: "workforce", title: "T", periodStart: "2025-04-01", periodEnd: "2025-03-31" });
    expect(ends.error!.issues).toMatchObject([{ path: ["periodEnd"], message: "The end date must be on or after the start date" }]);
  });

  it("says only what is wrong with a start date it cannot read, not that the plan ends before it starts", () => {
    for (const [periodStart, periodEnd] of [["32/13/2026", "2027-03-31"], ["2026-04-01", "Smarch 2027"]]) {
      const result = planDetailsSchema.safeParse({ kind: "workforce", title: "T", periodStart, periodEnd });
      expect(result.error!.issues).toHaveLength(1);
      expect(result.error!.issues[0]!.message).not.toMatch(/on or after the start date/);
    }
  });

  it("reads numbered objectives", () => {
    const ok = planDetailsSchema.parse({ kind: "equality_objectives", title: "T", periodStart: "April 2024", periodEnd: "March 2028", objectives: "1. To make fair decisions\n2) To improve access" });
    expect(ok.objectives).toEqual([
      { number: 1, text: "To make fair decisions" },
      { number: 2, text: "To improve access" },
    ]);
    expect(ok.periodStart).toBe("2024-04-01");
  });

  it("reads a period given as months from the first of its first month to the last of its last", () => {
    const ok = planDetailsSchema.parse({ kind: "equality_objectives", title: "T", periodStart: "April 2024", periodEnd: "March 2028" });
    expect([ok.periodStart, ok.periodEnd]).toEqual(["2024-04-01", "2028-03-31"]);
    // A plan of one month is not refused as ending before it starts.
    const month = planDetailsSchema.parse({ kind: "equality_objectives", title: "T", periodStart: "Feb 2024", periodEnd: "Feb 2024" });
    expect([month.periodStart, month.periodEnd]).toEqual(["2024-02-01", "2024-02-29"]);
  });

  it("refuses a legend with no status meaning complete, or a status without text", () => {
    const form = new FormData();
    for (const [k, l, c, m] of [["a", "Started", "amber", "in_progress"], ["", "", "grey", "in_progress"], ["b", "", "red", "not_started"]]) {
      form.append("key", k!);
      form.append("label", l!);
      form.append("colour", c!);
      form.append("meaning", m!);
    }
    const result = parseLegend(form);
    expect(result).toMatchObject({ ok: false, errors: { "label-2": "Enter the status's text", "meaning-0": expect.stringMatching(/complete/) } });
  });

  it("lets viewers read but not create plans", async () => {
    await expect(createPlan(database, world.actors.viewerA, details)).rejects.toMatchObject({ status: 403 });
  });
});

describe("overdue and slipped actions across an organisation's plans", () => {
  it("finds them with fixed dates, following each plan's legend", async () => {
    const { id: planId } = await createPlan(database, world.actors.leadA, details);
    const doc = new Y.Doc();
    const [late, done, moved, future] = appendActions(doc, [
      { action: "Late", currentDue: "2026-01-31", status: "amber" },
      { action: "Done", currentDue: "2026-01-31", status: "green" },
      { action: "Moved twice", currentDue: "2026-06-30", status: "amber" },
      { action: "Future", currentDue: "2026-12-31", status: "red" },
    ]);
    changeDueDate(doc, moved!, "2026-09-30", "Recruitment freeze", me);
    changeDueDate(doc, moved!, "2026-12-31", "Board date moved", me);
    await withTenant(database, tenantOf(world.actors.contributorA), (tx) =>
      projectPlan(tx, { planId, collaborativeId: world.collaboratives.x, orgId: world.orgs.a }, readActions(doc)),
    );

    const { plans, attention } = await listPlans(database, world.actors.viewerA, new Date("2026-03-01T12:00:00Z"));
    const summary = plans.find((p) => p.id === planId)!;
    expect(summary).toMatchObject({ actions: 4, overdue: 1, slipped: 1, complete: 1 });
    const mine = attention.filter((a) => a.planId === planId);
    expect(mine.map((a) => [a.rowKey, a.overdue, a.slipped, a.moves])).toEqual(
      expect.arrayContaining([
        [late, true, false, 0],
        [moved, false, true, 2],
      ]),
    );
    expect(mine.map((a) => a.rowKey)).not.toContain(done);
    expect(mine.map((a) => a.rowKey)).not.toContain(future);

    // Another organisation sees none of it.
    const other = await listPlans(database, world.actors.leadA2, new Date("2026-03-01T12:00:00Z"));
    expect(other.plans.find((p) => p.id === planId)).toBeUndefined();
  });
});

describe("changing a plan's legend", () => {
  it("rewrites the roll-up's status labels", async () => {
    const rowKey = randomUUID();
    await database.db.insert(registerRows).values({
      collaborativeId: world.collaboratives.x, rowKey, position: 5_000_000, characteristics: [], barrier: "Legend test", issue: "", identifiedBy: "",
      evidence: [], edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", status: null, updates: [],
    });
    const { id: planId } = await createPlan(database, world.actors.leadA, details);
    await pullIntoPlan(database, world.actors.leadA, planId, { kind: "register", id: rowKey });
    // Give the pulled action a status through its document, as an edit would.
    const doc = new Y.Doc();
    for (const part of await withTenant(database, tenantOf(world.actors.leadA), (tx) => loadDocumentState(tx, `plan:${planId}`))) Y.applyUpdate(doc, part);
    rowsOf(doc).forEach((row) => row.set("status", "amber"));
    await withTenant(database, tenantOf(world.actors.leadA), (tx) => projectPlan(tx, { planId, collaborativeId: world.collaboratives.x, orgId: world.orgs.a }, readActions(doc)));
    const label = async () => (await withTenant(database, tenantOf(world.actors.leadA), (tx) => tx.select().from(planPulls).where(eq(planPulls.planId, planId))))[0]!.statusLabel;
    expect(await label()).toBe("In progress");

    const legend = DEFAULT_PLAN_LEGEND.map((s) => (s.key === "amber" ? { ...s, label: "Under way" } : s));
    await updatePlan(database, world.actors.leadA, planId, { legend });
    expect(await label()).toBe("Under way");
    await expect(updatePlan(database, world.actors.leadA2, planId, { legend })).rejects.toMatchObject({ status: 404 });
    await expect(updatePlan(database, world.actors.viewerA, planId, { legend })).rejects.toMatchObject({ status: 403 });
  });

  it("refuses to remove a status that actions or their steps still have, saying how many, and changes nothing", async () => {
    const { id: planId } = await createPlan(database, world.actors.leadA, details);
    await withTenant(database, tenantOf(world.actors.leadA), (tx) =>
      changePlanDocument(tx, { planId, collaborativeId: world.collaboratives.x, orgId: world.orgs.a }, world.people.leadA.id, (doc) =>
        appendActions(doc, [
          { action: "Finished", status: "green", currentDue: "2020-01-31" },
          { action: "Also finished", status: "green" },
          { action: "Has a step under way", status: "blue", steps: [{ key: "s1", text: "First step", due: null, status: "amber" }] },
        ]),
      ),
    );
    // "Done" replaces Green as the status meaning complete; Amber is removed too.
    const legend = [...DEFAULT_PLAN_LEGEND.filter((s) => s.key !== "green" && s.key !== "amber"), { key: "s5-done", label: "Done", colour: "green" as const, meaning: "complete" as const }];
    const refused = await updatePlan(database, world.actors.leadA, planId, { legend }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlanStatusInUse);
    expect((refused as PlanStatusInUse).inUse).toEqual(
      expect.arrayContaining([
        { key: "green", label: "Complete", actions: 2 },
        { key: "amber", label: "In progress", actions: 1 },
      ]),
    );
    expect((await getPlan(database, world.actors.leadA, planId))!.legend).toEqual(DEFAULT_PLAN_LEGEND);
    // Renaming and recolouring a status it still uses is fine.
    const renamed = DEFAULT_PLAN_LEGEND.map((s) => (s.key === "green" ? { ...s, label: "Done", colour: "purple" as const } : s));
    await updatePlan(database, world.actors.leadA, planId, { legend: renamed });
    expect((await getPlan(database, world.actors.leadA, planId))!.legend).toEqual(renamed);
  });

  it("puts the refusal beside the status's Remove box on the settings page, keeping what was typed", async () => {
    const { id: planId } = await createPlan(database, world.actors.leadA, details);
    await withTenant(database, tenantOf(world.actors.leadA), (tx) =>
      changePlanDocument(tx, { planId, collaborativeId: world.collaboratives.x, orgId: world.orgs.a }, world.people.leadA.id, (doc) =>
        appendActions(doc, [{ action: "Finished", status: "green" }]),
      ),
    );
    const form = new URLSearchParams({ intent: "legend" });
    for (const s of DEFAULT_PLAN_LEGEND) {
      form.append("key", s.key);
      form.append("label", s.key === "green" ? "Finished" : s.label);
      form.append("colour", s.colour);
      form.append("meaning", s.meaning);
    }
    form.append("key", "");
    form.append("label", "Done");
    form.append("colour", "purple");
    form.append("meaning", "complete");
    form.append("remove", "green");
    const answer = await callRoute(database, settingsRoute.action, world.people.leadA, `/plans/${planId}/settings`, { params: { planId }, form });
    const index = DEFAULT_PLAN_LEGEND.findIndex((s) => s.key === "green");
    expect(answer).toMatchObject({
      status: 422,
      body: { ok: false, errors: { [`remove-${index}`]: '1 action has the status "Complete": give it another status first' }, values: { intent: "legend", remove: "green" } },
    });
    expect((await getPlan(database, world.actors.leadA, planId))!.legend).toEqual(DEFAULT_PLAN_LEGEND);
  });

  // The form posts the whole legend: without the check, the second of two people saving at once
  // silently dropped the first one's new status (or undid their wording).
  it("refuses a save drawn from a legend someone has changed since, keeping what was typed; saving again keeps it", async () => {
    const { id: planId } = await createPlan(database, world.actors.leadA, details);
    const drawnWith = legendFingerprint(DEFAULT_PLAN_LEGEND);
    const theirs = [...DEFAULT_PLAN_LEGEND, { key: "s5-on-hold", label: "On hold", colour: "purple" as const, meaning: "in_progress" as const }];
    await updatePlan(database, world.actors.contributorA, planId, { legend: theirs, loadedLegend: drawnWith });

    const form = new URLSearchParams({ intent: "legend", loaded: drawnWith });
    for (const s of DEFAULT_PLAN_LEGEND) {
      form.append("key", s.key);
      form.append("label", s.key === "amber" ? "Under way" : s.label);
      form.append("colour", s.colour);
      form.append("meaning", s.meaning);
    }
    const answer = await callRoute(database, settingsRoute.action, world.people.leadA, `/plans/${planId}/settings`, { params: { planId }, form });
    expect(answer).toMatchObject({ status: 409, body: { ok: false, values: { intent: "legend", label: expect.arrayContaining(["Under way"]), loaded: legendFingerprint(theirs) } } });
    expect((answer.body as { message: string }).message).toMatch(/^Someone else changed the legend since you opened this page\. It now reads: .*On hold \(purple\)/);
    expect((await getPlan(database, world.actors.leadA, planId))!.legend).toEqual(theirs);

    // Seen and saved again, from the refused form (now carrying the legend as it is): theirs is replaced by this one.
    form.set("loaded", legendFingerprint(theirs));
    const again = await callRoute(database, settingsRoute.action, world.people.leadA, `/plans/${planId}/settings`, { params: { planId }, form });
    expect(again.status).toBe(302);
    expect((await getPlan(database, world.actors.leadA, planId))!.legend.map((s) => s.label)).toEqual(["Action ongoing", "Complete", "Under way", "Not started"]);
  });
});
