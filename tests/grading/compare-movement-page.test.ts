import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as movementRoute from "../../app/routes/compare.movement";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { frameworkIds, seedAssessment } from "../support/grading";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";

/**
 * Year-on-year movement is paged by organisation, and read its page with Number(): page=1.5 was
 * taken as a page (on a second page it sliced rows from the middle of the first, and said
 * "Page 1.5 of 2"), while page=0, page=-3 or page=two quietly showed page 1 and page=9 the last,
 * as the other filters once did with years. Pages are whole numbers from 1: anything else is
 * named in a notice with the page shown instead, as the other comparison filters are.
 */
let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a2, frameworkId: (await frameworkIds(database)).eds2022, yearStart: 2022, grade: 2, published: true });
});
afterAll(() => database?.close());

interface MovementView {
  page: number;
  pages: number;
  notices: string[];
  table: unknown;
}
const load = async (path: string) => {
  const answer = await callRoute(database, movementRoute.loader, world.people.adminX, path);
  expect(answer.status, path).toBe(200);
  return answer.body as MovementView;
};

describe("the movement view's page number", () => {
  it("is refused, with a notice, when it is not a whole number from 1", async () => {
    for (const page of ["1.5", "0", "-3", "two", "1e1", "+2"]) {
      const view = await load(`/compare/movement?page=${encodeURIComponent(page)}`);
      expect(view.page, page).toBe(1);
      expect(view.table, page).not.toBeNull();
      expect(view.notices, page).toEqual([`“${page}” is not a page number (pages are whole numbers from 1): showing page 1.`]);
    }
  });

  it("past the last page, says there is no such page and shows the last", async () => {
    const view = await load("/compare/movement?page=9");
    expect(view.page).toBe(1);
    expect(view.notices).toEqual(["There is no page 9: showing the only page."]);
  });

  it("needs no notice when it is one the view has, or is not given", async () => {
    expect((await load("/compare/movement?page=1")).notices).toEqual([]);
    expect((await load("/compare/movement")).notices).toEqual([]);
    expect((await load("/compare/movement?page=")).notices).toEqual([]);
    expect((await load("/compare/movement?page=%20")).notices).toEqual([]);
  });

  it("shows the notice on the page, beside the other filters' notices", async () => {
    const path = "/compare/movement?page=1.5&orgType=spaceport";
    const html = renderRoute(movementRoute.default, "/compare/movement", path, { loader: await load(path) });
    expect(html).toMatch(/“1\.5” is not a page number \(pages are whole numbers from 1\): showing page 1\./);
    expect(html).toMatch(/“spaceport” is not an organisation type: showing all types\./);
    expect(html).not.toMatch(/Page 1\.5/);
  });
});

describe("the comparison pages' download links", () => {
  // They kept page= from the address: the download ignores it (it has every organisation), so the
  // link should not ask for a page.
  it("leave out the address's page, keeping the filters", async () => {
    for (const path of ["/compare/movement?page=2&orgType=mental_health_trust", "/compare/movement?page=1.5", "/compare/movement?page=1"]) {
      const html = renderRoute(movementRoute.default, "/compare/movement", path, { loader: await load(path) });
      const hrefs = [...html.matchAll(/href="(\/compare\/movement\/export\?[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
      expect(hrefs.length, path).toBe(2);
      for (const href of hrefs) expect(new URL(href, "http://localhost").searchParams.has("page"), href).toBe(false);
    }
    const kept = renderRoute(movementRoute.default, "/compare/movement", "/compare/movement?orgType=mental_health_trust&page=3", { loader: await load("/compare/movement?orgType=mental_health_trust&page=3") });
    expect(kept).toContain('href="/compare/movement/export?orgType=mental_health_trust&amp;format=csv"');
  });
});
