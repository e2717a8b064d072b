import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as listPage from "../../app/routes/evidence._index";
import { openTestDatabase } from "../support/db";
import { createWorld, type TestUser, type World } from "../support/factories";
import { drawPage } from "../support/routes";
import { addItem } from "./support";

/**
 * /evidence with no evidence the person can see drew the whole search and filter form (eleven
 * controls, every list empty) above "No evidence found". It now says what evidence is and the
 * next step (add or import it, or who can), with no form; a search that finds nothing among
 * evidence that is there still shows the form and "no results".
 */
let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(async () => {
  await database?.close();
});

const list = (user: TestUser, url = "/evidence") => drawPage(database, listPage, user, url, "/evidence");
const SEARCH_FORM = /role="search"/;

describe("the evidence list with no evidence the person can see", () => {
  it("says what evidence is and offers someone who can add it the ways in, without the search form", async () => {
    const html = await list(world.people.contributorA);
    expect(html).not.toMatch(SEARCH_FORM);
    expect(html).not.toMatch(/No evidence found/);
    expect(html).toMatch(/There is no evidence here yet\./);
    expect(html).toMatch(/Evidence is what patients, communities and staff tell you/);
    expect(html).toMatch(/<a[^>]*href="\/evidence\/new"[^>]*>Add an item<\/a> or <a[^>]*href="\/evidence\/import"[^>]*>import your tracker from a spreadsheet<\/a>/);
  });

  it("tells a viewer who adds it", async () => {
    const html = await list(world.people.viewerA);
    expect(html).not.toMatch(SEARCH_FORM);
    expect(html).toMatch(/Ask your equality lead or a contributor to add evidence\./);
    expect(html).not.toMatch(/href="\/evidence\/import"/);
  });

  it("says the same for a search or filter in the address, since there is nothing to search", async () => {
    const html = await list(world.people.contributorA, "/evidence?q=interpreters&type=report");
    expect(html).not.toMatch(SEARCH_FORM);
    expect(html).toMatch(/There is no evidence here yet\./);
  });

  it("counts only what the person can see: another organisation's private item leaves the list empty", async () => {
    await addItem(database, world.actors.leadA2, { title: "Private to A2" });
    const html = await list(world.people.contributorA);
    expect(html).not.toMatch(SEARCH_FORM);
    expect(html).toMatch(/There is no evidence here yet\./);
  });
});

describe("the evidence list with evidence", () => {
  it("keeps the search form and says when a search finds nothing", async () => {
    await addItem(database, world.actors.leadA, { title: "Interpreting survey" });
    const found = await list(world.people.contributorA);
    expect(found).toMatch(SEARCH_FORM);
    expect(found).toMatch(/Interpreting survey/);
    const none = await list(world.people.contributorA, "/evidence?q=parking");
    expect(none).toMatch(SEARCH_FORM);
    expect(none).toMatch(/No evidence found/);
    expect(none).toMatch(/Nothing matches this search/);
    expect(none).not.toMatch(/There is no evidence here yet/);
  });
});
