import { parseCsv } from "./csv";
import { readXlsx } from "./xlsx.server";

export interface TableRow {
  /** The row's line number as the person sees it in their spreadsheet (the header is line 1). */
  line: number;
  cells: Record<string, string>;
}

export interface Table {
  headers: string[];
  rows: TableRow[];
}

export class TableFormatError extends Error {}

/**
 * Reads an uploaded CSV or XLSX into a header row and data rows keyed by header. Blank rows are
 * skipped but keep the line numbers of those that follow, so error messages match the file.
 */
export async function readTable(filename: string, bytes: Uint8Array): Promise<Table> {
  const lower = filename.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // XLSX is a zip
  let grid: string[][];
  if (lower.endsWith(".xlsx") || isZip) {
    try {
      grid = await readXlsx(bytes);
    } catch {
      throw new TableFormatError("The file could not be read as an Excel workbook (.xlsx). Save it again as .xlsx or CSV.");
    }
  } else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
    try {
      grid = parseCsv(new TextDecoder("utf-8").decode(bytes));
    } catch (error) {
      throw new TableFormatError(`The CSV file could not be read: ${(error as Error).message}`);
    }
  } else {
    throw new TableFormatError("Choose a CSV (.csv) or Excel (.xlsx) file.");
  }
  const headerIndex = grid.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (headerIndex < 0) throw new TableFormatError("The file is empty.");
  const headers = grid[headerIndex]!.map((h, i) => h.trim() || `Column ${i + 1}`);
  const seen = new Set<string>();
  const unique = headers.map((h) => {
    let name = h;
    for (let n = 2; seen.has(name); n++) name = `${h} (${n})`;
    seen.add(name);
    return name;
  });
  const rows: TableRow[] = [];
  grid.slice(headerIndex + 1).forEach((r, i) => {
    if (!r.some((c) => c.trim() !== "")) return;
    const cells: Record<string, string> = {};
    unique.forEach((h, c) => (cells[h] = (r[c] ?? "").trim()));
    rows.push({ line: headerIndex + i + 2, cells });
  });
  return { headers: unique, rows };
}
