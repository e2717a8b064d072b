import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { characteristics, evidenceItems, frameworkOutcomes, frameworks } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import { createAssessment } from "../../app/domain/grading/create-assessment.server";
import { getAssessment } from "../../app/domain/grading/get-assessment.server";
import { setPlanArchived } from "../../app/domain/plans/archive-plan.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { projectPlan } from "../../app/domain/plans/project-plan.server";
import { appendActions, readActions } from "../../app/lib/plan/model";
import { suggestEds2Grade } from "../../app/policies/grade-suggestion";
import { changePhase } from "../../app/domain/grading/change-phase.server";
import { getSummary } from "../../app/domain/grading/get-summary.server";
import { openTestDatabase } from "../support/db";
import { frameworkIds, seedAssessment } from "../support/grading";
import { createWorld, type World } from "../support/factories";

let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

describe("suggested EDS2 grades from evidence and plans", () => {
  it("counts characteristics with both evidence tagged to the outcome and a plan action serving it", async () => {
    const [eds2] = await database.db.select().from(frameworks).where(eq(frameworks.code, "EDS2"));
    const outcome11 = (await database.db.select().from(frameworkOutcomes).where(eq(frameworkOutcomes.frameworkId, eds2!.id))).find((o) => o.code === "1.1")!;
    const chars = await database.db.select().from(characteristics).where(inArray(characteristics.code, ["race", "disability", "deaf_bsl", "age", "sex"]));
    const id = (code: string) => chars.find((c) => c.code === code)!.id;

    // Evidence: A's own item for race and D/deaf (counts toward disability) and age; B's shared item for sex (another collaborative: ignored).
    await database.db.insert(evidenceItems).values({
      collaborativeId: world.collaboratives.x, orgId: world.orgs.a, type: "report", title: "Own", outcomeIds: [outcome11.id], characteristicIds: [id("race"), id("deaf_bsl"), id("age")],
    });
    await database.db.insert(evidenceItems).values({
      collaborativeId: world.collaboratives.y, orgId: world.orgs.b, type: "report", title: "Elsewhere", outcomeIds: [outcome11.id], characteristicIds: [id("sex")], sharedAt: new Date(),
    });
    // A2's private item does not count for A.
    await database.db.insert(evidenceItems).values({
      collaborativeId: world.collaboratives.x, orgId: world.orgs.a2, type: "report", title: "A2 private", outcomeIds: [outcome11.id], characteristicIds: [id("sex")],
    });

    // Plans: an action serving 1.1 for race and disability, and one for age serving another outcome.
    const { id: planId } = await createPlan(database, world.actors.leadA, { kind: "eds_action", title: "EDS action plan", periodStart: "2025-01-01", periodEnd: "2025-12-31", objectives: [] });
    const doc = new Y.Doc();
    appendActions(doc, [
      { action: "Interpreting", edsOutcomes: ["EDS2:1.1"], characteristics: ["race", "disability"] },
      { action: "Age", edsOutcomes: ["EDS2:2.1"], characteristics: ["age"] },
    ]);
    await withTenant(database, tenantOf(world.actors.leadA), (tx) => projectPlan(tx, { planId, collaborativeId: world.collaboratives.x, orgId: world.orgs.a }, readActions(doc)));

    const assessmentId = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2", yearStart: 2024 });
    const view = await getAssessment(database, world.actors.leadA, assessmentId);
    expect(view.suggestions.available).toBe(true);
    if (!view.suggestions.available) return;
    const input = view.suggestions.byOutcome[outcome11.id]!;
    const s = suggestEds2Grade({ characteristics: view.suggestions.characteristics, evidenceCharacteristicIds: input.evidence, planCharacteristicIds: input.plans });
    expect(s.covered.sort()).toEqual(["Disability", "Race"]);
    expect(s.missingDetail.find((m) => m.name === "Age")).toEqual({ name: "Age", lacks: ["plan"] });
    expect(s.missingDetail.find((m) => m.name === "Sex")).toEqual({ name: "Sex", lacks: ["evidence", "plan"] });
    expect(s.value).toBe(0);

    // An "All groups" action covers every protected characteristic with evidence.
    appendActions(doc, [{ action: "Everyone", edsOutcomes: ["EDS2:1.1"], characteristics: ["all"] }]);
    await withTenant(database, tenantOf(world.actors.leadA), (tx) => projectPlan(tx, { planId, collaborativeId: world.collaboratives.x, orgId: world.orgs.a }, readActions(doc)));
    const again = await getAssessment(database, world.actors.leadA, assessmentId);
    if (!again.suggestions.available) throw new Error("expected suggestions");
    const all = again.suggestions.byOutcome[outcome11.id]!;
    expect(suggestEds2Grade({ characteristics: again.suggestions.characteristics, evidenceCharacteristicIds: all.evidence, planCharacteristicIds: all.plans }).covered.sort()).toEqual(["Age", "Disability", "Race"]);
    expect(suggestEds2Grade({ characteristics: again.suggestions.characteristics, evidenceCharacteristicIds: all.evidence, planCharacteristicIds: all.plans }).value).toBe(1);
  });
});

describe("the EDS 2022 summary's action plan lines", () => {
  it("shows the EDS action plan's lines in a preview and keeps them, frozen, once published", async () => {
    const { eds2022 } = await frameworkIds(database);
    const assessmentId = await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: eds2022, yearStart: 2025, grade: 2 });
    const { id: planId } = await createPlan(database, world.actors.leadA, { kind: "eds_action", title: "EDS 2022 action plan", periodStart: "2025-04-01", periodEnd: "2026-03-31", objectives: [] });
    const doc = new Y.Doc();
    appendActions(doc, [
      { action: "Audit interpreting in maternity", responsibleOfficer: "Head of Midwifery", edsOutcomes: ["EDS2022:1A", "EDS2022:1C"], currentDue: "2026-01-31", status: "amber" },
      { action: "Not an EDS 2022 line", edsOutcomes: ["EDS2:1.1"] },
    ]);
    const project = () => withTenant(database, tenantOf(world.actors.leadA), (tx) => projectPlan(tx, { planId, collaborativeId: world.collaboratives.x, orgId: world.orgs.a }, readActions(doc)));
    await project();

    const preview = await getSummary(database, world.actors.leadA, assessmentId);
    expect(preview.actionPlan!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["1A", "Audit interpreting in maternity", "Head of Midwifery", "31 January 2026", "In progress"],
      ["1C", "Audit interpreting in maternity", "Head of Midwifery", "31 January 2026", "In progress"],
    ]);
    // An archived action plan is not the current one: its lines leave the preview.
    const { id: oldPlan } = await createPlan(database, world.actors.leadA, { kind: "eds_action", title: "EDS 2022 action plan 2023", periodStart: "2023-04-01", periodEnd: "2024-03-31", objectives: [] });
    const oldDoc = new Y.Doc();
    appendActions(oldDoc, [{ action: "Last year's line", edsOutcomes: ["EDS2022:1B"] }]);
    await withTenant(database, tenantOf(world.actors.leadA), (tx) => projectPlan(tx, { planId: oldPlan, collaborativeId: world.collaboratives.x, orgId: world.orgs.a }, readActions(oldDoc)));
    expect((await getSummary(database, world.actors.leadA, assessmentId)).actionPlan!.rows).toHaveLength(3);
    await setPlanArchived(database, world.actors.leadA, oldPlan, true);
    expect((await getSummary(database, world.actors.leadA, assessmentId)).actionPlan!.rows.map((r) => r.cells[1]!.text)).not.toContain("Last year's line");

    await changePhase(database, world.actors.leadA, assessmentId, { phase: "published", publishedOn: "2026-02-20" });
    appendActions(doc, [{ action: "Added after publication", edsOutcomes: ["EDS2022:2A"] }]);
    await project();
    // Another organisation of the collaborative reads the published summary, plan lines included, as published.
    const published = await getSummary(database, world.actors.leadA2, assessmentId);
    expect(published.actionPlan!.rows.map((r) => r.cells[1]!.text)).toEqual(["Audit interpreting in maternity", "Audit interpreting in maternity"]);
  });
});
