import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as bandsRoute from "../../app/routes/compare.bands";
import * as coverageRoute from "../../app/routes/compare.coverage";
import * as gridRoute from "../../app/routes/compare.grid";
import * as movementRoute from "../../app/routes/compare.movement";
import * as spreadRoute from "../../app/routes/compare.spread";
import { loader as exportLoader } from "../../app/routes/compare.$view.export";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { frameworkIds, seedAssessment } from "../support/grading";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";

/**
 * The comparison views took any year, framework or organisation type from the address and, when
 * it was not one they knew (year=99999, year=0, a year nobody published), quietly showed something
 * else: the newest year, every type. A bookmarked or hand-edited link then showed 2022/23 while the
 * person believed they were reading the year they asked for, and the download named its file after
 * the year asked while holding another. Now the page says what it could not use and what it shows
 * instead (keeping the filters it could use); a download answers 400 with the reason.
 */
let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  // A2 (a mental health trust) has published EDS 2022 for 2022/23, the only year anyone has.
  await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a2, frameworkId: (await frameworkIds(database)).eds2022, yearStart: 2022, grade: 2, published: true });
});
afterAll(() => database?.close());

interface View {
  filters: { framework: string; year: number | null; orgType: string | null };
  notices: string[];
  table: unknown;
}
const load = async (path: string, route: { loader: (args: never) => Promise<unknown> } = gridRoute) => {
  const answer = await callRoute(database, route.loader, world.people.adminX, path);
  expect(answer.status).toBe(200);
  return answer.body as View;
};

describe("comparison filters the data cannot hold", () => {
  it("say that a year that is not one is ignored, show the newest published year, and keep the other filters", async () => {
    for (const year of ["99999", "0", "-2022", "2022.5", "twenty"]) {
      const view = await load(`/compare/grid?framework=EDS2022&year=${year}&orgType=mental_health_trust`);
      expect(view.filters).toMatchObject({ framework: "EDS2022", year: 2022, orgType: "mental_health_trust" });
      expect(view.table).not.toBeNull();
      expect(view.notices, year).toEqual([`“${year}” is not a year assessments could cover (2012/13 to ${new Date().getFullYear() + 1}/${String(new Date().getFullYear() + 2).slice(2)}): showing 2022/23, the newest year with published EDS 2022 grades.`]);
    }
  });

  it("say when a year has no published grades, rather than showing another year as if it were that one", async () => {
    const view = await load("/compare/spread?framework=EDS2022&year=2019", spreadRoute);
    expect(view.filters.year).toBe(2022);
    expect(view.notices).toEqual(["No EDS 2022 grades have been published for 2019/20: showing 2022/23, the newest year with published grades."]);
    expect((await load("/compare/bands?year=2019", bandsRoute)).notices).toEqual(["No EDS 2022 grades have been published for 2019/20: showing 2022/23, the newest year with published grades."]);
    expect((await load("/compare/coverage?framework=EDS2022&year=2019", coverageRoute)).notices).toHaveLength(1);
    // A year that is there, and no year at all, need no notice.
    expect((await load("/compare/grid?framework=EDS2022&year=2022")).notices).toEqual([]);
    expect((await load("/compare/grid")).notices).toEqual([]);
  });

  it("say that an unknown framework or organisation type is ignored", async () => {
    const view = await load("/compare/grid?framework=EDS3&orgType=spaceport&year=2022");
    expect(view.filters).toMatchObject({ framework: "EDS2022", year: 2022, orgType: null });
    expect(view.notices).toEqual(["“EDS3” is not a framework here (EDS2 or EDS 2022): showing EDS 2022.", "“spaceport” is not an organisation type: showing all types."]);
    // Movement has no year or framework choice: only what it uses is checked.
    expect((await load("/compare/movement?year=99999&framework=EDS3&orgType=spaceport", movementRoute)).notices).toEqual(["“spaceport” is not an organisation type: showing all types."]);
  });

  it("show the notice on the page, with the filters kept and downloads of what is shown", async () => {
    const path = "/compare/grid?framework=EDS2022&year=99999&orgType=mental_health_trust";
    const html = renderRoute(gridRoute.default, "/compare/grid", path, { loader: await load(path) });
    expect(html).toMatch(/“99999” is not a year assessments could cover/);
    expect(html).toMatch(/<option value="2022" selected="">2022\/23<\/option>/);
    expect(html).toMatch(/<option value="mental_health_trust" selected="">/);
    // The download links ask for the year shown, not the one refused.
    expect(html).toContain('href="/compare/grid/export?framework=EDS2022&amp;year=2022&amp;orgType=mental_health_trust&amp;format=csv"');
  });
});

describe("the comparison download", () => {
  const download = (view: string, query: string) => callRoute(database, exportLoader, world.people.adminX, `/compare/${view}/export?${query}`, { params: { view } });

  it("answers a filter it cannot use with 400 and the reason, rather than a file of something else", async () => {
    expect(await download("grid", "framework=EDS2022&year=99999&format=csv")).toEqual({ status: 400, body: expect.stringMatching(/^“99999” is not a year assessments could cover/) });
    expect(await download("grid", "framework=EDS2022&year=0&format=csv")).toMatchObject({ status: 400 });
    expect(await download("spread", "framework=EDS2022&year=2019&format=csv")).toEqual({ status: 400, body: "No EDS 2022 grades have been published for 2019/20. Years with published grades: 2022/23." });
    expect(await download("grid", "framework=EDS3&year=2022&format=csv")).toEqual({ status: 400, body: "“EDS3” is not a framework here (EDS2 or EDS 2022)." });
    expect(await download("movement", "orgType=spaceport&format=csv")).toEqual({ status: 400, body: "“spaceport” is not an organisation type." });
  });

  it("still downloads with good filters, or none", async () => {
    expect(await download("grid", "framework=EDS2022&year=2022&format=csv")).toMatchObject({ status: 200 });
    expect(await download("grid", "format=csv")).toMatchObject({ status: 200 });
    expect(await download("movement", "year=99999&format=csv")).toMatchObject({ status: 200 });
  });
});

describe("an organisation type nobody of has published", () => {
  // Grades are published (by a mental health trust); the filter, not the collaborative, empties the view.
  it("is named on every view, not 'no organisation has published grades yet'", async () => {
    const routes = { grid: gridRoute, spread: spreadRoute, bands: bandsRoute, movement: movementRoute } as const;
    for (const [name, route] of Object.entries(routes)) {
      const path = `/compare/${name}?framework=EDS2022&orgType=acute_trust`;
      const answer = await callRoute(database, route.loader, world.people.adminX, path);
      expect((answer.body as View).table, name).toBeNull();
      const html = renderRoute(route.default, `/compare/${name}`, path, { loader: answer.body });
      expect(html, name).toMatch(/No organisation of the type “Acute trust” has published grades( for 2022\/23)?\. Choose “All types” to see every organisation\./);
      expect(html, name).not.toMatch(/Download this table/);
    }
  });

  it("gets a download that says so", async () => {
    const answer = await callRoute(database, exportLoader, world.people.adminX, "/compare/grid/export?framework=EDS2022&orgType=acute_trust&format=csv", { params: { view: "grid" } });
    expect(answer.status).toBe(404);
    expect(answer.body).toBe("Nothing to download: no organisation of the type “Acute trust” has published grades for this framework and year yet.");
  });
});
