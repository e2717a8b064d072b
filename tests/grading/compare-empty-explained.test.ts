import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as indexPage from "../../app/routes/compare._index";
import * as gridPage from "../../app/routes/compare.grid";
import { openTestDatabase } from "../support/db";
import { createCollaborative, createOrganisation, createUser, createWorld, type TestUser, type World } from "../support/factories";
import { drawPage } from "../support/routes";

let database: Database;
let world: World;
let loneAdmin: TestUser;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  // A collaborative as it is set up: one organisation and its admin, nothing else.
  const lone = await createCollaborative(database);
  const org = await createOrganisation(database, lone, { name: "Lone Trust" });
  loneAdmin = await createUser(database, [[org, "collaborative_admin"]]);
});
afterAll(async () => {
  await database?.close();
});

const draw = (page: typeof indexPage | typeof gridPage, path: string, user: TestUser) => drawPage(database, page, user, path);

describe("comparison before there is anything to compare", () => {
  it("the index says nothing is published yet and who publishes, where", async () => {
    const html = await draw(indexPage, "/compare", world.people.viewerA);
    expect(html).toMatch(/No organisation has published an assessment yet, so every view is empty\. An organisation&#x27;s equality lead publishes its assessment from <a[^>]*href="\/grading"/);
    expect(html).not.toMatch(/one member organisation/);
  });

  it("the index of a collaborative with one organisation says there is nobody to compare with yet", async () => {
    const html = await draw(indexPage, "/compare", loneAdmin);
    expect(html).toMatch(/Lone Trust is the only member organisation of [^<]+, so these views have nobody to compare it with yet/);
  });

  it("an empty view says who publishes grades and where", async () => {
    const html = await draw(gridPage, "/compare/grid", world.people.viewerA);
    expect(html).toMatch(/No organisation has published grades for this framework yet\. Grades appear here once an organisation&#x27;s equality lead publishes an assessment from <a[^>]*href="\/grading"/);
  });
});
