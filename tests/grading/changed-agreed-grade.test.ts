import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { assessmentGrades } from "../../db/schema";
import { changePhase } from "../../app/domain/grading/change-phase.server";
import { getAssessment, type AssessmentView } from "../../app/domain/grading/get-assessment.server";
import { action as gradeAction } from "../../app/routes/grading.$assessmentId.grade";
import { gradeField, gradeFingerprint } from "../../app/policies/grading";
import { openTestDatabase } from "../support/db";
import { actorFor, createUser, createWorld, type TestUser, type World } from "../support/factories";
import { frameworkIds, seedAssessment } from "../support/grading";
import { callRoute } from "../support/routes";

/**
 * The grade form draws an agreed grade's box ticked ("Agreed (by Jane)"). Changing the grade and
 * saving with the box left as drawn recorded the person saving as having agreed the new grade: a
 * grade nobody agreed said "Agreed by" someone. Changing an agreed grade clears its agreement
 * (as the README says); ticking the box again afterwards agrees the new grade.
 */
let database: Database;
let world: World;
let colleague: TestUser;
let id: string;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  colleague = await createUser(database, [[world.orgs.a, "equality_lead"]]);
  id = await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: (await frameworkIds(database)).eds2, yearStart: 2019, grade: 2 });
  // The colleague agrees every grade.
  await changePhase(database, await actorFor(database, colleague, world.orgs.a), id, { phase: "agreed" });
});
afterAll(() => database?.close());

/** The form as the page draws it, with some grades changed and some boxes set. */
function formFrom(view: AssessmentView, changes: Record<string, number>, agreed: Record<string, boolean> = {}): Record<string, string> {
  const form: Record<string, string> = { intent: "grades" };
  for (const o of view.framework.groups.flatMap((g) => g.outcomes)) {
    const field = gradeField(o.id, null);
    const g = view.grades.find((x) => x.outcomeId === o.id)!;
    form[field] = String(changes[o.code] ?? g.value);
    form[`${field}-rationale`] = g.rationale;
    if (agreed[o.code] ?? g.agreedBy !== null) form[`${field}-agreed`] = "yes";
    form[`${field}-loaded`] = gradeFingerprint({ value: g.value, rationale: g.rationale, agreed: g.agreedBy !== null, evidenceIds: g.evidenceIds });
  }
  return form;
}
const post = (form: Record<string, string>) => callRoute(database, gradeAction, world.people.leadA, `/grading/${id}/grade`, { params: { assessmentId: id }, form });
const agreementOf = async (code: string) => {
  const view = await getAssessment(database, world.actors.leadA, id);
  const outcome = view.framework.groups.flatMap((g) => g.outcomes).find((o) => o.code === code)!;
  const [row] = await database.db.select({ value: assessmentGrades.value, agreedBy: assessmentGrades.agreedBy }).from(assessmentGrades).where(and(eq(assessmentGrades.assessmentId, id), eq(assessmentGrades.outcomeId, outcome.id)));
  return row;
};

describe("changing an agreed grade", () => {
  it("clears its agreement when the box was left as drawn, and leaves the others' alone", async () => {
    expect((await post(formFrom(await getAssessment(database, world.actors.leadA, id), { "1.1": 3 }))).status).toBe(302);
    expect(await agreementOf("1.1")).toEqual({ value: 3, agreedBy: null });
    expect(await agreementOf("1.2")).toEqual({ value: 2, agreedBy: colleague.id });
    expect((await getAssessment(database, world.actors.leadA, id)).assessment.phase).toBe("grading");
  });

  it("is agreed again by ticking the box on the changed grade", async () => {
    expect((await post(formFrom(await getAssessment(database, world.actors.leadA, id), {}, { "1.1": true }))).status).toBe(302);
    expect(await agreementOf("1.1")).toEqual({ value: 3, agreedBy: world.people.leadA.id });
  });
});
