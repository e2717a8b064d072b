import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/client";
import { assessmentComments, assessmentGrades, assessments, gradeHistory, peerAssignments } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { tenantOf, type Actor } from "../../app/domain/auth/actor";
import { addComment } from "../../app/domain/grading/add-comment.server";
import { changePhase } from "../../app/domain/grading/change-phase.server";
import { createAssessment } from "../../app/domain/grading/create-assessment.server";
import { AGREED_MESSAGE, deleteAssessment, previewDeleteAssessment } from "../../app/domain/grading/delete-assessment.server";
import { getAssessment } from "../../app/domain/grading/get-assessment.server";
import { assignReviewer } from "../../app/domain/grading/peer-reviewers.server";
import { saveGrades } from "../../app/domain/grading/save-grades.server";
import * as deleteRoute from "../../app/routes/grading.$assessmentId.delete";
import { openTestDatabase } from "../support/db";
import { actorFor, createUser, createWorld, type World } from "../support/factories";
import { callRoute } from "../support/routes";

let database: Database;
let world: World;
let reviewer: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  reviewer = await actorFor(database, await createUser(database, [[world.orgs.a2, "peer_reviewer"]]), world.orgs.a2);
});
afterAll(() => database?.close());

const exists = async (id: string) => (await database.db.select({ id: assessments.id }).from(assessments).where(eq(assessments.id, id))).length === 1;

/** An EDS2 assessment of organisation A with every outcome graded, a comment and a peer reviewer. */
async function gradedAssessment(yearStart: number) {
  const id = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2", yearStart });
  const outcomes = (await getAssessment(database, world.actors.leadA, id)).framework.groups.flatMap((g) => g.outcomes);
  await saveGrades(database, world.actors.leadA, id, outcomes.map((o) => ({ outcomeId: o.id, serviceId: null, value: 2, rationale: "", agreed: false })));
  await assignReviewer(database, world.actors.leadA, id, `${reviewer.userId}:${world.orgs.a2}`);
  await addComment(database, reviewer, id, { outcomeId: null, body: "Evidence for 2.1 is thin" });
  return { id, outcomes: outcomes.length };
}

describe("deleting an assessment", () => {
  it("deletes one started by mistake with its grades, history, comments and reviewers; the year is free again", async () => {
    const { id, outcomes } = await gradedAssessment(2040);
    expect(await previewDeleteAssessment(database, world.actors.leadA, id)).toMatchObject({ title: "EDS2 2040/41", grades: outcomes, comments: 1, reviewers: 1, services: 0 });
    await deleteAssessment(database, world.actors.leadA, id);
    expect(await exists(id)).toBe(false);
    for (const table of [assessmentGrades, gradeHistory, assessmentComments, peerAssignments]) {
      expect(await database.db.select().from(table).where(eq(table.assessmentId, id))).toEqual([]);
    }
    await expect(createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2", yearStart: 2040 })).resolves.toEqual(expect.any(String));
  });

  it("is for the organisation's equality lead only", async () => {
    const id = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2", yearStart: 2041 });
    await assignReviewer(database, world.actors.leadA, id, `${reviewer.userId}:${world.orgs.a2}`);
    for (const actor of [world.actors.contributorA, world.actors.viewerA, reviewer]) {
      await expect(deleteAssessment(database, actor, id)).rejects.toMatchObject({ status: 403 });
    }
    // Other organisations do not see a draft at all.
    await expect(deleteAssessment(database, world.actors.leadA2, id)).rejects.toMatchObject({ status: 404 });
    await expect(deleteAssessment(database, world.actors.leadB, id)).rejects.toMatchObject({ status: 404 });
    expect(await exists(id)).toBe(true);
  });

  it("keeps agreed and published assessments, in the app and in the database", async () => {
    const agreed = (await gradedAssessment(2042)).id;
    await changePhase(database, world.actors.leadA, agreed, { phase: "agreed" });
    const published = (await gradedAssessment(2043)).id;
    await changePhase(database, world.actors.leadA, published, { phase: "published" });
    for (const id of [agreed, published]) {
      await expect(previewDeleteAssessment(database, world.actors.leadA, id)).rejects.toMatchObject({ status: 409, message: AGREED_MESSAGE });
      await expect(deleteAssessment(database, world.actors.leadA, id)).rejects.toMatchObject({ status: 409 });
      // A delete that skips the app's check deletes nothing (migration 0026's policy).
      const deleted = await withTenant(database, tenantOf(world.actors.leadA), async (tx) => rowsOf(await tx.execute(sql`delete from assessments where id = ${id} returning id`)));
      expect(deleted).toEqual([]);
      expect(await exists(id)).toBe(true);
    }
    // Nor does another organisation's lead, even for a draft they cannot see.
    const draft = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2022", yearStart: 2044 });
    expect(await withTenant(database, tenantOf(world.actors.leadA2), async (tx) => rowsOf(await tx.execute(sql`delete from assessments where id = ${draft} returning id`)))).toEqual([]);
    expect(await exists(draft)).toBe(true);
  });
});

describe("the delete page", () => {
  it("says what goes, deletes on confirming, and answers a refusal with its reason", async () => {
    const { id } = await gradedAssessment(2045);
    const page = await callRoute(database, deleteRoute.loader, world.people.leadA, "/", { params: { assessmentId: id } });
    expect(page).toMatchObject({ status: 200, body: { title: "EDS2 2045/46", comments: 1 } });
    expect((await callRoute(database, deleteRoute.loader, world.people.contributorA, "/", { params: { assessmentId: id } })).status).toBe(403);
    const done = await callRoute(database, deleteRoute.action, world.people.leadA, "/", { params: { assessmentId: id }, form: {} });
    expect(done.status).toBe(302);
    expect(await exists(id)).toBe(false);

    const agreed = (await gradedAssessment(2046)).id;
    await changePhase(database, world.actors.leadA, agreed, { phase: "agreed" });
    expect(await callRoute(database, deleteRoute.action, world.people.leadA, "/", { params: { assessmentId: agreed }, form: {} })).toMatchObject({ status: 409, body: { ok: false, message: AGREED_MESSAGE } });
  });
});
