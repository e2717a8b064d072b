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

/** The first worksheet's rows as text (dates as YYYY-MM-DD, formulas as their results). */
export async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = workbook.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(ws.columnCount, row.cellCount); c++) cells.push(xlsxCellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
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
