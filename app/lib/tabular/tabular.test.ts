import ExcelJS from "exceljs";
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { makeZip } from "../../../tests/support/zip";
import { parseCsv, toCsv } from "./csv";
import { PARSE_LIMITS } from "../workers/parse-in-worker.server";
import { readTable, TableFormatError } from "./read-table.server";
import { readXlsx, toXlsx } from "./xlsx.server";

/** A workbook with these cells (by address) on its first sheet. */
async function workbook(cells: Record<string, string>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("S");
  for (const [address, value] of Object.entries(cells)) sheet.getCell(address).value = value;
  return new Uint8Array(await book.xlsx.writeBuffer());
}

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
  it("gives back text a download neutralised, from CSV and from XLSX", async () => {
    const rows = [["- Access to BSL interpreters", "=1+1", "@home", "+44 151", "'quoted", "it's"]];
    const headers = ["a", "b", "c", "d", "e", "f"];
    const expected = { a: "- Access to BSL interpreters", b: "=1+1", c: "@home", d: "+44 151", e: "'quoted", f: "it's" };
    expect((await readTable("x.csv", new TextEncoder().encode(toCsv(headers, rows)))).rows[0]!.cells).toEqual(expected);
    expect((await readTable("x.xlsx", await toXlsx([{ name: "S", headers, rows }]))).rows[0]!.cells).toEqual(expected);
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

// Reading a sheet used to walk every row for every cell (ExcelJS's columnCount) and to create every
// row and cell up to the last one: a lone far cell hung the server. These come back in about a
// second; the suite's timeout catches a hang (no tighter limit: timings vary with the machine's load).
describe("readTable on workbooks it must not choke on", () => {
  it("reads a cell at row 1,048,576 without creating the rows before it", async () => {
    const table = await readTable("x.xlsx", await workbook({ A1: "Title", B1: "Notes", A1048576: "Far" }));
    expect(table).toEqual({ headers: ["Title", "Notes"], rows: [{ line: 1048576, cells: { Title: "Far", Notes: "" } }] });
  });

  it("refuses a value in a far column, saying where it is", async () => {
    const cells: Record<string, string> = { A1: "Title", XFD3: "stray" };
    for (let row = 2; row <= 500; row++) cells[`A${row}`] = `Row ${row}`;
    await expect(readTable("x.xlsx", await workbook(cells))).rejects.toThrow(/^Line 3 has something in column XFD: a file can have at most 256 columns \(A to IV\)/);
    // Header cells left blank, with something under them, still become columns.
    expect((await readTable("x.xlsx", await workbook({ A1: "Title", A2: "a", C2: "c" }))).headers).toEqual(["Title", "Column 2", "Column 3"]);
  });

  it("refuses more rows than the caller takes, counted before they are read", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => Array.from({ length: 12 }, (_, c) => `Cell ${i}.${c}`));
    const bytes = await toXlsx([{ name: "S", headers: Array.from({ length: 12 }, (_, c) => `Column ${c}`), rows }]);
    await expect(readTable("x.xlsx", bytes, { maxRows: 2000 })).rejects.toThrow("The file has 3,000 rows: import at most 2,000 at a time.");
    await expect(readTable("x.csv", new TextEncoder().encode(`Title\n${"A\n".repeat(5001)}`))).rejects.toThrow("The file has 5,001 rows: import at most 5,000 at a time.");
  });

  it("refuses a workbook that unpacks to too much, before unpacking it", async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${" ".repeat(25 * 1024 * 1024)}</sheetData></worksheet>`;
    const bytes = makeZip([{ name: "xl/worksheets/sheet1.xml", text: sheet }]);
    await expect(readTable("x.xlsx", bytes)).rejects.toThrow(/^The workbook is too big to read once unpacked/);
  });
});

// ExcelJS reads a workbook in one go (1-2 s for a 13 MB sheet), and the collaboration server shares this thread.
describe("readTable reads workbooks in a worker thread", () => {
  /** 3,000 rows of 20 columns of text: a second or so of ExcelJS. */
  const bigWorkbook = () =>
    toXlsx([{ name: "S", headers: Array.from({ length: 20 }, (_, c) => `Column ${c}`), rows: Array.from({ length: 3000 }, (_, r) => Array.from({ length: 20 }, (_, c) => `Row ${r} cell ${c}`)) }]);

  // Not a count of timer ticks: JSZip yields now and then, so a timer still ticks a few dozen times
  // while ExcelJS reads on this thread. What changes is how much of the read the thread is busy.
  it("leaves the event loop free while a big workbook is read", { timeout: 60_000 }, async () => {
    const bytes = await bigWorkbook();
    const before = performance.eventLoopUtilization();
    const table = await readTable("x.xlsx", bytes);
    // The share of the read this thread spent running code rather than waiting for events:
    // about 0.04 with the worker, 0.99 without.
    expect(performance.eventLoopUtilization(before).utilization).toBeLessThan(0.5);
    expect(table.rows).toHaveLength(3000);
    expect(table.rows[2999]).toEqual({ line: 3001, cells: Object.fromEntries(Array.from({ length: 20 }, (_, c) => [`Column ${c}`, `Row 2999 cell ${c}`])) });
  });

  it("stops a read that runs past its time, or out of memory, with a clear message, and reads the next", { timeout: 60_000 }, async () => {
    const bytes = await bigWorkbook();
    await expect(readTable("x.xlsx", bytes, { limits: { ...PARSE_LIMITS, timeoutMs: 1 } })).rejects.toThrow("The workbook took too long to read. Save it as CSV, or import it in parts.");
    await expect(readTable("x.xlsx", bytes, { limits: { ...PARSE_LIMITS, heapMb: 32 } })).rejects.toThrow("The workbook needs too much memory to read. Save it as CSV, or import it in parts.");
    expect((await readTable("x.xlsx", bytes)).rows).toHaveLength(3000);
  });
});
