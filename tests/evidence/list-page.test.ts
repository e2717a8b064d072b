import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as listRoute from "../../app/routes/evidence._index";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";
import { addItem } from "./support";

let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  // The filters are for a library with something in it: with nothing visible the page has no form (list-none-visible.test.ts).
  await addItem(database, world.actors.leadA, { title: "A report", publishedOn: "2024-02-01" });
});
afterAll(async () => {
  await database?.close();
});

/** The evidence list as the server draws it for `search`. */
async function listPage(search: string) {
  const data = (await callRoute(database, listRoute.loader, world.people.leadA, `/evidence${search}`)).body;
  return renderRoute(listRoute.default, "/evidence", `/evidence${search}`, { loader: data });
}

describe("the evidence list's filters", () => {
  it("say beside the field when the published dates are the wrong way round, rather than only 'no items'", async () => {
    const reversed = await listPage("?from=2024-06-01&to=2024-01-31");
    expect(reversed).toMatch(/id="to-error"[^>]*>.*“Published to” date is before the “Published from” date/s);
    expect(reversed).toMatch(/<input[^>]*aria-describedby="[^"]*to-error/);
    const inOrder = await listPage("?from=2024-01-01&to=2024-01-31");
    expect(inOrder).not.toMatch(/to-error/);
  });

  // "0224" for 2024 is a real day to the date box: "Published to 1 March 224" matched nothing,
  // and the page said only "no items". Evidence is dated 1990 to 2100 (the item form's years).
  it("say beside the field when a published date's year leaves nothing to match", async () => {
    const early = await listPage("?to=0224-03-01");
    expect(early).toMatch(/id="to-error"[^>]*>.*“Published to” date is before 1990, so no item can match: check the year/s);
    const late = await listPage("?from=2204-03-01");
    expect(late).toMatch(/id="from-error"[^>]*>.*“Published from” date is after 2100, so no item can match: check the year/s);
    expect(late).toMatch(/<input[^>]*aria-describedby="[^"]*from-error/);
    // A year that leaves the range open (from 224, to 2204) matches as it always did.
    expect(await listPage("?from=0224-03-01&to=2204-03-01")).not.toMatch(/-error"/);
  });
});
