import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { evidenceItems, registerRows } from "../../db/schema";
import { shareItem } from "../../app/domain/evidence/share-item.server";
import { openRegister } from "../../app/domain/register/open-register.server";
import { UNREADABLE_EVIDENCE } from "../../app/domain/register/readable-evidence.server";
import * as registerPage from "../../app/routes/register._index";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";
import { addItem } from "../evidence/support";

let database: Database;
let world: World;
let privateItem: string;
let shared: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await openRegister(database, world.actors.leadA);
  // Another organisation's private item, linked (as an import once could) with its title.
  privateItem = await addItem(database, world.actors.leadA2, { title: "Draft board paper (A2 only)" });
  // A shared item, retitled in the library since it was linked.
  shared = await addItem(database, world.actors.leadA2, { title: "Deaf society briefing" });
  await shareItem(database, world.actors.leadA2, { itemId: shared, decisions: {} });
  await database.db.update(evidenceItems).set({ title: "Deaf society briefing (revised)" }).where(eq(evidenceItems.id, shared));
  await database.db.insert(registerRows).values({
    characteristics: [], barrier: "No BSL at reception", issue: "", identifiedBy: "", edsOutcomes: [], psedAims: [], themes: [],
    leadOrganisation: "", contactRole: "", updates: [], status: null,
    collaborativeId: world.collaboratives.x,
    rowKey: "live-evidence-row",
    position: 0,
    evidence: [
      { url: `/evidence/${privateItem}`, title: "Draft board paper (A2 only)", evidenceId: privateItem },
      { url: `/evidence/${shared}`, title: "Deaf society briefing", evidenceId: shared },
      { url: "https://example.org/report", title: "Healthwatch report", evidenceId: null },
    ],
  });
});
afterAll(async () => {
  await database?.close();
});

type Loaded = { register: { evidenceTitles: Record<string, string | null> } };

describe("the live register page's evidence titles", () => {
  it("come from the library as the reader may see it: current titles, and null for an item they cannot see", async () => {
    const answer = await callRoute(database, registerPage.loader, world.people.leadA, "/register");
    expect(answer.status).toBe(200);
    expect((answer.body as Loaded).register.evidenceTitles).toEqual({ [privateItem]: null, [shared]: "Deaf society briefing (revised)" });
    // Nothing the page is sent names the private item, the rows shown before connecting included.
    expect(JSON.stringify(answer.body)).not.toContain("A2 only");

    // Its own organisation reads its title.
    const own = await callRoute(database, registerPage.loader, world.people.leadA2, "/register");
    expect((own.body as Loaded).register.evidenceTitles[privateItem]).toBe("Draft board paper (A2 only)");
  });

  it("are what the grid shows before the live document connects: the current title as a link, the unreadable item named but not linked", async () => {
    const data = (await callRoute(database, registerPage.loader, world.people.leadA, "/register")).body;
    const html = renderRoute(registerPage.default, "/register", "/register", { loader: data });
    expect(html).not.toContain("A2 only");
    expect(html).toMatch(new RegExp(`<a href="/evidence/${shared}"[^>]*>Deaf society briefing \\(revised\\)</a>`));
    expect(html).toContain(UNREADABLE_EVIDENCE);
    expect(html).not.toContain(`href="/evidence/${privateItem}"`);
    expect(html).toContain(">Healthwatch report</a>");
  });
});
