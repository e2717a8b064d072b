import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { collabUpdates, evidenceItems, registerRows } from "../../db/schema";
import { withOwner } from "../../db/tenant";
import { loadDocumentState } from "../../app/domain/collab/document-store.server";
import { importRegisterRows, MAX_IMPORT_ROWS } from "../../app/domain/register/import-register-rows.server";
import { openRegister } from "../../app/domain/register/open-register.server";
import { readRows } from "../../app/lib/register/model";
import { toXlsx } from "../../app/lib/tabular/xlsx.server";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { addItem } from "../evidence/support";

let database: Database;
let world: World;
const file = (text: string, name = "rows.csv") => ({ name, bytes: new TextEncoder().encode(text) });
const GOOD = "Barrier,Characteristics or groups,EDS outcomes,Status,Updates\nImported one,Race; Disability,1.1 2.3,Amber,Update September 2021 Started\nImported two,All,1A,Green,\n";

const stored = (collaborativeId: string) =>
  withOwner(database, (tx) => tx.select().from(collabUpdates).where(eq(collabUpdates.document, `register:${collaborativeId}`)));
const projected = (collaborativeId: string) =>
  withOwner(database, (tx) => tx.select().from(registerRows).where(eq(registerRows.collaborativeId, collaborativeId)).orderBy(asc(registerRows.position)));
const documentRows = async (collaborativeId: string) => {
  const doc = new Y.Doc();
  for (const part of await withOwner(database, (tx) => loadDocumentState(tx, `register:${collaborativeId}`))) Y.applyUpdate(doc, part);
  return readRows(doc);
};

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await openRegister(database, world.actors.leadA);
  await openRegister(database, world.actors.leadB);
});
afterAll(async () => {
  await database?.close();
});

describe("importing rows into the shared register", () => {
  it("adds nothing from a file with any bad row, and names each problem's spreadsheet line", async () => {
    const outcome = await importRegisterRows(database, world.actors.leadA, file("Barrier,Characteristics or groups,Status\nGood row,Race,Blue\n,Martians,Purple\n"));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual(expect.arrayContaining([expect.stringMatching(/^Line 3: Barrier: enter the barrier/), expect.stringMatching(/^Line 3: Characteristics or groups: "Martians"/)]));
    expect(outcome.errors.some((e) => e.startsWith("Line 2"))).toBe(false);
    expect(await stored(world.collaboratives.x)).toHaveLength(0);
    expect(await projected(world.collaboratives.x)).toHaveLength(0);
  });

  it("says what is wrong with a file it cannot read, or one too long, and adds nothing", async () => {
    const unreadable = await importRegisterRows(database, world.actors.leadA, { name: "rows.xlsx", bytes: new Uint8Array([0x50, 0x4b, 1, 2, 3]) });
    expect(unreadable).toEqual({ ok: false, errors: [expect.stringMatching(/\S/)] });
    const long = await importRegisterRows(database, world.actors.leadA, file(`Barrier\n${"A barrier\n".repeat(MAX_IMPORT_ROWS + 1)}`));
    expect(long).toEqual({ ok: false, errors: [`The file has ${(MAX_IMPORT_ROWS + 1).toLocaleString("en-GB")} rows: import at most ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} at a time.`] });
    expect(await stored(world.collaboratives.x)).toHaveLength(0);
  });

  // Reading a workbook once cost rows² × columns (ExcelJS's columnCount walks every row, and it was
  // read for every cell) and created every row up to the last: these hung the server's event loop.
  it("refuses a 3,000-row workbook from its row count, without reading the rows", async () => {
    const headers = ["Barrier", "Characteristics or groups", "Issue at play", "How identified", "Supporting evidence", "EDS outcomes", "PSED aims", "Themes", "Lead organisation", "Contact role", "Status", "Updates"];
    const rows = Array.from({ length: 3000 }, (_, i) => headers.map((h) => `${h} ${i}`));
    const bytes = await toXlsx([{ name: "Register", headers, rows }]);
    const outcome = await importRegisterRows(database, world.actors.leadA, { name: "register.xlsx", bytes });
    expect(outcome).toEqual({ ok: false, errors: ["The file has 3,000 rows: import at most 2,000 at a time."] });
    expect(await stored(world.collaboratives.x)).toHaveLength(0);
  });

  it("answers a workbook with a lone cell at row 1,048,576 at once, with that line's problem", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Register");
    sheet.getCell("A1").value = "Barrier";
    sheet.getCell("B1048576").value = "far away";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const outcome = await importRegisterRows(database, world.actors.leadA, { name: "register.xlsx", bytes });
    expect(outcome).toEqual({ ok: false, errors: [expect.stringMatching(/^Line 1048576: Barrier: enter the barrier/)] });
    expect(await stored(world.collaboratives.x)).toHaveLength(0);
  });

  it("stores the rows as one update attributed to the importer, and projects them in the same transaction", async () => {
    const outcome = await importRegisterRows(database, world.actors.leadA, file(GOOD), new Date("2026-12-02T10:00:00Z"));
    expect(outcome).toMatchObject({ ok: true, imported: 2 });
    if (!outcome.ok) return;
    const updates = await stored(world.collaboratives.x);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ userId: world.people.leadA.id, collaborativeId: world.collaboratives.x, orgId: null });
    expect([...updates[0]!.rowKeys].sort()).toEqual([...outcome.rowKeys].sort());

    const rows = await projected(world.collaboratives.x);
    // Multi-selects are sets (the document keeps them as keys).
    expect(rows.map((r) => [r.barrier, [...r.characteristics].sort(), [...r.edsOutcomes].sort(), r.status])).toEqual([
      ["Imported one", ["disability", "race"], ["EDS2:1.1", "EDS2:2.3"], "amber"],
      ["Imported two", ["all"], ["EDS2022:1A"], "green"],
    ]);
    expect(rows[0]!.updates).toEqual([expect.objectContaining({ at: "2021-09-01T00:00:00.000Z", authorId: world.people.leadA.id, text: "Started" })]);
    // The document itself holds them: what every open page and the next projection read.
    expect((await documentRows(world.collaboratives.x)).map((r) => r.barrier)).toEqual(["Imported one", "Imported two"]);

    const again = await importRegisterRows(database, world.actors.leadA, file("Barrier\nImported three\n"));
    expect(again).toMatchObject({ ok: true, imported: 1 });
    expect((await projected(world.collaboratives.x)).map((r) => r.barrier)).toEqual(["Imported one", "Imported two", "Imported three"]);
  });

  it("refuses viewers, and touches only the importer's own collaborative", async () => {
    await expect(importRegisterRows(database, world.actors.viewerA, file(GOOD))).rejects.toMatchObject({ status: 403 });
    const before = await stored(world.collaboratives.x);
    expect(await importRegisterRows(database, world.actors.leadB, file("Barrier\nOnly in Y\n"))).toMatchObject({ ok: true, imported: 1 });
    expect(await stored(world.collaboratives.x)).toHaveLength(before.length);
    expect((await projected(world.collaboratives.x)).some((r) => r.barrier === "Only in Y")).toBe(false);
    expect((await projected(world.collaboratives.y)).map((r) => r.barrier)).toEqual(["Only in Y"]);
  });

  // Our exports write a link to an evidence item as its page, "/evidence/<id>": importing the file
  // again links the item again, but only one shared with the collaborative, as the register's
  // picker offers: every member reads the register, so a file cannot plant a link (and the title)
  // of a private item there, the importer's own organisation's included.
  it("links shared evidence items, and refuses private ones (the importer's own too) by line", async () => {
    const shared = await addItem(database, world.actors.leadA, { title: "Our walkabout" });
    await database.db.update(evidenceItems).set({ sharedAt: new Date() }).where(eq(evidenceItems.id, shared));
    const ownPrivate = await addItem(database, world.actors.leadA, { title: "Our private notes" });
    const theirs = await addItem(database, world.actors.leadA2, { title: "Their private notes" });
    for (const [id, title] of [[theirs, "Their notes"], [ownPrivate, "Our notes"]] as const) {
      const refused = await importRegisterRows(database, world.actors.leadA, file(`Barrier,Supporting evidence\nLinked,${title} </evidence/${id}>\n`));
      expect(refused).toEqual({ ok: false, errors: [`Line 2: Supporting evidence: "${title}" is not an evidence item shared with the collaborative (the shared register links only shared items; it may also have been deleted)`] });
    }

    const before = (await projected(world.collaboratives.x)).length;
    const outcome = await importRegisterRows(database, world.actors.leadA, file(`Barrier,Supporting evidence\nLinked,Renamed in the file </evidence/${shared}>; https://example.org/report\n`));
    expect(outcome).toMatchObject({ ok: true, imported: 1 });
    const rows = await projected(world.collaboratives.x);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)!.evidence).toEqual([
      { url: `/evidence/${shared}`, title: "Our walkabout", evidenceId: shared },
      { url: "https://example.org/report", title: "https://example.org/report", evidenceId: null },
    ]);
  });
});
