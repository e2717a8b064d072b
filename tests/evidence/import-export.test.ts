import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema";
import { addFinding } from "../../app/domain/evidence/add-finding.server";
import { addRecommendation } from "../../app/domain/evidence/add-recommendation.server";
import { respondToRecommendation } from "../../app/domain/evidence/respond-to-recommendation.server";
import { shareItem } from "../../app/domain/evidence/share-item.server";
import { createSource } from "../../app/domain/evidence/create-source.server";
import { EXPORT_HEADERS, exportItems } from "../../app/domain/evidence/export-items.server";
import { filtersFrom } from "../../app/domain/evidence/filters";
import { getItem } from "../../app/domain/evidence/get-item.server";
import { EVIDENCE_IMPORT_COLUMNS, importItems, readImportFile, validateImport } from "../../app/domain/evidence/import-items.server";
import { searchItems } from "../../app/domain/evidence/search-items.server";
import { setTags } from "../../app/domain/evidence/set-tags.server";
import { listTagOptions } from "../../app/domain/evidence/tag-options.server";
import { listVisibleItems } from "../../app/domain/evidence/list-visible-items.server";
import { guessMapping } from "../../app/lib/import/map-rows";
import { toCsv } from "../../app/lib/tabular/csv";
import { toXlsx } from "../../app/lib/tabular/xlsx.server";
import { openTestDatabase } from "../support/db";
import { createOrganisation, createWorld, type World } from "../support/factories";
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

  it("gives back the item's own tags to the item and each finding's to that finding", async () => {
    const r = await refs(database);
    const id = await addItem(database, world.actors.leadA, { title: "Numbat survey", type: "survey", summary: "Transport to clinics" });
    await addFinding(database, world.actors.leadA, { itemId: id, kind: "issue", text: "Buses stop far from the clinic" });
    const { id: findingId } = await addFinding(database, world.actors.leadA, { itemId: id, kind: "issue", text: "No BSL interpreters at appointments" });
    await setTags(database, world.actors.leadA, { itemId: id, findingId: null, tags: [`outcome:${r.outcome1A}`, `characteristic:${r.race}`, "theme:new:Transport"] });
    await setTags(database, world.actors.leadA, { itemId: id, findingId, tags: [`outcome:${r.outcome21}`, `characteristic:${r.deaf}`, `psed:${r.psed}`, "theme:new:Interpreting"] });

    const rows = await exportItems(database, world.actors.leadA, filtersFrom(new URLSearchParams({ q: "numbat" })), "http://localhost");
    const row = Object.fromEntries(EXPORT_HEADERS.map((h, i) => [h, rows[0]![i]]));
    expect(row).toMatchObject({ Outcomes: "EDS2022 1A", Characteristics: "Race", "PSED aims": null, Themes: "Transport" });
    // The second finding's tags, on a line numbered as the finding is in the Findings column (numbered
    // for them, though one finding a line would read back); the first has none.
    expect(row.Findings).toBe("1. Buses stop far from the clinic\n2. No BSL interpreters at appointments");
    expect(row).toMatchObject({ "Finding outcomes": "2. EDS2 2.1", "Finding characteristics": "2. D/deaf people and BSL users", "Finding PSED aims": expect.stringMatching(/^2\. \S/), "Finding themes": "2. Interpreting" });
    // For reading, the same file gives the tags as the filters count them: the findings' tags, and a group's parent, are the item's too.
    expect(row["All outcomes (item and findings)"]).toBe("EDS2 2.1; EDS2022 1A");
    expect(String(row["All characteristics (item and findings)"]).split("; ").sort()).toEqual(["D/deaf people and BSL users", "Disability", "Race"]);
    expect(row["All PSED aims (item and findings)"]).toEqual(expect.any(String));
    expect(row["All themes (item and findings)"]).toBe("Interpreting; Transport");

    // Into another collaborative, as a library is moved: the item and each finding come back with their own tags.
    const table = await readImportFile("export.csv", new TextEncoder().encode(toCsv(EXPORT_HEADERS, rows)));
    expect(await importItems(database, world.actors.leadB, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS))).toEqual({ imported: 1 });
    const [copy] = await listVisibleItems(database, world.actors.leadB, { q: "numbat" });
    const back = await getItem(database, world.actors.leadB, { itemId: copy!.id });
    const keys = (tags: { kind: string; refId: string }[]) => tags.filter((t) => t.kind !== "theme").map((t) => `${t.kind}:${t.refId}`).sort();
    const themes = (tags: { kind: string; label: string }[]) => tags.filter((t) => t.kind === "theme").map((t) => t.label);
    expect(keys(back.tags)).toEqual([`characteristic:${r.race}`, `outcome:${r.outcome1A}`].sort());
    expect(themes(back.tags)).toEqual(["Transport"]);
    expect(back.findings.map((f) => f.text)).toEqual(["Buses stop far from the clinic", "No BSL interpreters at appointments"]);
    expect(back.findings[0]!.tags).toEqual([]);
    expect(keys(back.findings[1]!.tags)).toEqual([`characteristic:${r.deaf}`, `outcome:${r.outcome21}`, `psed:${r.psed}`].sort());
    expect(themes(back.findings[1]!.tags)).toEqual(["Interpreting"]);
    // The copy is counted as the original is: a finding's tags count for its item.
    const tagged = async (key: string, ref: string) => (await searchItems(database, world.actors.leadB, filtersFrom(new URLSearchParams({ q: "numbat", [key]: ref })))).total;
    expect(await tagged("characteristic", r.race)).toBe(1);
    expect(await tagged("characteristic", r.disability)).toBe(1);
    expect(await tagged("outcome", r.outcome21)).toBe(1);
  });

  it("refuses findings' tags for a finding the row does not have, or on a line without a finding's number, by line", async () => {
    const file = new TextEncoder().encode(
      ["Title,Type,Findings,Finding outcomes,Finding themes", 'Quoll notes,Report,"Long waits\nNo interpreter","2. 1A\n3. 2.1",Access', 'Quoll audit,Report,One finding,"1) EDS2022 1A; 9Z",'].join("\n"),
    );
    const table = await readImportFile("tracker.csv", file);
    const mapping = guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS);
    expect(mapping).toMatchObject({ outcomes: "", themes: "", findingOutcomes: "Finding outcomes", findingThemes: "Finding themes" });
    const checked = await validateImport(database, world.actors.leadA, table, mapping);
    expect(checked.invalid).toEqual([
      { line: 2, reasons: ["Finding outcomes: there is no finding 3 (the row has 2 findings)", "Finding themes: “Access” does not start with the number of a finding (for example 2. Interpreting)"] },
      { line: 3, reasons: ["Finding 1: Outcome “9Z” is not an EDS2 or EDS 2022 outcome code"] },
    ]);
  });

  it("gives back a finding that runs over several lines as one finding, from CSV and from Excel", async () => {
    const findings = [
      "No interpreters at appointments.\nVisits were cancelled twice.",
      // A finding with a numbered list of its own, numbered from 1 as the download numbers findings.
      "People asked for:\n1. interpreters booked ahead\n2. letters in plain English\n\n3. a named contact",
      "Letters not in plain English",
    ];
    const many = await addItem(database, world.actors.leadA, { title: "Platypus visit", type: "enter_and_view" });
    for (const text of findings) await addFinding(database, world.actors.leadA, { itemId: many, kind: "issue", text });
    // One finding with a semicolon, alone on its item: a one-line cell is split at semicolons.
    const one = await addItem(database, world.actors.leadA, { title: "Platypus survey", type: "survey" });
    await addFinding(database, world.actors.leadA, { itemId: one, kind: "issue", text: "Long waits; no interpreter" });

    const rows = await exportItems(database, world.actors.leadA, filtersFrom(new URLSearchParams({ q: "platypus" })), "http://localhost");
    const csv = new TextEncoder().encode(toCsv(EXPORT_HEADERS, rows));
    const xlsx = await toXlsx([{ name: "Evidence", headers: EXPORT_HEADERS, rows }]);
    for (const [name, bytes] of [["export.csv", csv], ["export.xlsx", xlsx]] as const) {
      const table = await readImportFile(name, bytes);
      const checked = await validateImport(database, world.actors.leadA, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS));
      expect(checked.invalid).toEqual([]);
      const byTitle = Object.fromEntries(checked.valid.map((v) => [v.value.title, v.value.findings]));
      expect(byTitle).toEqual({ "Platypus visit": findings, "Platypus survey": ["Long waits; no interpreter"] });
    }

    // Stored, the copy has the same findings, in order.
    const table = await readImportFile("export.csv", csv);
    expect(await importItems(database, world.actors.leadB, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS))).toEqual({ imported: 2 });
    const [copy] = await listVisibleItems(database, world.actors.leadB, { q: "platypus visit" });
    expect((await getItem(database, world.actors.leadB, { itemId: copy!.id })).findings.map((f) => f.text)).toEqual(findings);
  });

  it("reads findings typed by hand as before: one per line, or semicolons on one line; a numbered list without its numbers", async () => {
    const file = new TextEncoder().encode(
      [
        "Title,Type,Findings",
        'Echidna one,Report,"Long waits\nNo interpreter\n\nLetters; leaflets"',
        "Echidna two,Report,Long waits; no interpreter",
        'Echidna three,Report,"1. Long waits\n2. No interpreter\nat the desk"',
        'Echidna four,Report,"2.5% asked\n3. Access"',
      ].join("\n"),
    );
    const table = await readImportFile("tracker.csv", file);
    const checked = await validateImport(database, world.actors.leadA, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS));
    expect(checked.valid.map((v) => v.value.findings)).toEqual([
      ["Long waits", "No interpreter", "Letters; leaflets"],
      ["Long waits", "no interpreter"],
      ["Long waits", "No interpreter\nat the desk"],
      ["2.5% asked", "3. Access"],
    ]);
  });

  it("still imports a download made before the separate columns (its tags go on the item, as they did)", async () => {
    const r = await refs(database);
    const old = "Title,Type,Source,Published,Period start,Period end,Owner organisation,Shared,Link,Summary,Findings,Outcomes,Characteristics,PSED aims,Themes,Page\nBilby notes,Report,,2024-05-01,,,Org,No,,Old file,A finding,EDS2 2.1; EDS2022 1A,Disability; Race,,,http://localhost/evidence/x\n";
    const table = await readImportFile("evidence-2026-11-30.csv", new TextEncoder().encode(old));
    const checked = await validateImport(database, world.actors.leadB, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS));
    expect(checked.invalid).toEqual([]);
    expect(checked.valid[0]!.value.tags.map((t) => `${t.kind}:${t.refId}`).sort()).toEqual([`characteristic:${r.disability}`, `characteristic:${r.race}`, `outcome:${r.outcome1A}`, `outcome:${r.outcome21}`].sort());
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

describe("each finding's kind and the item's recommendations, downloaded and imported again", () => {
  const nameOf = async (orgId: string) => (await database.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, orgId)))[0]!.name;

  it("keep their kinds, wording, addressees, due dates and responses, from CSV and from Excel; the addressed organisation's answers stay theirs", async () => {
    const fresh = await createWorld(database);
    const [nameA, nameA2] = [await nameOf(fresh.orgs.a), await nameOf(fresh.orgs.a2)];
    const id = await addItem(database, fresh.actors.leadA, { title: "Wallaby visit", type: "enter_and_view" });
    await addFinding(database, fresh.actors.leadA, { itemId: id, kind: "issue", text: "Long waits at reception" });
    await addFinding(database, fresh.actors.leadA, { itemId: id, kind: "quote", text: "I waited three hours.\nNobody told me why." });
    await addFinding(database, fresh.actors.leadA, { itemId: id, kind: "issue", text: "No hearing loop" });
    const first = await addRecommendation(database, fresh.actors.leadA, { itemId: id, text: "Book interpreters ahead", addressedToOrgId: fresh.orgs.a2, responseDue: "2027-03-31", response: "Agreed at the board.\n2. Funding from April" });
    await addRecommendation(database, fresh.actors.leadA, { itemId: id, text: "Publish easy read letters", addressedToOrgId: null, responseDue: null, response: "" });
    await addRecommendation(database, fresh.actors.leadA, { itemId: id, text: "Train reception staff", addressedToOrgId: fresh.orgs.a, responseDue: "2027-06-30", response: "" });
    // The organisation addressed answers, once the item is shared: their answer is in the download, for reading.
    await shareItem(database, fresh.actors.leadA, { itemId: id, decisions: {} });
    await respondToRecommendation(database, fresh.actors.leadA2, first.id, { decision: "accepted", body: "Interpreters booked from January" });

    const rows = await exportItems(database, fresh.actors.leadA, filtersFrom(new URLSearchParams({ q: "wallaby" })), "http://localhost");
    const row = Object.fromEntries(EXPORT_HEADERS.map((h, i) => [h, rows[0]![i]]));
    // Only the quote is named (a blank is a key issue), so the Findings cell is numbered for it.
    expect(row.Findings).toBe("1. Long waits at reception\n2. I waited three hours.\nNobody told me why.\n3. No hearing loop");
    expect(row["Finding kinds"]).toBe("2. Quote");
    expect(row).toMatchObject({
      Recommendations: "1. Book interpreters ahead\n2. Publish easy read letters\n3. Train reception staff",
      "Recommendation addressed to": `1. ${nameA2}\n3. ${nameA}`,
      "Recommendation response due": "1. 2027-03-31\n3. 2027-06-30",
      // A response's own line that begins with the next number is kept apart by the other mark.
      "Recommendation response": "1) Agreed at the board.\n2. Funding from April",
      "Recommendation answers": expect.stringMatching(/^1\. Accepted \(.+, \d{4}-\d{2}-\d{2}\): Interpreters booked from January$/),
    });

    const csv = new TextEncoder().encode(toCsv(EXPORT_HEADERS, rows));
    const xlsx = await toXlsx([{ name: "Evidence", headers: EXPORT_HEADERS, rows }]);
    const expected = [
      { text: "Book interpreters ahead", addressedToOrgId: fresh.orgs.a2, responseDue: "2027-03-31", response: "Agreed at the board.\n2. Funding from April" },
      { text: "Publish easy read letters", addressedToOrgId: null, responseDue: null, response: "" },
      { text: "Train reception staff", addressedToOrgId: fresh.orgs.a, responseDue: "2027-06-30", response: "" },
    ];
    for (const [name, bytes] of [["export.csv", csv], ["export.xlsx", xlsx]] as const) {
      const table = await readImportFile(name, bytes);
      const mapping = guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS);
      const checked = await validateImport(database, fresh.actors.leadA, table, mapping);
      expect(checked.invalid).toEqual([]);
      expect(checked.valid[0]!.value.findingKinds).toEqual(["issue", "quote", "issue"]);
      expect(checked.valid[0]!.value.recommendations).toEqual(expected.map((r) => expect.objectContaining(r)));
      // The answers column is for reading: nothing of the import reads it.
      expect(Object.values(mapping)).not.toContain("Recommendation answers");
    }

    // Stored, the copy (private, so A's to change) has the same findings and recommendations, in order, and no answers.
    const table = await readImportFile("export.csv", csv);
    expect(await importItems(database, fresh.actors.leadA, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS))).toEqual({ imported: 1 });
    const copies = await listVisibleItems(database, fresh.actors.leadA, { q: "wallaby" });
    const copy = copies.find((c) => c.id !== id)!;
    const back = await getItem(database, fresh.actors.leadA, { itemId: copy.id });
    expect(back.findings.map((f) => [f.kind, f.text])).toEqual([
      ["issue", "Long waits at reception"],
      ["quote", "I waited three hours.\nNobody told me why."],
      ["issue", "No hearing loop"],
    ]);
    expect(back.recommendations.map((r) => ({ text: r.text, addressedToOrgId: r.addressedToOrgId, responseDue: r.responseDue, response: r.response, answer: r.answer }))).toEqual(expected.map((r) => ({ ...r, answer: null })));
  });

  it("into another collaborative, addresses each recommendation by name to its organisation there, and refuses a name it does not have, by line", async () => {
    const fresh = await createWorld(database);
    const nameA2 = await nameOf(fresh.orgs.a2);
    const id = await addItem(database, fresh.actors.leadA, { title: "Bandicoot report" });
    await addRecommendation(database, fresh.actors.leadA, { itemId: id, text: "Offer text relay", addressedToOrgId: fresh.orgs.a2, responseDue: null, response: "" });
    const rows = await exportItems(database, fresh.actors.leadA, filtersFrom(new URLSearchParams({ q: "bandicoot" })), "http://localhost");
    const table = await readImportFile("export.csv", new TextEncoder().encode(toCsv(EXPORT_HEADERS, rows)));
    const mapping = guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS);

    const refused = await validateImport(database, fresh.actors.leadB, table, mapping);
    expect(refused.invalid).toEqual([{ line: 2, reasons: [`Recommendation 1: Addressed to “${nameA2}” is not an organisation of this collaborative (use a name from the item page's Addressed to list, or leave it blank)`] }]);
    await expect(importItems(database, fresh.actors.leadB, table, mapping)).rejects.toMatchObject({ status: 422 });
    expect(await listVisibleItems(database, fresh.actors.leadB, { q: "bandicoot" })).toEqual([]);

    // An organisation of that name in the collaborative (a different one: the name is what travels).
    const there = await createOrganisation(database, fresh.collaboratives.y, { name: nameA2.toUpperCase() });
    expect(await importItems(database, fresh.actors.leadB, table, mapping)).toEqual({ imported: 1 });
    const [copy] = await listVisibleItems(database, fresh.actors.leadB, { q: "bandicoot" });
    expect((await getItem(database, fresh.actors.leadB, { itemId: copy!.id })).recommendations.map((r) => [r.text, r.addressedToOrgId])).toEqual([["Offer text relay", there]]);
  });

  it("reads kinds typed by hand, and names an unknown kind, an unknown organisation, a bad date and a line without a number by line, importing nothing", async () => {
    const fresh = await createWorld(database);
    const nameA2 = await nameOf(fresh.orgs.a2);
    const header = "Title,Type,Findings,Finding kinds,Recommendations,Recommendation addressed to,Recommendation response due,Recommendation response";
    const good = `Possum notes,Report,"Waits\nQuote one\nQuote two","2. quote\n3) QUOTE\n1. key issue","Fix the doors\nAdd a loop","2. ${nameA2.toLowerCase()}",2. 31/03/2027,1. Done in May`;
    const bad = `Possum audit,Report,"Waits\nNo loop","2. Anecdote\n4. Quote",Fix the doors,"1. Alder Hay\nSt Elsewhere","1. 31/02/2027\n2. 01/01/2027",`;
    const file = new TextEncoder().encode([header, good, bad].join("\n"));
    const table = await readImportFile("tracker.csv", file);
    const mapping = guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS);
    expect(mapping).toMatchObject({ findingKinds: "Finding kinds", recommendations: "Recommendations", recommendationAddressedTo: "Recommendation addressed to", recommendationResponseDue: "Recommendation response due", recommendationResponse: "Recommendation response" });
    const checked = await validateImport(database, fresh.actors.leadA, table, mapping);
    expect(checked.invalid).toEqual([
      {
        line: 3,
        reasons: [
          "Finding kinds: there is no finding 4 (the row has 2 findings)",
          "Finding 2: Kind “Anecdote” is not Key issue or Quote",
          "Recommendation addressed to: “St Elsewhere” does not start with the number of a recommendation (for example 2. Mersey Care NHS Foundation Trust)",
          "Recommendation response due: there is no recommendation 2 (the row has 1 recommendation)",
          "Recommendation 1: Addressed to “Alder Hay” is not an organisation of this collaborative (use a name from the item page's Addressed to list, or leave it blank)",
          "Recommendation 1: Response due “31/02/2027” is not a date (use 31/03/2024 or 2024-03-31)",
        ],
      },
    ]);
    await expect(importItems(database, fresh.actors.leadA, table, mapping)).rejects.toMatchObject({ status: 422 });
    expect(await listVisibleItems(database, fresh.actors.leadA, { q: "possum" })).toEqual([]);

    // The valid row, alone, imports with its kinds (a blank is a key issue) and its recommendations.
    const alone = await readImportFile("tracker.csv", new TextEncoder().encode([header, good].join("\n")));
    const valid = await validateImport(database, fresh.actors.leadA, alone, mapping);
    expect(valid.invalid).toEqual([]);
    expect(valid.valid[0]!.value.findingKinds).toEqual(["issue", "quote", "quote"]);
    expect(valid.valid[0]!.value.recommendations).toEqual([
      { text: "Fix the doors", addressedToOrgId: null, addressedTo: null, responseDue: null, response: "Done in May" },
      { text: "Add a loop", addressedToOrgId: fresh.orgs.a2, addressedTo: nameA2, responseDue: "2027-03-31", response: "" },
    ]);
  });
});
