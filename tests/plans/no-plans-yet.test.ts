import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as plansPage from "../../app/routes/plans._index";
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

const page = (user: TestUser) => drawPage(database, plansPage, user, "/plans");

describe("the plans page of an organisation with no plans", () => {
  it("offers an equality lead the first step and shows no empty 'overdue' section", async () => {
    const html = await page(world.people.leadA);
    expect(html).toMatch(/has no plans yet/);
    expect(html).toMatch(/<a[^>]*href="\/plans\/new"[^>]*>Create a plan/);
    expect(html).not.toMatch(/Overdue and slipped actions/);
  });

  it("tells a viewer who can create one, with nothing to click", async () => {
    const html = await page(world.people.viewerA);
    expect(html).toMatch(/has no plans yet\. An equality lead or contributor can create one/);
    expect(html).not.toMatch(/href="\/plans\/new"/);
    expect(html).not.toMatch(/Overdue and slipped actions/);
  });
});
