import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { PAGE_SIZE } from "../../app/domain/evidence/filters";
import * as listRoute from "../../app/routes/evidence._index";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";
import { addItem } from "./support";

/**
 * The list read its page with parseInt: page=1.5 was page 1 and page=2abc page 2, page=0, -3 or
 * abc quietly page 1, and page=99999 was cut to 10,000 ("There is no page 10,000"). Pages are
 * whole numbers from 1 (readPage, as on the movement comparison): anything else is named in a
 * notice, with page 1 shown.
 */
let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  // Two pages: the first full, one item on the second.
  for (let i = 1; i <= PAGE_SIZE + 1; i++) await addItem(database, world.actors.leadA, { title: `Report ${i}` });
});
afterAll(async () => {
  await database?.close();
});

async function listPage(search: string, user = world.people.leadA) {
  const answer = await callRoute(database, listRoute.loader, user, `/evidence${search}`);
  expect(answer.status, search).toBe(200);
  return renderRoute(listRoute.default, "/evidence", `/evidence${search}`, { loader: answer.body });
}
const escaped = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
const countOf = (html: string) => /data-testid="result-count"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1]?.replace(/<!-- -->/g, "");

describe("the evidence list's page number", () => {
  it("is refused, with a notice, when it is not a whole number from 1, and page 1 is shown", async () => {
    for (const page of ["1.5", "0", "-3", "abc", "2abc", "1e1", "+2"]) {
      const html = await listPage(`?page=${encodeURIComponent(page)}`);
      expect(html, page).toContain(escaped(`“${page}” is not a page number (pages are whole numbers from 1): showing page 1.`));
      expect(countOf(html), page).toBe(`${PAGE_SIZE + 1} items, page 1 of 2`);
      expect(html, page).not.toMatch(/data-testid="past-end"/);
    }
  });

  it("is named also where there is no evidence to page through", async () => {
    // Organisation B's lead is in another collaborative: none of these items are theirs to see.
    const html = await listPage("?page=abc", world.people.leadB);
    expect(html).toMatch(/There is no evidence here yet/);
    expect(html).toContain("“abc” is not a page number (pages are whole numbers from 1): showing page 1.");
  });

  it("past the last page, names the page asked for, however far", async () => {
    for (const page of [3, 99_999]) {
      const html = await listPage(`?page=${page}`);
      expect(html, String(page)).toMatch(new RegExp(`data-testid="past-end"[^>]*>There is no page ${page.toLocaleString("en-GB")}\\. <a[^>]*href="/evidence\\?page=2"`));
      expect(html, String(page)).not.toMatch(/is not a page number/);
    }
  });

  it("needs no notice when it is one the list has, or is not given", async () => {
    for (const search of ["", "?page=1", "?page=2", "?page=", "?page=%20"]) {
      const html = await listPage(search);
      expect(html, search).not.toMatch(/is not a page number|data-testid="past-end"/);
    }
    expect(countOf(await listPage("?page=2"))).toBe(`${PAGE_SIZE + 1} items, page 2 of 2`);
  });
});
