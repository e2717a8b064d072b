import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as listRoute from "../../app/routes/evidence._index";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";

let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
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
});
