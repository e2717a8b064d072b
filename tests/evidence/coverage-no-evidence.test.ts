import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as coveragePage from "../../app/routes/evidence.coverage";
import { openTestDatabase } from "../support/db";
import { createWorld, type TestUser, type World } from "../support/factories";
import { drawPage } from "../support/routes";
import { addItem } from "./support";

let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  // A2 has one private item (untagged); A can see none of it.
  await addItem(database, world.actors.leadA2, { title: "A2's untagged note" });
});
afterAll(async () => {
  await database?.close();
});

const page = (user: TestUser) => drawPage(database, coveragePage, user, "/evidence/coverage");

describe("evidence coverage of an organisation that can see no evidence", () => {
  it("says there is none and how to add some, instead of a grid of gaps", async () => {
    const html = await page(world.people.leadA);
    expect(html).toMatch(/can see no evidence yet, so every outcome and characteristic is a gap/);
    expect(html).toMatch(/<a[^>]*href="\/evidence\/new"[^>]*>Add an item/);
    expect(html).toMatch(/<a[^>]*href="\/evidence\/import"[^>]*>import your tracker from a spreadsheet/);
    expect(html).not.toMatch(/outcomes by characteristic/);
  });

  it("tells a viewer who adds evidence", async () => {
    const html = await page(world.people.viewerA);
    expect(html).toMatch(/can see no evidence yet/);
    expect(html).toMatch(/Ask your equality lead or a contributor to add evidence/);
    expect(html).not.toMatch(/href="\/evidence\/new"/);
  });

  it("still shows an admin the organisations' counts when another organisation has evidence", async () => {
    const html = await page(world.people.adminX);
    expect(html).toMatch(/can see no evidence yet/);
    expect(html).toMatch(/Organisations by characteristic \(all items, private included\)/);
  });

  it("shows the grid to an organisation whose items carry no tags yet (the gaps are then findings)", async () => {
    const html = await page(world.people.leadA2);
    expect(html).not.toMatch(/can see no evidence yet/);
    expect(html).toMatch(/outcomes by characteristic/);
  });
});
