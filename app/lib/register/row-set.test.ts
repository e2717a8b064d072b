import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendRows, readRows, rowsOf } from "./model";
import { rowSet } from "./row-set";

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe("a row's multi-select", () => {
  it("keeps both people's ticks when they tick different boxes at once", () => {
    const a = new Y.Doc();
    const [key] = appendRows(a, [{ barrier: "Access", characteristics: ["race"] }]);
    const b = new Y.Doc();
    sync(a, b);
    rowSet(rowsOf(a).get(key!)!, "characteristics").add("disability");
    rowSet(rowsOf(b).get(key!)!, "characteristics").add("sex");
    rowSet(rowsOf(b).get(key!)!, "characteristics").remove("race");
    sync(a, b);
    expect(readRows(a)[0]!.characteristics).toEqual(["disability", "sex"]);
    expect(readRows(b)[0]!.characteristics).toEqual(["disability", "sex"]);
  });

  it("is stored as flat keys on the row, and tells observers of its own changes only", () => {
    const doc = new Y.Doc();
    const [key] = appendRows(doc, [{ barrier: "Access", themes: ["interpreting"] }]);
    const row = rowsOf(doc).get(key!)!;
    expect(row.get("themes:interpreting")).toBe(true);
    const seen: string[][] = [];
    const stop = rowSet(row, "themes").observe(() => seen.push(rowSet(row, "themes").values()));
    rowSet(row, "edsOutcomes").add("1A");
    rowSet(row, "themes").add("digital: access");
    stop();
    rowSet(row, "themes").add("unseen");
    expect(seen).toEqual([["interpreting", "digital: access"]]);
    expect(readRows(doc)[0]!.edsOutcomes).toEqual(["1A"]);
  });

  it("reads and writes the nested Y.Map of rows written before", () => {
    const doc = new Y.Doc();
    const [key] = appendRows(doc, [{ barrier: "Older row" }]);
    const row = rowsOf(doc).get(key!)!;
    const nested = new Y.Map<boolean>();
    row.set("psedAims", nested);
    nested.set("foster", true);
    rowSet(row, "psedAims").add("advance");
    expect([...nested.keys()].sort()).toEqual(["advance", "foster"]);
    expect(readRows(doc)[0]!.psedAims).toEqual(["advance", "foster"]);
  });
});
