import { parse } from "csv-parse/sync";

export type Cell = string | number | boolean | null | undefined | Date;

/**
 * A spreadsheet opening an exported CSV treats a cell starting with = + - @ (or a tab/CR) as a
 * formula. Exports carry community text, so such cells get a leading apostrophe (OWASP's advice).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The inverse, for imports: a cell read back from one of our downloads (or from Excel, which
 * keeps the apostrophe as text when it opens our CSV) loses the apostrophe the download added,
 * so "- Access to BSL interpreters" comes back as typed, not as "'- Access ...". Someone who
 * types a leading apostrophe before = + - @ in a spreadsheet gets none in the cell either.
 */
export function restoreNeutralised(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** RFC 4180 CSV with a BOM (so Excel reads UTF-8) and CRLF line ends. */
export function toCsv(headers: string[], rows: Cell[][]): string {
  const quote = (value: Cell) => {
    const text = neutraliseFormula(cellText(value));
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return "\uFEFF" + [headers, ...rows].map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}

/** Rows of a CSV file as text cells; a leading BOM is ignored, ragged rows are allowed. */
export function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
}
