import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../db/client";
import { changePhase } from "../../app/domain/grading/change-phase.server";
import { getAssessment } from "../../app/domain/grading/get-assessment.server";
import { addService, removeService } from "../../app/domain/grading/manage-services.server";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { frameworkIds, seedAssessment } from "../support/grading";

let database: Database;
let world: World;
let eds2022: string;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  eds2022 = (await frameworkIds(database)).eds2022;
});
afterAll(() => database?.close());
afterEach(() => {
  vi.useRealTimers();
});

let year = 2012;
/** A fully scored EDS 2022 assessment of organisation A (one service, "Maternity"), agreed. */
async function agreedAssessment() {
  const id = await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: eds2022, yearStart: year++, grade: 2 });
  await changePhase(database, world.actors.leadA, id, { phase: "agreed" });
  return id;
}

// Adding or removing a Domain 1 service changed an agreed assessment's grades (a service with no
// scores, or scores gone with their service) and left it "Agreed": a set nobody agreed, with
// "Still to grade" listing the new service's outcomes under a phase that said they were agreed.
describe("changing the services of an agreed assessment", () => {
  it("adding a service returns it to grading, to be scored and agreed again", async () => {
    const id = await agreedAssessment();
    await addService(database, world.actors.leadA, id, "Urgent care");
    const view = await getAssessment(database, world.actors.leadA, id);
    expect(view.results.missing[0]).toMatch(/1A Access for Urgent care/);
    expect(view.assessment.phase).toBe("grading");
  });

  it("removing a service returns it to grading: Domain 1's median is no longer the one agreed", async () => {
    const id = await agreedAssessment();
    const { services } = await getAssessment(database, world.actors.leadA, id);
    await removeService(database, world.actors.leadA, id, services[0]!.id);
    expect((await getAssessment(database, world.actors.leadA, id)).assessment.phase).toBe("grading");
  });

  it("leaves the phase alone when nothing was removed", async () => {
    const id = await agreedAssessment();
    await removeService(database, world.actors.leadA, id, "00000000-0000-4000-8000-000000000000");
    expect((await getAssessment(database, world.actors.leadA, id)).assessment.phase).toBe("agreed");
  });
});

// Publishing without a date took the UTC date, so in British Summer Time an assessment published
// between midnight and 1 a.m. was recorded as published the day before.
describe("publishing without a date", () => {
  it("records today in England, not in UTC", async () => {
    const id = await agreedAssessment();
    vi.useFakeTimers({ now: new Date("2024-06-30T23:30:00Z"), toFake: ["Date"] });
    await changePhase(database, world.actors.leadA, id, { phase: "published" });
    vi.useRealTimers();
    expect((await getAssessment(database, world.actors.leadA, id)).assessment.publishedOn).toBe("2024-07-01");
  });
});
