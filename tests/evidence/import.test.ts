import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createSource } from "../../app/domain/evidence/create-source.server";
import { filtersFrom } from "../../app/domain/evidence/filters";
import { EVIDENCE_IMPORT_COLUMNS, importItems, readImportFile, validateImport } from "../../app/domain/evidence/import-items.server";
import { searchItems } from "../../app/domain/evidence/search-items.server";
import { guessMapping, parseUkDate } from "../../app/lib/import/map-rows";
import { themeNameKey } from "../../app/lib/pii/theme-name";
import { toXlsx } from "../../app/lib/tabular/xlsx.server";
import { evidenceThemes } from "../../db/schema";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { refs } from "./support";

let database: Database;
let world: World;
const csv = (text: string) => new TextEncoder().encode(text);
const count = async (q: string) => (await searchItems(database, world.actors.leadA, filtersFrom(new URLSearchParams({ q })))).total;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await createSource(database, world.actors.leadA, { name: "Healthwatch Test", kind: "healthwatch", area: null, characteristicIds: [] });
});
afterAll(async () => {
  await database?.close();
});

describe("import", () => {
  it("guesses the mapping from headers and reads UK dates", () => {
    expect(guessMapping(["Report title", "Evidence type", "Date", "Key issues"], EVIDENCE_IMPORT_COLUMNS)).toMatchObject({ title: "Report title", type: "Evidence type", publishedOn: "Date", findings: "Key issues", source: "" });
    expect(parseUkDate("31/03/2024")).toBe("2024-03-31");
    expect(parseUkDate("1/4/24")).toBe("2024-04-01");
    expect(parseUkDate("31/02/2024")).toBeNull();
  });

  it("lists every invalid row by line number and reason, and imports nothing", async () => {
    const file = csv(
      [
        "Title,Type,Source,Date,Outcomes,Characteristics,Findings",
        "Okapi access audit,Report,Healthwatch Test,01/02/2024,1A,Race,No ramps; No loop",
        ",Survey,,,,,",
        "",
        "Okapi survey,Questionnaire,Unknown Forum,30/02/2024,9Z,Left-handedness,",
        "Okapi notes,Meeting note,,2024-05-01,2.1; 1D,D/deaf people and BSL users,",
      ].join("\n"),
    );
    const table = await readImportFile("tracker.csv", file);
    const mapping = guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS);
    const checked = await validateImport(database, world.actors.leadA, table, mapping);
    expect(checked.valid.map((v) => v.line)).toEqual([2, 6]);
    expect(checked.invalid).toEqual([
      { line: 3, reasons: ["Title is empty"] },
      {
        line: 5,
        reasons: [
          expect.stringMatching(/^Type “Questionnaire” is not one of/),
          "Source “Unknown Forum” is not on the Sources page (add it there first)",
          "Date published “30/02/2024” is not a date (use 31/03/2024 or 2024-03-31)",
          "Outcome “9Z” is not an EDS2 or EDS 2022 outcome code",
          "Characteristic “Left-handedness” is not recognised",
        ],
      },
    ]);
    await expect(importItems(database, world.actors.leadA, table, mapping)).rejects.toMatchObject({ status: 422 });
    expect(await count("okapi")).toBe(0);
  });

  it("holds each row to the limits the item's own forms keep, so an imported item can be edited and saved", async () => {
    // The summary, link and findings had no limit on import: an item came in with a 25,000-character
    // summary, and its Edit page then refused every save ("Summary must be 20,000 characters or
    // fewer") until someone cut text they had not typed; a long finding's Edit page did the same.
    const long = (n: number) => "w".repeat(n);
    const bytes = await toXlsx([
      {
        name: "Tracker",
        headers: ["Title", "Type", "Link", "Summary", "Findings"],
        rows: [
          ["Quokka report", "Report", `https://example.org/${long(2000)}`, long(20001), `${long(10001)}\nA short one`],
          ["Quokka notes", "Report", `https://example.org/${long(1970)}`, long(20000), long(10000)],
        ],
      },
    ]);
    const table = await readImportFile("tracker.xlsx", bytes);
    const mapping = guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS);
    const checked = await validateImport(database, world.actors.leadA, table, mapping);
    expect(checked.valid.map((v) => v.line)).toEqual([3]);
    expect(checked.invalid).toEqual([
      { line: 2, reasons: ["Link is longer than 2,000 characters", "Summary is longer than 20,000 characters", "Finding 1 is longer than 10,000 characters"] },
    ]);
    await expect(importItems(database, world.actors.leadA, table, mapping)).rejects.toMatchObject({ status: 422 });
    expect(await count("quokka")).toBe(0);
  });

  it("refuses, by line, a new theme whose name looks like personal data (every organisation sees themes)", async () => {
    const table = await readImportFile("tracker.csv", csv(["Title,Type,Themes", "Wombat notes,Report,Mrs Okafor complaint; Discharge", "Wombat report,Report,Discharge"].join("\n")));
    const checked = await validateImport(database, world.actors.leadA, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS));
    expect(checked.valid.map((v) => v.line)).toEqual([3]);
    expect(checked.invalid).toEqual([{ line: 2, reasons: [expect.stringMatching(/^The theme “Mrs Okafor complaint” may contain personal data.*If it is not about a person, tick its box below\.$/)] }]);
    expect(checked).toMatchObject({ flaggedThemes: ["Mrs Okafor complaint"], onlyThemes: true });
  });

  it("imports a file whose only problems are flagged theme names once each exact name is confirmed, and only then", async () => {
    // The check cannot tell a topic from a person ("Dr Foster reports"); the import sent people to
    // an item's page to make the theme there first, for each such name, before importing again.
    const table = await readImportFile(
      "tracker.csv",
      csv(["Title,Type,Themes,Findings,Finding themes", "Dugong notes,Report,Dr Foster reports,Waits; Signs,2. Mr Motivator classes", "Dugong report,Report,Dr Foster reports,,"].join("\n")),
    );
    const mapping = guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS);
    const checked = await validateImport(database, world.actors.leadA, table, mapping);
    expect(checked.invalid.map((r) => r.line)).toEqual([2, 3]);
    expect(checked).toMatchObject({ flaggedThemes: ["Dr Foster reports", "Mr Motivator classes"], onlyThemes: true });
    expect(checked.invalid[0]!.reasons[1]).toMatch(/^Finding 2: The theme “Mr Motivator classes” may contain personal data/);

    // One name confirmed is not enough, and a confirmation is for that exact text.
    const one = new Set([themeNameKey("Dr Foster reports"), themeNameKey("Mr Motivator class")]);
    expect((await validateImport(database, world.actors.leadA, table, mapping, one)).invalid).toEqual([{ line: 2, reasons: [expect.stringMatching(/^Finding 2: The theme “Mr Motivator classes”/)] }]);
    await expect(importItems(database, world.actors.leadA, table, mapping, one)).rejects.toMatchObject({ status: 422 });
    expect(await count("dugong")).toBe(0);

    const both = new Set([themeNameKey("Dr Foster reports"), themeNameKey("Mr Motivator classes")]);
    expect(await importItems(database, world.actors.leadA, table, mapping, both)).toEqual({ imported: 2 });
    const themes = await database.db.select({ name: evidenceThemes.name }).from(evidenceThemes);
    expect(themes.map((t) => t.name)).toEqual(expect.arrayContaining(["Dr Foster reports", "Mr Motivator classes"]));
    expect(await count("dugong")).toBe(2);
  });

  it("still refuses a file with flagged theme names and other problems, offering no confirmation until those are fixed", async () => {
    const table = await readImportFile("tracker.csv", csv(["Title,Type,Themes", "Manatee notes,Report,Dr Watson visits", "Manatee report,Leaflet,"].join("\n")));
    const mapping = guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS);
    const checked = await validateImport(database, world.actors.leadA, table, mapping, new Set());
    expect(checked.onlyThemes).toBe(false);
    expect(checked.invalid).toEqual([
      { line: 2, reasons: [expect.stringMatching(/^The theme “Dr Watson visits” may contain personal data.*If it is not about a person, you can confirm that here once the file's other problems are fixed\.$/)] },
      { line: 3, reasons: [expect.stringMatching(/^Type “Leaflet” is not one of/)] },
    ]);
    await expect(importItems(database, world.actors.leadA, table, mapping, new Set([themeNameKey("Dr Watson visits")]))).rejects.toMatchObject({ status: 422 });
    expect(await count("manatee")).toBe(0);
  });

  it("imports a valid XLSX in one go, with findings and tags (parents included)", async () => {
    const r = await refs(database);
    const bytes = await toXlsx([
      {
        name: "Tracker",
        headers: ["Title", "Type", "Date published", "Outcomes", "Characteristics", "Findings"],
        rows: [
          ["Narwhal report", "Report", "2024-02-01", "1A", "Race", "Waits were long"],
          ["Narwhal survey", "survey", "15/03/2024", "EDS2 2.1", "D/deaf people and BSL users", "No BSL\nNo text relay"],
        ],
      },
    ]);
    const table = await readImportFile("tracker.xlsx", bytes);
    expect(await importItems(database, world.actors.contributorA, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS))).toEqual({ imported: 2 });
    expect(await count("narwhal")).toBe(2);
    const disability = await searchItems(database, world.actors.leadA, filtersFrom(new URLSearchParams({ q: "narwhal", characteristic: r.disability })));
    expect(disability.hits.map((h) => h.title)).toEqual(["Narwhal survey"]);
    expect(await count("relay")).toBe(1);
    await expect(importItems(database, world.actors.viewerA, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS))).rejects.toMatchObject({ status: 403 });
  });
});
