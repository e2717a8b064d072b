import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { assessments } from "../../db/schema";
import { action as detailsAction } from "../../app/routes/grading.$assessmentId.details";
import { action as newAction } from "../../app/routes/grading.new";
import { todayIso } from "../../app/lib/plan/dates";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { frameworkIds, seedAssessment } from "../support/grading";
import { callRoute } from "../support/routes";

/**
 * "Date authorised" is the day the board (or its committee) authorised the assessment: it has
 * happened, or there is no date yet. One after today is a slip of the year, and it took any.
 */
let database: Database;
let world: World;
let assessmentId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  assessmentId = await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: (await frameworkIds(database)).eds2022, yearStart: 2023 });
});
afterAll(() => database?.close());

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const saveDetails = (form: Record<string, string>) => callRoute(database, detailsAction, world.people.leadA, `/grading/${assessmentId}/details`, { params: { assessmentId }, form });
const row = async () => (await database.db.select({ authorisedOn: assessments.authorisedOn, edsLead: assessments.edsLead }).from(assessments).where(eq(assessments.id, assessmentId)))[0];

describe("the date authorised", () => {
  it("refuses a date after today on its field, keeping what was typed and saving nothing", async () => {
    const tomorrow = dayAfter(todayIso());
    const answer = await saveDetails({ partnership: "alone", edsLead: "Kwame Mensah", authorisedOn: tomorrow });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ ok: false, errors: { authorisedOn: "The date authorised cannot be in the future" }, values: { authorisedOn: tomorrow, edsLead: "Kwame Mensah" } });
    expect(await row()).toEqual({ authorisedOn: null, edsLead: null });
  });

  it("refuses it on a new assessment too", async () => {
    const tomorrow = dayAfter(todayIso());
    const answer = await callRoute(database, newAction, world.people.leadA, "/grading/new", { form: { frameworkCode: "EDS2", yearStart: "2022", partnership: "alone", authorisedOn: tomorrow } });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ ok: false, errors: { authorisedOn: "The date authorised cannot be in the future" } });
  });

  it("takes today (England's today) and earlier days", async () => {
    const today = todayIso();
    expect((await saveDetails({ partnership: "alone", authorisedOn: today })).status).toBe(302);
    expect((await row())!.authorisedOn).toBe(today);
    expect((await saveDetails({ partnership: "alone", authorisedOn: "2024-02-29" })).status).toBe(302);
    expect((await row())!.authorisedOn).toBe("2024-02-29");
  });
});
