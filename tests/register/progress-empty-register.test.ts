import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as progressPage from "../../app/routes/register.progress";
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

const page = (user: TestUser) => drawPage(database, progressPage, user, "/register/progress");

describe("progress against a register with no rows yet", () => {
  it("says there is nothing to track and where rows are added, without claiming every barrier was picked up", async () => {
    const html = await page(world.people.adminX);
    expect(html).toMatch(/The register has no rows yet/);
    expect(html).toMatch(/<a[^>]*href="\/register"[^>]*>[^<]*Add barriers on the register/);
    expect(html).not.toMatch(/Every member organisation has picked up every shared barrier/);
    expect(html).not.toMatch(/Barriers not picked up/);
    expect(html).not.toMatch(/<table/);
  });

  it("tells someone who cannot edit the register who can add rows", async () => {
    const html = await page(world.people.viewerA);
    expect(html).toMatch(/The register has no rows yet/);
    expect(html).not.toMatch(/Add barriers on the register/);
    expect(html).toMatch(/Anyone in a member organisation except viewers and peer reviewers can add rows on the register/);
  });
});
