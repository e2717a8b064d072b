import ExcelJS from "exceljs";
import { cellText, neutraliseFormula, type Cell } from "./csv";

export interface Sheet {
  name: string;
  headers: string[];
  rows: Cell[][];
}

/** An .xlsx workbook: a bold, frozen header row, widths fitted to the content, values as text or numbers. */
export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PEFF";
  workbook.created = new Date();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31).replace(/[\\/?*[\]:]/g, " "), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(sheet.headers).font = { bold: true };
    for (const row of sheet.rows) {
      ws.addRow(row.map((v) => (typeof v === "number" ? v : v instanceof Date ? v : neutraliseFormula(cellText(v)))));
    }
    ws.columns.forEach((column, i) => {
      const longest = Math.max(sheet.headers[i]?.length ?? 0, ...sheet.rows.map((r) => Math.min(60, cellText(r[i]).length)));
      column.width = Math.max(8, longest + 2);
      column.alignment = { wrapText: true, vertical: "top" };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A row of a sheet: its line number in the spreadsheet, and its cells as text (a hole where a cell is empty). */
export interface NumberedRow {
  line: number;
  cells: string[];
}

/** The first worksheet of a workbook, loaded but not yet read; null when the workbook has none. */
export async function loadFirstSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet | null> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets[0] ?? null;
}

/**
 * An uploaded workbook's first sheet, as `sheetRows` reads it; or, when it has more than `maxRows`
 * rows besides the header, how many, found before the rows are read. Runs in the parse worker
 * (`readTable` sends it there): ExcelJS loads a workbook in one go, 1-2 s for a 13 MB sheet.
 */
export async function readFirstSheet({ bytes, maxRows }: { bytes: Uint8Array; maxRows: number }): Promise<NumberedRow[] | { tooMany: number }> {
  const sheet = await loadFirstSheet(bytes);
  if (!sheet) return [];
  // Rows holding anything, less the header: what the count after reading will be, bar rows of spaces.
  const rows = sheet.actualRowCount - 1;
  if (rows > maxRows) return { tooMany: rows };
  return sheetRows(sheet);
}

/**
 * The sheet's rows that hold something, as text (dates as YYYY-MM-DD, formulas as their results).
 * Only the rows and cells the file holds are visited, in one pass: `getRow`/`getCell` create every
 * row or cell up to the one asked for (a lone cell at row 1,048,576 means a million of them), and
 * `columnCount` walks every row each time it is read (once per cell, it made reading quadratic).
 */
export function sheetRows(ws: ExcelJS.Worksheet): NumberedRow[] {
  const rows: NumberedRow[] = [];
  ws.eachRow((row, line) => {
    const cells: string[] = [];
    row.eachCell((cell, column) => {
      cells[column - 1] = xlsxCellText(cell.value);
    });
    rows.push({ line, cells });
  });
  return rows;
}

/**
 * The first worksheet's rows as text, blank rows included and every row as wide as the widest.
 * For files we wrote (tests compare exports with it); uploads go through `readTable`, which is
 * bounded by the rows that hold something.
 */
export async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const ws = await loadFirstSheet(bytes);
  const rows = ws ? sheetRows(ws) : [];
  const width = rows.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const grid = Array.from({ length: rows.at(-1)?.line ?? 0 }, () => Array<string>(width).fill(""));
  for (const { line, cells } of rows) cells.forEach((text, c) => (grid[line - 1]![c] = text));
  return grid;
}

function xlsxCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return xlsxCellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value);
}
