import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { filtersFrom } from "../../app/domain/evidence/filters";
import { loader as listLoader } from "../../app/routes/evidence._index";
import { loader as exportLoader } from "../../app/routes/evidence.export";
import { action as newAction } from "../../app/routes/evidence.new";
import { action as itemAction } from "../../app/routes/evidence.$id._index";
import { guessMapping } from "../../app/lib/import/map-rows";
import { EVIDENCE_IMPORT_COLUMNS, readImportFile, validateImport } from "../../app/domain/evidence/import-items.server";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { callRoute } from "../support/routes";
import { addItem } from "./support";

// V8's Date.parse reads "2024-02-30" as 1 March, so these used to pass the checks and reach
// PostgreSQL, which refused them: a 500 instead of an ignored filter or a field error.
let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(async () => {
  await database?.close();
});

describe("impossible dates in the evidence library", () => {
  it("ignores them as list filters, as filtersFrom promises", async () => {
    expect(filtersFrom(new URLSearchParams("from=2024-02-30&to=2023-02-29"))).toMatchObject({ from: null, to: null });
    expect(filtersFrom(new URLSearchParams("from=2024-02-29&to=2024-04-30"))).toMatchObject({ from: "2024-02-29", to: "2024-04-30" });
    const title = `Leap day audit ${Date.now()}`;
    await addItem(database, world.actors.leadA, { title, publishedOn: "2024-02-29" });
    const list = await callRoute(database, listLoader, world.people.leadA, `/evidence?q=${encodeURIComponent(title)}&from=2024-02-30&to=2024-04-31`);
    expect(list.status).toBe(200);
    const body = list.body as { filters: { from: string | null; to: string | null }; result: { hits: { title: string }[] } };
    expect(body.filters).toMatchObject({ from: null, to: null });
    expect(body.result.hits.map((h) => h.title)).toEqual([title]);
  });

  it("ignores them in the export link too", async () => {
    const download = await callRoute(database, exportLoader, world.people.leadA, "/evidence/export?from=2024-02-30&format=csv");
    expect(download.status).toBe(200);
  });

  it("answers a new item's impossible date on its field, keeping what was typed", async () => {
    const answer = await callRoute(database, newAction, world.people.leadA, "/evidence/new", { form: { title: "Survey", type: "survey", publishedOn: "2023-02-29", periodStart: "2024-04-31" } });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      ok: false,
      errors: { publishedOn: "Date published must be a real date", periodStart: "Start of the period must be a real date" },
      values: { publishedOn: "2023-02-29", periodStart: "2024-04-31" },
    });
  });

  it("answers a recommendation's impossible response date on its field", async () => {
    const itemId = await addItem(database, world.actors.leadA, { title: "Walkabout" });
    const answer = await callRoute(database, itemAction, world.people.leadA, `/evidence/${itemId}`, {
      params: { id: itemId },
      form: { intent: "recommendation", recText: "Add a hearing loop", responseDue: "2025-02-29" },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ ok: false, errors: { responseDue: "Response due must be a real date" }, values: { responseDue: "2025-02-29" } });
  });
});

// A real day in a year no evidence could be dated: "0224" for 2024 (a date box keeps the year's
// digits as typed), "2204" for 2024. Each passed, and the item read "published 1 March 2204", a
// response was never due (or overdue for ever). The years plans' due dates allow, 1990 to 2100.
describe("dates in years evidence could not have", () => {
  it("answer a new item's date on its field, keeping what was typed", async () => {
    const answer = await callRoute(database, newAction, world.people.leadA, "/evidence/new", { form: { title: "Survey", type: "survey", publishedOn: "0224-03-01", periodStart: "2024-04-01", periodEnd: "2204-03-31" } });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      ok: false,
      errors: { publishedOn: "Date published must be between 1990 and 2100", periodEnd: "End of the period must be between 1990 and 2100" },
      values: { publishedOn: "0224-03-01", periodEnd: "2204-03-31" },
    });
    expect((answer.body as { errors: Record<string, string> }).errors.periodStart).toBeUndefined();
  });

  it("answer a recommendation's response date on its field", async () => {
    const itemId = await addItem(database, world.actors.leadA, { title: "Walkabout two" });
    const answer = await callRoute(database, itemAction, world.people.leadA, `/evidence/${itemId}`, {
      params: { id: itemId },
      form: { intent: "recommendation", recText: "Add a hearing loop", responseDue: "2205-01-31" },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ ok: false, errors: { responseDue: "Response due must be between 1990 and 2100" } });
  });

  it("refuse an imported row with one, by line, and take the years around", async () => {
    const table = await readImportFile("tracker.csv", new TextEncoder().encode(["Title,Type,Date published,Period end", "Otter notes,Report,01/03/0224,", "Otter report,Report,1990-01-01,31/12/2100"].join("\n")));
    const checked = await validateImport(database, world.actors.leadA, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS));
    expect(checked.invalid).toEqual([{ line: 2, reasons: ["Date published “01/03/0224” is not between 1990 and 2100"] }]);
    expect(checked.valid.map((v) => v.line)).toEqual([3]);
  });
});
