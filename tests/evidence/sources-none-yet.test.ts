import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as sourcesPage from "../../app/routes/evidence.sources";
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

const page = (user: TestUser) => drawPage(database, sourcesPage, user, "/evidence/sources");

describe("the sources page of a collaborative with no sources", () => {
  it("tells someone who cannot add one who can", async () => {
    for (const user of [world.people.viewerA, world.people.adminX]) {
      const html = await page(user);
      expect(html).toMatch(/No sources yet\. Equality leads and contributors add them/);
      expect(html).not.toMatch(/Add a source/);
    }
  });

  it("points someone who can at the form", async () => {
    const html = await page(world.people.contributorA);
    expect(html).toMatch(/No sources yet\. Add the first one below/);
    expect(html).toMatch(/Add a source/);
  });
});
