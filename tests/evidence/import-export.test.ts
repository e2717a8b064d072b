import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { addFinding } from "../../app/domain/evidence/add-finding.server";
import { createSource } from "../../app/domain/evidence/create-source.server";
import { EXPORT_HEADERS, exportItems } from "../../app/domain/evidence/export-items.server";
import { filtersFrom } from "../../app/domain/evidence/filters";
import { EVIDENCE_IMPORT_COLUMNS, importItems, readImportFile, validateImport } from "../../app/domain/evidence/import-items.server";
import { searchItems } from "../../app/domain/evidence/search-items.server";
import { setTags } from "../../app/domain/evidence/set-tags.server";
import { listTagOptions } from "../../app/domain/evidence/tag-options.server";
import { guessMapping } from "../../app/lib/import/map-rows";
import { toCsv } from "../../app/lib/tabular/csv";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { addItem, refs } from "./support";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(async () => {
  await database?.close();
});

describe("the library's export, imported again", () => {
  it("keeps every field the import knows, tags of every kind included", async () => {
    const r = await refs(database);
    const source = await createSource(database, world.actors.leadA, { name: "Deaf Society", kind: "deaf_society", area: null, characteristicIds: [] });
    const id = await addItem(database, world.actors.leadA, { title: "Quokka feedback", type: "meeting_note", sourceId: source.id, publishedOn: "2024-05-01", periodStart: "2024-01-01", periodEnd: "2024-03-31", link: "https://example.org/quokka", summary: "What the society heard" });
    await addFinding(database, world.actors.leadA, { itemId: id, kind: "issue", text: "No interpreters; visits cancelled" });
    await addFinding(database, world.actors.leadA, { itemId: id, kind: "issue", text: "Letters not in plain English" });
    await setTags(database, world.actors.leadA, { itemId: id, findingId: null, tags: [`outcome:${r.outcome1A}`, `outcome:${r.outcome21}`, `characteristic:${r.deaf}`, `psed:${r.psed}`, "theme:new:Interpreting"] });

    const rows = await exportItems(database, world.actors.leadA, filtersFrom(new URLSearchParams({ q: "quokka" })), "http://localhost");
    const table = await readImportFile("export.csv", new TextEncoder().encode(toCsv(EXPORT_HEADERS, rows)));
    const checked = await validateImport(database, world.actors.leadA, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS));
    expect(checked.invalid).toEqual([]);
    const back = checked.valid[0]!.value;
    expect(back).toMatchObject({ title: "Quokka feedback", type: "meeting_note", sourceId: source.id, publishedOn: "2024-05-01", periodStart: "2024-01-01", periodEnd: "2024-03-31", link: "https://example.org/quokka", summary: "What the society heard" });
    expect(back.findings).toEqual(["No interpreters; visits cancelled", "Letters not in plain English"]);
    const tags = back.tags.map((t) => `${t.kind}:${t.refId}`);
    expect(tags).toEqual(expect.arrayContaining([`outcome:${r.outcome1A}`, `outcome:${r.outcome21}`, `characteristic:${r.deaf}`, `psed:${r.psed}`]));
    expect(back.themes).toEqual(["Interpreting"]);

    // Stored, the copy carries the same tags: the theme is the collaborative's existing one, not a second "Interpreting".
    expect(await importItems(database, world.actors.leadA, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS))).toEqual({ imported: 1 });
    const themes = (await listTagOptions(database, world.actors.leadA)).filter((o) => o.kind === "theme");
    expect(themes.map((t) => t.label)).toEqual(["Interpreting"]);
    const tagged = async (key: string, id: string) => (await searchItems(database, world.actors.leadA, filtersFrom(new URLSearchParams({ q: "quokka", [key]: id })))).total;
    expect(await tagged("theme", themes[0]!.id)).toBe(2);
    expect(await tagged("psed", r.psed)).toBe(2);
    expect(await tagged("outcome", r.outcome1A)).toBe(2);
    expect(await tagged("characteristic", r.deaf)).toBe(2);
  });

  it("names an unknown PSED aim and an over-long theme by line, and imports nothing", async () => {
    const file = new TextEncoder().encode(`Title,Type,PSED aims,Themes\nWombat notes,Report,Be nice,${"x".repeat(81)}\nWombat audit,Report,Foster good relations,Access\n`);
    const table = await readImportFile("tracker.csv", file);
    const mapping = guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS);
    expect(mapping).toMatchObject({ psedAims: "PSED aims", themes: "Themes" });
    const checked = await validateImport(database, world.actors.leadA, table, mapping);
    expect(checked.invalid).toEqual([{ line: 2, reasons: [expect.stringMatching(/^PSED aim “Be nice” is not one of: Eliminate/), expect.stringMatching(/^Theme “x{40}…” is longer than 80 characters$/)] }]);
    await expect(importItems(database, world.actors.leadA, table, mapping)).rejects.toMatchObject({ status: 422 });
    const themes = (await listTagOptions(database, world.actors.leadA)).filter((o) => o.kind === "theme");
    expect(themes.map((t) => t.label)).not.toContain("Access");
  });
});
