import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendRows, encodeRegister, readRows, rowsOf, touchedRowKeys } from "./model";

const update = { at: "2021-09-01T00:00:00.000Z", authorId: null, authorName: "Equality lead (LUHFT)", text: "Update September 2021: interpreters booked." };
const link = { url: "https://example.org/report", title: "Healthwatch report", evidenceId: null };

describe("the register document", () => {
  it("round-trips a row's fields through the encoded state", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, encodeRegister([{ key: "r1", barrier: "Access", characteristics: ["race", "disability"], evidence: [link], updates: [update], status: "blue" }]));
    expect(readRows(doc)).toEqual([
      expect.objectContaining({ key: "r1", position: 1, barrier: "Access", characteristics: ["disability", "race"], evidence: [link], updates: [update], status: "blue" }),
    ]);
  });

  it("stores log entries and links as plain entries, and still reads the Y.Map entries of older registers", () => {
    const doc = new Y.Doc();
    const [key] = appendRows(doc, [{ barrier: "Interpreters", updates: [update] }]);
    const row = rowsOf(doc).get(key!)!;
    expect((row.get("updates") as Y.Array<unknown>).get(0)).not.toBeInstanceOf(Y.Map);
    // As rows were written before: a Y.Map per entry.
    const older = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ ...update, text: "Older entry" })) older.set(k, v);
    const olderLink = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(link)) olderLink.set(k, v);
    (row.get("updates") as Y.Array<unknown>).push([older]);
    (row.get("evidence") as Y.Array<unknown>).push([olderLink]);
    const [read] = readRows(doc);
    expect(read!.updates.map((u) => u.text)).toEqual([update.text, "Older entry"]);
    expect(read!.evidence).toEqual([link]);
  });

  it("finds the rows a transaction touched, also in a copy that has not read its rows yet (a server's)", () => {
    const author = new Y.Doc();
    const [added] = appendRows(author, [{ barrier: "First row" }]);
    const copy = new Y.Doc();
    const seen: string[][] = [];
    copy.on("afterTransaction", (tr: Y.Transaction) => seen.push(touchedRowKeys(tr, copy)));
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(author));
    rowsOf(author).get(added!)!.set("status", "green");
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(author, Y.encodeStateVector(copy)));
    expect(seen).toEqual([[added], [added]]);
    expect(readRows(copy)[0]).toMatchObject({ key: added, status: "green" });
  });
});
