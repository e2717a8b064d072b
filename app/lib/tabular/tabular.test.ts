import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";
import { readTable, TableFormatError } from "./read-table.server";
import { readXlsx, toXlsx } from "./xlsx.server";

describe("CSV", () => {
  it("quotes what needs quoting and neutralises formulas", () => {
    const csv = toCsv(["a", "b"], [["x,y", 'say "hi"'], ["=SUM(A1)", "-1"], [3, null]]);
    expect(csv).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),\'-1\r\n3,\r\n');
  });
  it("round-trips through the parser", () => {
    expect(parseCsv(toCsv(["h"], [["line\nbreak"]]))).toEqual([["h"], ["line\nbreak"]]);
  });
});

describe("readTable", () => {
  it("reads CSV with line numbers that match the file, skipping blank rows", async () => {
    const bytes = new TextEncoder().encode("Title,Date\nA,2024-01-01\n,\nB,2024-02-01\n");
    const table = await readTable("x.csv", bytes);
    expect(table.headers).toEqual(["Title", "Date"]);
    expect(table.rows).toEqual([
      { line: 2, cells: { Title: "A", Date: "2024-01-01" } },
      { line: 4, cells: { Title: "B", Date: "2024-02-01" } },
    ]);
  });
  it("reads XLSX written by toXlsx", async () => {
    const bytes = await toXlsx([{ name: "S", headers: ["Title", "Count"], rows: [["A", 1], ["B", 2]] }]);
    expect(await readXlsx(bytes)).toEqual([["Title", "Count"], ["A", "1"], ["B", "2"]]);
    const table = await readTable("x.xlsx", bytes);
    expect(table.rows[1]).toEqual({ line: 3, cells: { Title: "B", Count: "2" } });
  });
  it("refuses other files with a clear message", async () => {
    await expect(readTable("x.pdf", new Uint8Array([1, 2]))).rejects.toThrow(TableFormatError);
    await expect(readTable("x.csv", new Uint8Array())).rejects.toThrow(/empty/);
  });
});
