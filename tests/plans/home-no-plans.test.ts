import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as homePage from "../../app/routes/_index";
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

const home = (user: TestUser) => drawPage(database, homePage, user, "/");

describe("the home page of an organisation with no plans", () => {
  it("says there are no plans yet and links an equality lead to create one, rather than 'nothing is overdue'", async () => {
    const html = await home(world.people.leadA);
    expect(html).toMatch(/<h2>Plans<\/h2>/);
    expect(html).toMatch(/has no plans yet/);
    expect(html).toMatch(/<a[^>]*href="\/plans\/new"[^>]*>Create a plan/);
    expect(html).not.toMatch(/is overdue or has slipped/);
  });

  it("tells a collaborative admin, who cannot create one, who can", async () => {
    const html = await home(world.people.adminX);
    expect(html).toMatch(/has no plans yet\. An equality lead or contributor in [^<]+ can create one/);
    expect(html).not.toMatch(/href="\/plans\/new"/);
  });

  it("offers a collaborative admin, who cannot create one, to invite someone who can", async () => {
    const html = await home(world.people.adminX);
    expect(html).toMatch(/can create one: <a[^>]*href="\/members\/invite"[^>]*>invite one<\/a>/);
  });

  it("offers a viewer no invitation", async () => {
    const html = await home(world.people.viewerA);
    expect(html).toMatch(/has no plans yet\. An equality lead or contributor in [^<]+ can create one\./);
    expect(html).not.toMatch(/href="\/members\/invite"/);
  });
});
