import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../db/client";
import { registerRows } from "../../db/schema";
import { shareItem } from "../../app/domain/evidence/share-item.server";
import { openRegister } from "../../app/domain/register/open-register.server";
import type * as hydratedModule from "../../app/lib/use-hydrated";
import * as registerPage from "../../app/routes/register._index";
import { openTestDatabase } from "../support/db";
import { createWorld, type TestUser, type World } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";
import { addItem } from "../evidence/support";

// The page as drawn once its JavaScript runs (hydrated), for the test that nothing changed then;
// otherwise the real hook, which is false on the server.
const hydration = vi.hoisted(() => ({ forced: false }));
vi.mock("../../app/lib/use-hydrated", async (importOriginal) => {
  const real = await importOriginal<typeof hydratedModule>();
  return { useHydrated: () => (hydration.forced ? true : real.useHydrated()) };
});

let database: Database;
let world: World;
let shared: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await openRegister(database, world.actors.leadA);
  shared = await addItem(database, world.actors.leadA, { title: "Deaf community listening event" });
  await shareItem(database, world.actors.leadA, { itemId: shared, decisions: {} });
  await database.db.insert(registerRows).values({
    characteristics: [], barrier: "Appointment letters not in easy read", issue: "", identifiedBy: "", edsOutcomes: [], psedAims: [], themes: [],
    leadOrganisation: "", contactRole: "", updates: [], status: null,
    collaborativeId: world.collaboratives.x,
    rowKey: "no-script-row",
    position: 0,
    evidence: [
      { url: `/evidence/${shared}`, title: "Deaf community listening event", evidenceId: shared },
      { url: "https://example.org/easy-read-audit", title: "Easy read audit", evidenceId: null },
    ],
  });
});
afterAll(async () => {
  await database?.close();
});

/** The register page as the server draws it: all a browser without JavaScript shows (hydrated when `hydration.forced`). */
async function drawRegisterPage(user: TestUser) {
  const answer = await callRoute(database, registerPage.loader, user, "/register");
  expect(answer.status).toBe(200);
  return renderRoute(registerPage.default, "/register", "/register", { loader: answer.body });
}

/** What is inside the page's <noscript> (shown only when scripts are off). */
function noscriptOf(html: string): string {
  const found = /<noscript>([\s\S]*?)<\/noscript>/.exec(html);
  expect(found, "the page has a <noscript> message").not.toBeNull();
  return found![1]!;
}

/** The block shown when scripts fail to arrive (outside <noscript>; hidden by CSS for a while). */
function lateMessageOf(html: string): string {
  const found = /<div class="peff-scripts-late">([\s\S]*?)<\/ul><\/div><\/div>/.exec(html);
  expect(found, "the page has the scripts-not-loaded message").not.toBeNull();
  return found![1]!;
}

/** The register's table, as drawn. */
function tableOf(html: string): string {
  const found = /<table\b[\s\S]*?<\/table>/.exec(html);
  expect(found, "the page has the register's table").not.toBeNull();
  return found![0];
}

describe("the register page without JavaScript", () => {
  it("shows the rows as last saved and the legend, says what can be done instead, and shows no live-only text or controls", async () => {
    const html = await drawRegisterPage(world.people.leadA);

    // The saved rows and the legend are there.
    expect(html).toContain("Appointment letters not in easy read");
    expect(html).toContain("Status legend");

    // Nothing promises a connection that never comes, or controls that do nothing.
    expect(html).not.toContain("Loading");
    expect(html).not.toContain("Connecting");
    expect(html).not.toContain("once connected");
    expect(html).not.toContain("Here now");
    expect(html).not.toContain("Use the arrow keys");
    expect(html).not.toContain("Filter rows");
    expect(html).not.toMatch(/<button\b/);
    expect(html).not.toMatch(/<select\b/);
    expect(html).not.toMatch(/<input\b/);

    // What to do instead, with links that work without JavaScript: an editor may import, not change the legend.
    const message = noscriptOf(html);
    expect(message).toContain("JavaScript");
    expect(message).toContain('href="/register/print"');
    expect(message).toContain('href="/register/export?format=csv"');
    expect(message).toContain('href="/register/export?format=xlsx"');
    expect(message).toContain('href="/register/history"');
    expect(message).toContain('href="/register/progress"');
    expect(message).toContain('href="/register/import"');
    expect(message).not.toContain("/register/legend");
  });

  it("offers someone who only reads the register the printable view, downloads and history, not importing or the legend", async () => {
    const html = await drawRegisterPage(world.people.viewerA);
    expect(html).toContain("Appointment letters not in easy read");
    expect(html).not.toContain("Loading");
    expect(html).not.toContain("Connecting");
    expect(html).not.toMatch(/<button\b/);
    expect(html).not.toMatch(/<select\b/);

    const message = noscriptOf(html);
    expect(message).toContain('href="/register/print"');
    expect(message).toContain('href="/register/export?format=csv"');
    expect(message).toContain('href="/register/export?format=xlsx"');
    expect(message).toContain('href="/register/history"');
    expect(message).not.toContain("/register/import");
    expect(message).not.toContain("/register/legend");
  });

  it("offers the collaborative's admin the status legend as well", async () => {
    const message = noscriptOf(await drawRegisterPage(world.people.adminX));
    expect(message).toContain('href="/register/legend"');
    expect(message).toContain('href="/register/import"');
  });

  it("also draws, outside <noscript>, the same message for a browser whose scripts never arrived (the stylesheet reveals it after a wait)", async () => {
    const html = await drawRegisterPage(world.people.leadA);
    const late = lateMessageOf(html);
    expect(late).toMatch(/This page(&#x27;|')s scripts have not loaded/);
    expect(late).toContain("the rows below are shown as last saved and cannot be changed");
    expect(late).toContain('href="/register/print"');
    expect(late).toContain('href="/register/import"');
    expect(noscriptOf(html)).toContain("JavaScript is turned off in your browser, so the rows below are shown as last saved");
  });

  it("draws the rows as a plain table whose evidence links are in the tab order, not as the live grid", async () => {
    const table = tableOf(await drawRegisterPage(world.people.leadA));
    expect(table).not.toContain('role="grid"');
    expect(table).not.toContain('role="gridcell"');
    expect(table).not.toContain("aria-rowcount");
    // No roving tabindex: no cell is focusable, and no link is taken out of the tab order.
    expect(table).not.toContain("tabindex");
    expect(table).toMatch(new RegExp(`<a href="/evidence/${shared}"[^>]*>Deaf community listening event</a>`));
    expect(table).toMatch(/<a href="https:\/\/example.org\/easy-read-audit"[^>]*>Easy read audit<\/a>/);
    // Native headers name each cell; a row can still be linked to (#row-<key>).
    expect(table).toContain('<th scope="row"');
    expect(table).toContain('id="row-no-script-row"');
    // No empty column for the live grid's move and delete buttons.
    expect(table).not.toContain("Row actions");
  });

  it("with JavaScript (once the page has hydrated) still has the live grid, its toolbar, presence, connection line and help", async () => {
    hydration.forced = true;
    try {
      const html = await drawRegisterPage(world.people.leadA);
      expect(html).toContain("Connecting…");
      expect(html).not.toContain("peff-scripts-late");
      expect(html).toContain("Loading the register…");
      expect(html).toContain("Here now");
      expect(html).toContain("Use the arrow keys");
      expect(html).toMatch(/<button[^>]*>Add row<\/button>/);
      expect(html).toMatch(/<button[^>]*>Undo my last change<\/button>/);
      expect(html).toMatch(/<input id="register-filter"/);
      expect(html).toMatch(/<select id="register-status-filter"/);
      expect(html).toMatch(/<select id="register-sort"/);

      const table = tableOf(html);
      expect(table).toContain('role="grid"');
      expect(table).toContain('role="gridcell"');
      expect(table).toContain("Row actions");
      // The roving tabindex: one cell in the tab order, links inside cells reached through it.
      expect(table.match(/tabindex="0"/g)).toHaveLength(1);
      expect(table).toMatch(/<a href="https:\/\/example.org\/easy-read-audit" tabindex="-1"/);
      expect(table).toContain('aria-label="Barrier, row 1"');
    } finally {
      hydration.forced = false;
    }
  });
});
