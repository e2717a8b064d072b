import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { organisations } from "../../db/schema";
import { EVIDENCE_IMPORT_COLUMNS } from "../../app/domain/evidence/import-items.server";
import { filtersFrom } from "../../app/domain/evidence/filters";
import { searchItems } from "../../app/domain/evidence/search-items.server";
import { guessMapping } from "../../app/lib/import/map-rows";
import { themeNameKey } from "../../app/lib/pii/theme-name";
import * as importPage from "../../app/routes/evidence.import";
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

/** The check step's page for this CSV, its columns matched as guessed. */
async function checked(csv: string, extra: Record<string, string> = {}) {
  const headers = csv.split("\n")[0]!.split(",");
  const mapping = guessMapping(headers, EVIDENCE_IMPORT_COLUMNS);
  const form = { file: Buffer.from(csv).toString("base64"), filename: "tracker.csv", intent: "preview", ...Object.fromEntries(EVIDENCE_IMPORT_COLUMNS.map((c) => [`map-${c.key}`, mapping[c.key] ?? ""])), ...extra };
  const loader = await callRoute(database, importPage.loader, world.people.leadA, "/evidence/import");
  const action = await callRoute(database, importPage.action, world.people.leadA, "/evidence/import", { form });
  expect(action.status).toBe(200);
  return { action: action.body as { step: string }, html: renderRoute(importPage.default, "/evidence/import", "/evidence/import", { loader: loader.body, action: action.body }) };
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the import's check step", () => {
  it("shows each row's findings as they will be stored, numbered or one per line, with each finding's tags", async () => {
    const csv = [
      "Title,Type,Findings,Finding outcomes,Finding themes",
      `Koala report,Report,"1. Ramps missing\nat the back door\n2. No loop",2. EDS2022 1A,1. Interpreting`,
      `Koala notes,Report,"No BSL\nNo text relay",,`,
    ].join("\n");
    const { html } = await checked(csv);
    // The Findings column lists the findings (numbered, since an ordered list is read out so) and
    // the four findings' tag columns are shown in it, not as raw cells.
    expect(html).toMatch(/<th scope="col">Findings<\/th>/);
    expect(html).not.toMatch(/<th scope="col">Finding outcomes<\/th>/);
    const rows = html.split("<tr>").slice(2).map(text);
    expect(rows[0]).toMatch(/2 findings Ramps missing at the back door Themes: Interpreting No loop Outcomes: EDS 2022 1A/);
    expect(rows[0]).not.toMatch(/1\. Ramps/);
    expect(rows[1]).toMatch(/2 findings No BSL No text relay/);
    expect(html).toMatch(/<ol[^>]*>\s*<li[^>]*>Ramps missing\nat the back door/);
  });

  it("shows each finding's kind and the row's recommendations as they will be stored, with whom each is addressed to", async () => {
    const [org] = await database.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, world.orgs.a2));
    const csv = [
      "Title,Type,Findings,Finding kinds,Recommendations,Recommendation addressed to,Recommendation response due,Recommendation response",
      `Wombat visit,Report,"Waits\nI waited three hours",2. Quote,"Fix the doors\nAdd a loop","2. ${org!.name}",2. 31/03/2027,1. Done in May`,
    ].join("\n");
    const { html } = await checked(csv);
    // The recommendations' own columns are read into the Recommendations column, as the findings' are into Findings.
    expect(html).toMatch(/<th scope="col">Recommendations<\/th>/);
    expect(html).not.toMatch(/<th scope="col">(Finding kinds|Recommendation addressed to|Recommendation response due|Recommendation response)<\/th>/);
    const row = text(html.split("<tr>")[2]!);
    expect(row).toMatch(/2 findings Waits I waited three hours Kind: Quote /);
    expect(row).toMatch(new RegExp(`2 recommendations Fix the doors Response: Done in May Add a loop Addressed to: ${org!.name} Response due: 31 March 2027`));
  });

  it("keeps a row with many long findings short: the first findings, each cut, and how many more", async () => {
    const many = Array.from({ length: 14 }, (_, i) => `Finding number ${i + 1} ${"w".repeat(400)}`).join("\n");
    const { html } = await checked(["Title,Type,Findings", `Emu report,Report,"${many}"`].join("\n"));
    const row = text(html.split("<tr>")[2]!);
    expect(row).toMatch(/14 findings/);
    expect(row).toMatch(/and 4 more findings/);
    expect(row).not.toMatch(/Finding number 11/);
    expect(row).not.toMatch(/w{400}/);
  });
});

describe("the import of a file refused only for theme names that may be personal data", () => {
  const csv = ["Title,Type,Themes", "Dingo notes,Report,Dr Foster reports", "Dingo report,Report,Discharge"].join("\n");
  const key = themeNameKey("Dr Foster reports");
  const items = async () => (await searchItems(database, world.actors.leadA, filtersFrom(new URLSearchParams({ q: "dingo" })))).total;

  it("offers a box for each flagged name in the check step, keyed to the exact name, and the import button", async () => {
    const { html } = await checked(csv);
    expect(html).toMatch(new RegExp(`<input[^>]*name="themeNotPersonal" type="checkbox" value="${key}"`));
    expect(html).toMatch(/<label[^>]*>This theme name is not about a person: “Dr Foster reports”<\/label>/);
    expect(html).toMatch(/<button[^>]*name="intent" value="import"[^>]*>Import 2 items<\/button>/);
    expect(text(html)).toMatch(/Line 2: The theme “Dr Foster reports” may contain personal data.*tick its box below/);
    expect(html).not.toMatch(/add it as a theme on an item/);
  });

  it("imports with the names ticked, carried to the confirm step", async () => {
    const refused = await checked(csv, { intent: "import" });
    expect(refused.action.step).toBe("preview");
    expect(text(refused.html)).toMatch(/Tick the box for each theme name that is not about a person/);
    expect(await items()).toBe(0);
    const done = await checked(csv, { intent: "import", themeNotPersonal: key });
    expect(done.action).toEqual({ step: "done", imported: 2 });
    expect(await items()).toBe(2);
  });

  it("offers no box, and no import, while the file has other problems", async () => {
    const { html } = await checked(["Title,Type,Themes", "Quoll notes,Report,Dr Watson visits", "Quoll report,Leaflet,"].join("\n"));
    expect(html).not.toMatch(/themeNotPersonal/);
    expect(html).not.toMatch(/value="import"/);
    expect(text(html)).toMatch(/Line 2: The theme “Dr Watson visits” may contain personal data.*once the file.{1,6}s other problems are fixed/);
  });
});
