import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { assessmentGrades } from "../../db/schema";
import { action as gradeAction } from "../../app/routes/grading.$assessmentId.grade";
import { gradeField } from "../../app/policies/grading";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { frameworkIds, outcomesOf, seedAssessment } from "../support/grading";
import { callRoute } from "../support/routes";

/**
 * A rationale written in a slot whose grade was still "Not graded" was thrown away: the save said
 * "The grades were saved" and the text was gone (a grade slot with no grade is no row at all).
 * Linking evidence or agreeing without a grade was already refused on the field; so is this now.
 */
let database: Database;
let world: World;
let id: string;
let outcomes: { id: string; code: string }[];
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  const { eds2 } = await frameworkIds(database);
  id = await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: eds2, yearStart: 2022 });
  outcomes = await outcomesOf(database, eds2);
});
afterAll(() => database?.close());

const post = (form: Record<string, string>) => callRoute(database, gradeAction, world.people.leadA, `/grading/${id}/grade`, { params: { assessmentId: id }, form });
const rows = () => database.db.select({ outcomeId: assessmentGrades.outcomeId, value: assessmentGrades.value, rationale: assessmentGrades.rationale }).from(assessmentGrades).where(eq(assessmentGrades.assessmentId, id));

describe("a rationale without a grade", () => {
  it("is refused on its slot, keeping what was typed and saving nothing", async () => {
    const [first, second] = outcomes;
    const f1 = gradeField(first!.id, null);
    const f2 = gradeField(second!.id, null);
    const answer = await post({ intent: "grades", [f1]: "2", [`${f1}-rationale`]: "Patient survey", [f2]: "", [`${f2}-rationale`]: "Written before choosing a grade" });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      ok: false,
      errors: { [`${f2}-rationale`]: `${second!.code}: choose a grade for this rationale, or empty the rationale to leave the outcome ungraded` },
      values: { [`${f2}-rationale`]: "Written before choosing a grade" },
    });
    expect(await rows()).toEqual([]);
  });

  it("on EDS 2022 says 'score', as the page does", async () => {
    const { eds2022 } = await frameworkIds(database);
    const scoredId = await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: eds2022, yearStart: 2023 });
    const outcome = (await outcomesOf(database, eds2022)).find((o) => !o.scoredPerService)!;
    const f = gradeField(outcome.id, null);
    const answer = await callRoute(database, gradeAction, world.people.leadA, `/grading/${scoredId}/grade`, {
      params: { assessmentId: scoredId },
      form: { intent: "grades", [f]: "", [`${f}-rationale`]: "Staff survey", [`${f}-agreed`]: "yes" },
    });
    expect(answer.status).toBe(422);
    const errors = (answer.body as { errors: Record<string, string> }).errors;
    expect(errors[f]).toBe(`${outcome.code}: choose a score before agreeing it`);
    expect(Object.values(errors).join(" ")).not.toMatch(/\bgrade\b|ungraded/);
    const alone = await callRoute(database, gradeAction, world.people.leadA, `/grading/${scoredId}/grade`, {
      params: { assessmentId: scoredId },
      form: { intent: "grades", [f]: "", [`${f}-rationale`]: "Staff survey" },
    });
    expect((alone.body as { errors: Record<string, string> }).errors[`${f}-rationale`]).toBe(
      `${outcome.code}: choose a score for this rationale, or empty the rationale to leave the outcome unscored`,
    );
  });

  it("still clears a grade when its rationale is emptied too", async () => {
    const [first] = outcomes;
    const f1 = gradeField(first!.id, null);
    expect((await post({ intent: "grades", [f1]: "2", [`${f1}-rationale`]: "Patient survey" })).status).toBe(302);
    expect(await rows()).toEqual([{ outcomeId: first!.id, value: 2, rationale: "Patient survey" }]);
    expect((await post({ intent: "grades", [f1]: "", [`${f1}-rationale`]: "  " })).status).toBe(302);
    expect(await rows()).toEqual([]);
  });
});
