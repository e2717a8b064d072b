import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as gradingPage from "../../app/routes/grading._index";
import { openTestDatabase } from "../support/db";
import { createWorld, type TestUser, type World } from "../support/factories";
import { drawPage } from "../support/routes";

let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(async () => {
  await database?.close();
});

const page = (user: TestUser) => drawPage(database, gradingPage, user, "/grading");

describe("the grading page of an organisation with no assessments", () => {
  it("tells someone who cannot start one that the equality lead does", async () => {
    for (const user of [world.people.viewerA, world.people.contributorA, world.people.adminX]) {
      const html = await page(user);
      expect(html).toMatch(/Your organisation has no assessments yet\. Its equality lead starts them/);
      expect(html).not.toMatch(/href="\/grading\/new"/);
      expect(html).not.toMatch(/<table/);
    }
  });

  it("points the equality lead at the button to start one", async () => {
    const html = await page(world.people.leadA);
    expect(html).toMatch(/<a[^>]*href="\/grading\/new"[^>]*>Start an assessment/);
    expect(html).toMatch(/Your organisation has no assessments yet\. Start one for this year/);
  });
});
