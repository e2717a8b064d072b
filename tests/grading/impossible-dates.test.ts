import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { assessments } from "../../db/schema";
import { action as assessmentAction } from "../../app/routes/grading.$assessmentId._index";
import { action as detailsAction } from "../../app/routes/grading.$assessmentId.details";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { frameworkIds, seedAssessment } from "../support/grading";
import { callRoute } from "../support/routes";

// The publish form only checked the date's shape, and the details forms trusted Date.parse, which
// reads "2024-02-30" as 1 March: PostgreSQL then refused the value and the page was a 500.
let database: Database;
let world: World;
let assessmentId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  // Fully graded, so publishing would go through to the database but for the date.
  assessmentId = await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: (await frameworkIds(database)).eds2022, yearStart: 2023, grade: 2 });
});
afterAll(async () => {
  await database?.close();
});

describe("impossible dates in grading", () => {
  it("answers an impossible publication date on its field, publishing nothing", async () => {
    const answer = await callRoute(database, assessmentAction, world.people.leadA, `/grading/${assessmentId}`, {
      params: { assessmentId },
      form: { intent: "phase", phase: "published", publishedOn: "2024-02-30" },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ ok: false, errors: { publishedOn: "The publication date must be a real date" }, values: { publishedOn: "2024-02-30" } });
    const [row] = await database.db.select({ phase: assessments.phase }).from(assessments).where(eq(assessments.id, assessmentId));
    expect(row!.phase).toBe("grading");
  });

  it("answers an impossible date in the details on its field", async () => {
    const answer = await callRoute(database, detailsAction, world.people.leadA, `/grading/${assessmentId}/details`, {
      params: { assessmentId },
      form: { partnership: "alone", publicationDeadline: "2024-02-28", authorisedOn: "2023-02-29" },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ ok: false, errors: { authorisedOn: "The date authorised must be a real date" }, values: { authorisedOn: "2023-02-29" } });
  });

  // A real day in a year no assessment could have: "0224" for 2024 (a date box keeps the year's
  // digits as typed) was in the past, so publishing took it, and a published assessment is frozen.
  it("answers a publication date in a year no assessment could have on its field, publishing nothing", async () => {
    const answer = await callRoute(database, assessmentAction, world.people.leadA, `/grading/${assessmentId}`, {
      params: { assessmentId },
      form: { intent: "phase", phase: "published", publishedOn: "0224-02-20" },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ ok: false, errors: { publishedOn: "The publication date must be between 1990 and 2100" }, values: { publishedOn: "0224-02-20" } });
    const [row] = await database.db.select({ phase: assessments.phase }).from(assessments).where(eq(assessments.id, assessmentId));
    expect(row!.phase).toBe("grading");
  });

  it("answers details dates in such years on their fields", async () => {
    const answer = await callRoute(database, detailsAction, world.people.leadA, `/grading/${assessmentId}/details`, {
      params: { assessmentId },
      form: { partnership: "alone", publicationDeadline: "2205-02-28", authorisedOn: "0224-01-31" },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ ok: false, errors: { publicationDeadline: "The publication deadline must be between 1990 and 2100", authorisedOn: "The date authorised must be between 1990 and 2100" } });
  });

  it("still publishes on a real leap day", async () => {
    const answer = await callRoute(database, assessmentAction, world.people.leadA, `/grading/${assessmentId}`, {
      params: { assessmentId },
      form: { intent: "phase", phase: "published", publishedOn: "2024-02-29" },
    });
    expect(answer.status).toBe(302);
    const [row] = await database.db.select({ phase: assessments.phase, publishedOn: assessments.publishedOn }).from(assessments).where(eq(assessments.id, assessmentId));
    expect(row).toEqual({ phase: "published", publishedOn: "2024-02-29" });
  });
});
