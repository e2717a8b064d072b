import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { addFinding } from "../../app/domain/evidence/add-finding.server";
import { filtersFrom } from "../../app/domain/evidence/filters";
import { getItem } from "../../app/domain/evidence/get-item.server";
import { EVIDENCE_IMPORT_COLUMNS, importItems, readImportFile } from "../../app/domain/evidence/import-items.server";
import { searchItems } from "../../app/domain/evidence/search-items.server";
import { setTags } from "../../app/domain/evidence/set-tags.server";
import { guessMapping } from "../../app/lib/import/map-rows";
import { themeNameKey } from "../../app/lib/pii/theme-name";
import * as itemRoute from "../../app/routes/evidence.$id._index";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";
import { addItem } from "./support";

/**
 * Saying that a flagged new theme name is "not about a person" (the THEME_NOT_PERSONAL box, on the
 * item page and in the import) let the name through to every organisation's theme list, and left
 * no trace of who said so: the item's history showed only "Tagged". It now records the
 * confirmation (who, when, which theme) on the item, as other changes are.
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

const LABEL = "Confirmed a theme name is not about a person";
const confirmations = async (itemId: string) => (await getItem(database, world.actors.leadA, { itemId })).history.filter((h) => h.action === "theme_confirmed");

describe("a flagged theme name confirmed on the item page", () => {
  it("is in the item's history with who confirmed it and the name", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    await setTags(database, world.actors.contributorA, { itemId, findingId: null, tags: ["theme:new:Dr Foster reports"], confirmedThemes: [themeNameKey("Dr Foster reports")] });
    const history = await confirmations(itemId);
    expect(history).toEqual([expect.objectContaining({ actor: world.people.contributorA.name, detail: "“Dr Foster reports”" })]);
    expect(history[0]!.at).toBeTruthy();
    const page = await callRoute(database, itemRoute.loader, world.people.leadA, `/evidence/${itemId}`, { params: { id: itemId } });
    const html = renderRoute(itemRoute.default, "/evidence/:id", `/evidence/${itemId}`, { loader: page.body });
    expect(html).toMatch(new RegExp(`<td>${world.people.contributorA.name}</td><td>${LABEL}</td><td>“Dr Foster reports”</td>`));
  });

  it("on a finding, says so", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    const { id: findingId } = await addFinding(database, world.actors.leadA, { itemId, text: "Reports by Dr Foster were cited", kind: "issue" });
    await setTags(database, world.actors.leadA, { itemId, findingId, tags: ["theme:new:Mr Motivator classes"], confirmedThemes: [themeNameKey("Mr Motivator classes")] });
    expect((await confirmations(itemId)).map((h) => h.detail)).toEqual(["On a finding: “Mr Motivator classes”"]);
  });

  it("is not recorded when nothing needed confirming: a name the check passes, or a theme that exists already", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    await setTags(database, world.actors.leadA, { itemId, findingId: null, tags: ["theme:new:Discharge delays", "theme:new:dr foster REPORTS"], confirmedThemes: [themeNameKey("Discharge delays")] });
    expect(await confirmations(itemId)).toEqual([]);
  });
});

describe("flagged theme names confirmed in an import", () => {
  it("are in the history of each imported item that has them", async () => {
    const text = ["Title,Type,Themes,Findings,Finding themes", "Narwhal notes,Report,Dr Who reports,Waits; Signs,2. Ms Marvel clubs", "Narwhal report,Report,Dr Who reports,,", "Narwhal survey,Survey,,,"].join("\n");
    const table = await readImportFile("tracker.csv", new TextEncoder().encode(text));
    const confirmed = new Set([themeNameKey("Dr Who reports"), themeNameKey("Ms Marvel clubs")]);
    expect(await importItems(database, world.actors.leadA, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS), confirmed)).toEqual({ imported: 3 });
    const ids = new Map((await searchItems(database, world.actors.leadA, filtersFrom(new URLSearchParams({ q: "narwhal" })))).hits.map((h) => [h.title, h.id]));
    // Events of one transaction share its time: compare them in any order.
    const details = async (title: string) => (await confirmations(ids.get(title)!)).map((h) => [h.actor, h.detail]).sort((a, b) => a[1]!.localeCompare(b[1]!));
    expect(await details("Narwhal notes")).toEqual([
      [world.people.leadA.name, "“Dr Who reports”"],
      [world.people.leadA.name, "On a finding: “Ms Marvel clubs”"],
    ]);
    expect(await details("Narwhal report")).toEqual([[world.people.leadA.name, "“Dr Who reports”"]]);
    expect(await details("Narwhal survey")).toEqual([]);
  });
});
