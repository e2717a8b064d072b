import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { assessmentGrades } from "../../db/schema";
import { getAssessment, type AssessmentView } from "../../app/domain/grading/get-assessment.server";
import { action as gradeAction } from "../../app/routes/grading.$assessmentId.grade";
import { gradeField, gradeFingerprint } from "../../app/policies/grading";
import { openTestDatabase } from "../support/db";
import { createUser, createWorld, type TestUser, type World } from "../support/factories";
import { frameworkIds, seedAssessment } from "../support/grading";
import { callRoute } from "../support/routes";

/**
 * The grade form posts every outcome, so when two equality leads of one organisation graded at
 * once, the second save wrote the second person's stale copy of every grade back: the first
 * person's changes were silently undone. Now each slot carries the grade it was drawn with.
 */
let database: Database;
let world: World;
let secondLead: TestUser;
let id: string;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  secondLead = await createUser(database, [[world.orgs.a, "equality_lead"]]);
  id = await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: (await frameworkIds(database)).eds2, yearStart: 2021, grade: 2 });
});
afterAll(() => database?.close());

/** The grade form as the page draws it from `view` (every slot, with the grade it shows), with some grades changed. */
function formFrom(view: AssessmentView, changes: Record<string, number> = {}): Record<string, string> {
  const form: Record<string, string> = { intent: "grades" };
  for (const o of view.framework.groups.flatMap((g) => g.outcomes)) {
    const field = gradeField(o.id, null);
    const g = view.grades.find((x) => x.outcomeId === o.id);
    form[field] = String(changes[o.code] ?? g?.value ?? "");
    form[`${field}-rationale`] = g?.rationale ?? "";
    if (g?.agreedBy) form[`${field}-agreed`] = "yes";
    form[`${field}-loaded`] = gradeFingerprint(g ? { value: g.value, rationale: g.rationale, agreed: g.agreedBy !== null, evidenceIds: g.evidenceIds } : null);
  }
  return form;
}

const post = (user: TestUser, form: Record<string, string>) => callRoute(database, gradeAction, user, `/grading/${id}/grade`, { params: { assessmentId: id }, form });
const valuesNow = async () => {
  const view = await getAssessment(database, world.actors.leadA, id);
  const code = new Map(view.framework.groups.flatMap((g) => g.outcomes).map((o) => [o.id, o.code]));
  const rows = await database.db.select({ outcomeId: assessmentGrades.outcomeId, value: assessmentGrades.value }).from(assessmentGrades).where(eq(assessmentGrades.assessmentId, id));
  return Object.fromEntries(rows.map((r) => [code.get(r.outcomeId)!, r.value]));
};

describe("two equality leads grading at once", () => {
  let opened: AssessmentView;
  beforeAll(async () => {
    // Both open the grade form before either saves.
    opened = await getAssessment(database, world.actors.leadA, id);
  });

  it("keeps the first person's change when the second saves a different outcome", async () => {
    expect((await post(world.people.leadA, formFrom(opened, { "1.1": 3 }))).status).toBe(302);
    expect((await post(secondLead, formFrom(opened, { "1.2": 1 }))).status).toBe(302);
    const now = await valuesNow();
    expect(now["1.1"]).toBe(3);
    expect(now["1.2"]).toBe(1);
    expect(now["1.3"]).toBe(2);
  });

  it("refuses, on its field and saving nothing, a change to an outcome someone else changed since the form was opened", async () => {
    const answer = await post(secondLead, formFrom(opened, { "1.1": 0, "2.1": 1 }));
    expect(answer.status).toBe(422);
    const field = gradeField(opened.framework.groups[0]!.outcomes[0]!.id, null);
    expect(answer.body).toMatchObject({ ok: false, errors: { [field]: expect.stringContaining("1.1: someone else saved this grade after you opened the page (it is now Excelling)") } });
    expect(await valuesNow()).toMatchObject({ "1.1": 3, "2.1": 2 });
  });

  it("saves the change once made on the grade as it now stands", async () => {
    const fresh = await getAssessment(database, world.actors.leadA, id);
    expect((await post(secondLead, formFrom(fresh, { "1.1": 0 }))).status).toBe(302);
    expect(await valuesNow()).toMatchObject({ "1.1": 0, "1.2": 1 });
  });
});
