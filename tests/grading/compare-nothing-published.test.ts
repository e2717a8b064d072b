import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as exportRoute from "../../app/routes/compare.$view.export";
import * as gridPage from "../../app/routes/compare.grid";
import * as bandsPage from "../../app/routes/compare.bands";
import * as spreadPage from "../../app/routes/compare.spread";
import * as movementPage from "../../app/routes/compare.movement";
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

describe("comparison views before any organisation has published grades", () => {
  it.each([
    ["grid", gridPage],
    ["bands", bandsPage],
    ["spread", spreadPage],
    ["movement", movementPage],
  ] as const)("the %s page offers no download of a table it does not show", async (view, page) => {
    const answer = await callRoute(database, page.loader, world.people.adminX, `/compare/${view}`);
    expect(answer.status).toBe(200);
    const html = renderRoute(page.default, `/compare/${view}`, `/compare/${view}`, { loader: answer.body });
    expect(html).toMatch(/No organisation has published/);
    expect(html).not.toMatch(/Download this table/);
    expect(html).not.toMatch(/\/export\?/);
  });

  it.each(["grid", "bands", "spread", "movement"])("a download of the %s view says nothing is published, not that the view does not exist", async (view) => {
    const answer = await callRoute(database, exportRoute.loader, world.people.adminX, `/compare/${view}/export?format=csv`, { params: { view } });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatch(/Nothing to download: no organisation has published/);
  });

  it("a view that does not exist is still named as such", async () => {
    const answer = await callRoute(database, exportRoute.loader, world.people.adminX, `/compare/nonsense/export?format=csv`, { params: { view: "nonsense" } });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatch(/no comparison view called “nonsense”/);
  });
});
