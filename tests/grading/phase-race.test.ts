import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { assessmentGrades, assessments } from "../../db/schema";
import { changePhase } from "../../app/domain/grading/change-phase.server";
import { getAssessment } from "../../app/domain/grading/get-assessment.server";
import { holdEditableAssessment } from "../../app/domain/grading/hold-assessment.server";
import { saveGrades } from "../../app/domain/grading/save-grades.server";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { frameworkIds, seedAssessment } from "../support/grading";
import { heldTransaction, stillWaiting } from "../support/held-transaction";

/**
 * Publishing read the grades without locking the assessment, and saving grades read the phase the
 * same way, so one committing while the other was in flight left a published assessment that was
 * not what was published: a grade cleared after the check (published with an outcome ungraded),
 * or a save behind the publish changing frozen grades and moving the assessment back to grading.
 * Each side is held open at the point of the race. PGlite has one connection, so two transactions
 * never overlap there: the race exists only on PostgreSQL.
 */
const postgres = Boolean(process.env.DATABASE_URL);

let database: Database;
let world: World;
let eds2: string;
let year = 2012;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  eds2 = (await frameworkIds(database)).eds2;
});
afterAll(() => database?.close());

const fullyGraded = () => seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: eds2, yearStart: year++, grade: 2 });
const stateOf = async (id: string) => {
  const [a] = await database.db.select({ phase: assessments.phase }).from(assessments).where(eq(assessments.id, id));
  const grades = await database.db.select({ value: assessmentGrades.value, agreedBy: assessmentGrades.agreedBy }).from(assessmentGrades).where(eq(assessmentGrades.assessmentId, id));
  return { phase: a!.phase, grades };
};

describe.skipIf(!postgres)("grading and publishing at once", () => {
  it("a save that waited behind a publish is refused, and the published grades stay as published", async () => {
    const id = await fullyGraded();
    await changePhase(database, world.actors.leadA, id, { phase: "agreed" });
    const outcome = (await getAssessment(database, world.actors.leadA, id)).grades[0]!.outcomeId;
    // What publishing does, held open before its commit.
    const publishing = heldTransaction(database, world.actors.leadA, async (tx) => {
      await holdEditableAssessment(tx, world.actors.leadA, id, "refused");
      await tx.update(assessments).set({ phase: "published", publishedOn: "2024-02-20" }).where(eq(assessments.id, id));
    });
    await publishing.held;
    const saving = saveGrades(database, world.actors.leadA, id, [{ outcomeId: outcome, serviceId: null, value: 3, rationale: "Changed", agreed: false }]);
    await stillWaiting(saving);
    publishing.release();
    await publishing.done;
    await expect(saving).rejects.toMatchObject({ status: 403, message: expect.stringContaining("not once the assessment is published") });
    const after = await stateOf(id);
    expect(after.phase).toBe("published");
    expect(after.grades.every((g) => g.value === 2 && g.agreedBy === world.actors.leadA.userId)).toBe(true);
  });

  it("publishing waits for a save in flight, then sees what it saved", async () => {
    const id = await fullyGraded();
    const [first] = await database.db.select({ id: assessmentGrades.id }).from(assessmentGrades).where(eq(assessmentGrades.assessmentId, id)).limit(1);
    // What saving grades does when a grade is cleared, held open before its commit.
    const saving = heldTransaction(database, world.actors.leadA, async (tx) => {
      await holdEditableAssessment(tx, world.actors.leadA, id, "refused");
      await tx.delete(assessmentGrades).where(and(eq(assessmentGrades.id, first!.id)));
    });
    await saving.held;
    const publishing = changePhase(database, world.actors.leadA, id, { phase: "published" });
    await stillWaiting(publishing);
    saving.release();
    await saving.done;
    await expect(publishing).rejects.toMatchObject({ status: 422, message: expect.stringContaining("cannot be published yet. Still missing") });
    const after = await stateOf(id);
    expect(after.phase).toBe("grading");
    expect(after.grades).toHaveLength(17);
  });
});
