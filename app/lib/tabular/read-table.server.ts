import { checkZipSize } from "~/lib/uploads/zip-size.server";
import { parseInWorker, ParseLimitError, type WorkerLimits } from "~/lib/workers/parse-in-worker.server";
import { parseCsv, restoreNeutralised } from "./csv";
import type { NumberedRow } from "./xlsx.server";

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

/** The most data rows any import takes (the evidence import's); a caller can ask for fewer. */
export const MAX_TABLE_ROWS = 5000;

/** Columns A to IV: more than any tracker has, and it keeps rows × columns small whatever is in a far cell. */
export const MAX_TABLE_COLUMNS = 256;

/**
 * Reads an uploaded CSV or XLSX into a header row and data rows keyed by header. Blank rows are
 * skipped but keep the line numbers of those that follow, so error messages match the file. A
 * file with more than `maxRows` data rows is refused, for a workbook before its rows are read.
 * `limits` bound the worker that reads a workbook (PARSE_LIMITS unless a test passes others).
 */
export async function readTable(filename: string, bytes: Uint8Array, options: { maxRows?: number; limits?: WorkerLimits } = {}): Promise<Table> {
  const maxRows = options.maxRows ?? MAX_TABLE_ROWS;
  const lower = filename.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // XLSX is a zip
  let numbered: NumberedRow[];
  if (lower.endsWith(".xlsx") || isZip) {
    numbered = await readWorkbook(bytes, maxRows, options.limits);
  } else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
    try {
      numbered = parseCsv(new TextDecoder("utf-8").decode(bytes)).map((cells, i) => ({ line: i + 1, cells }));
    } catch (error) {
      throw new TableFormatError(`The CSV file could not be read: ${(error as Error).message}`);
    }
  } else {
    throw new TableFormatError("Choose a CSV (.csv) or Excel (.xlsx) file.");
  }
  const [header, ...data] = numbered.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (!header) throw new TableFormatError("The file is empty.");
  if (data.length > maxRows) throw new TableFormatError(tooManyRows(data.length, maxRows));
  let width = 0;
  for (const row of [header, ...data]) {
    const used = usedWidth(row.cells);
    if (used > MAX_TABLE_COLUMNS) {
      throw new TableFormatError(`Line ${row.line} has something in column ${columnLetters(used)}: a file can have at most ${MAX_TABLE_COLUMNS} columns (A to ${columnLetters(MAX_TABLE_COLUMNS)}). Delete what is beyond them and try again.`);
    }
    width = Math.max(width, used);
  }
  const seen = new Set<string>();
  const headers = Array.from({ length: width }, (_, i) => {
    const h = (header.cells[i] ?? "").trim() || `Column ${i + 1}`;
    let name = h;
    for (let n = 2; seen.has(name); n++) name = `${h} (${n})`;
    seen.add(name);
    return name;
  });
  const rows = data.map(({ line, cells: row }) => {
    const cells: Record<string, string> = {};
    headers.forEach((h, c) => (cells[h] = restoreNeutralised(row[c] ?? "").trim()));
    return { line, cells };
  });
  return { headers, rows };
}

const tooManyRows = (rows: number, max: number) => `The file has ${rows.toLocaleString("en-GB")} rows: import at most ${max.toLocaleString("en-GB")} at a time.`;

const UNREADABLE = "The file could not be read as an Excel workbook (.xlsx). Save it again as .xlsx or CSV.";

/** Why reading a workbook was stopped, as the person who uploaded it is told. */
const STOPPED: Record<ParseLimitError["reason"], string> = {
  timeout: "The workbook took too long to read. Save it as CSV, or import it in parts.",
  memory: "The workbook needs too much memory to read. Save it as CSV, or import it in parts.",
  crashed: "The workbook could not be read: the reader stopped unexpectedly. Try again, or save it as CSV.",
};

/**
 * The first sheet's rows that hold something. The zip is sized up before ExcelJS unpacks it, and
 * the rows are counted before they are read, so neither a zip bomb nor a huge sheet gets far.
 * ExcelJS runs in a worker thread, bounded in memory and time, while this thread serves others.
 */
async function readWorkbook(bytes: Uint8Array, maxRows: number, limits?: WorkerLimits): Promise<NumberedRow[]> {
  const size = await checkZipSize(bytes);
  if (size === "too-large") throw new TableFormatError("The workbook is too big to read once unpacked (images and formatting count too). Save it as CSV, or import it in parts.");
  if (size !== "ok") throw new TableFormatError(UNREADABLE);
  const sheet = await parseInWorker("xlsx", { bytes, maxRows }, limits).catch((error: unknown) => {
    throw new TableFormatError(error instanceof ParseLimitError ? STOPPED[error.reason] : UNREADABLE);
  });
  if (!Array.isArray(sheet)) throw new TableFormatError(tooManyRows(sheet.tooMany, maxRows));
  return sheet;
}

/** How many columns a row spans up to its last cell with something in it. */
function usedWidth(cells: string[]): number {
  let n = cells.length;
  while (n > 0 && !cells[n - 1]?.trim()) n--;
  return n;
}

/** A column's name as a spreadsheet shows it: 1 is A, 27 is AA, 256 is IV. */
function columnLetters(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
