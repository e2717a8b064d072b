import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { openRegister } from "../../app/domain/register/open-register.server";
import * as registerPage from "../../app/routes/register._index";
import * as printPage from "../../app/routes/register.print";
import { openTestDatabase } from "../support/db";
import { createWorld, type TestUser, type World } from "../support/factories";
import { drawPage } from "../support/routes";

let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await openRegister(database, world.actors.leadA);
});
afterAll(async () => {
  await database?.close();
});

const draw = (page: typeof registerPage | typeof printPage, path: string, user: TestUser) => drawPage(database, page, user, path);

describe("a register with no rows yet", () => {
  it("offers an editor the way to add the first rows", async () => {
    const html = await draw(registerPage, "/register", world.people.contributorA);
    expect(html).toMatch(/The register has no rows yet\. Add the first barrier with Add row, or <a[^>]*href="\/register\/import"[^>]*>import rows from CSV or Excel<\/a>/);
  });

  it("tells a viewer who can add rows", async () => {
    const html = await draw(registerPage, "/register", world.people.viewerA);
    expect(html).toMatch(/The register has no rows yet\. Anyone in a member organisation except viewers and peer reviewers can add rows/);
    expect(html).not.toMatch(/href="\/register\/import"/);
  });

  // It drew the grid's header row with nothing under it, below the message.
  it("draws no grid with only a header row, for an editor or a viewer", async () => {
    for (const user of [world.people.contributorA, world.people.viewerA]) {
      const html = await draw(registerPage, "/register", user);
      expect(html).not.toMatch(/<table/);
      expect(html).not.toMatch(/Register rows \(scrolls sideways\)/);
    }
  });

  it("prints as a page that says so", async () => {
    const html = await draw(printPage, "/register/print", world.people.viewerA);
    expect(html).toMatch(/The register has no rows yet/);
  });
});
