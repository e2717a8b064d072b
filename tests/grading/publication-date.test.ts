import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { assessments } from "../../db/schema";
import { action as assessmentAction } from "../../app/routes/grading.$assessmentId._index";
import { todayIso } from "../../app/lib/plan/dates";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { frameworkIds, seedAssessment } from "../support/grading";
import { callRoute } from "../support/routes";

/**
 * "Date published" took any real date, a year from now included: a slip of the year published the
 * grades with a date that had not come, and publishing freezes the assessment, so it could never
 * be corrected. A publication date is today or earlier (England's today, as a blank one is).
 */
let database: Database;
let world: World;
let assessmentId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  assessmentId = await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: (await frameworkIds(database)).eds2022, yearStart: 2023, grade: 2 });
});
afterAll(() => database?.close());

const publish = (publishedOn: string) =>
  callRoute(database, assessmentAction, world.people.leadA, `/grading/${assessmentId}`, { params: { assessmentId }, form: { intent: "phase", phase: "published", publishedOn } });
const row = async () => (await database.db.select({ phase: assessments.phase, publishedOn: assessments.publishedOn }).from(assessments).where(eq(assessments.id, assessmentId)))[0];

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe("the publication date", () => {
  it("refuses a date after today on its field, publishing nothing", async () => {
    const tomorrow = dayAfter(todayIso());
    const answer = await publish(tomorrow);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ ok: false, errors: { publishedOn: "The publication date must be today or in the past" }, values: { publishedOn: tomorrow } });
    expect(await row()).toEqual({ phase: "grading", publishedOn: null });
  });

  it("publishes on today", async () => {
    const today = todayIso();
    expect((await publish(today)).status).toBe(302);
    expect(await row()).toEqual({ phase: "published", publishedOn: today });
  });
});
