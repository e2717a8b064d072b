import { calendarDate } from "~/lib/dates";
import type { Table } from "~/lib/tabular/read-table.server";

/**
 * Reusable import helpers: map a spreadsheet's columns to the fields a feature imports, then
 * validate every row with its spreadsheet line number. The evidence import uses them; the barrier
 * register and objective plans can import tables the same way.
 */
export interface ImportColumn {
  key: string;
  label: string;
  required?: boolean;
  hint?: string;
  /** Header texts that map to this column automatically (compared case- and punctuation-insensitively). */
  aliases?: string[];
}

/** Field key -> header name ("" for not imported). */
export type ColumnMapping = Record<string, string>;

export type RowResult<T> = { ok: true; value: T } | { ok: false; reasons: string[] };

export interface ValidatedRows<T> {
  valid: { line: number; value: T }[];
  invalid: { line: number; reasons: string[] }[];
}

const simplify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");

/** A first guess at the mapping from the headers' names. */
export function guessMapping(headers: string[], columns: ImportColumn[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const column of columns) {
    const names = [column.label, column.key, ...(column.aliases ?? [])].map(simplify);
    mapping[column.key] = headers.find((h) => names.includes(simplify(h))) ?? "";
  }
  return mapping;
}

/** The mapping as submitted (fields named `map-<key>`), keeping only headers that exist. */
export function readMapping(formData: FormData, headers: string[], columns: ImportColumn[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const column of columns) {
    const header = String(formData.get(`map-${column.key}`) ?? "");
    mapping[column.key] = headers.includes(header) ? header : "";
  }
  return mapping;
}

/** Problems with the mapping itself, keyed by form field. */
export function mappingErrors(mapping: ColumnMapping, columns: ImportColumn[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const column of columns) {
    if (column.required && !mapping[column.key]) errors[`map-${column.key}`] = `Choose the column that holds ${column.label.toLowerCase()}`;
  }
  return errors;
}

/** Runs `validate` over every row, with the row's cells keyed by field. */
export function validateRows<T>(table: Table, mapping: ColumnMapping, columns: ImportColumn[], validate: (cells: Record<string, string>) => RowResult<T>): ValidatedRows<T> {
  const result: ValidatedRows<T> = { valid: [], invalid: [] };
  for (const row of table.rows) {
    const cells: Record<string, string> = {};
    for (const column of columns) cells[column.key] = mapping[column.key] ? (row.cells[mapping[column.key]!] ?? "").trim() : "";
    const missing = columns.filter((c) => c.required && !cells[c.key]).map((c) => `${c.label} is empty`);
    const checked = validate(cells);
    const reasons = [...missing, ...(checked.ok ? [] : checked.reasons)];
    if (reasons.length) result.invalid.push({ line: row.line, reasons });
    else if (checked.ok) result.valid.push({ line: row.line, value: checked.value });
  }
  return result;
}

/** Dates as people type them in trackers: 2024-03-01, 01/03/2024 (UK order), 1/3/24. Null when unreadable. */
export function parseUkDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  let y: number, m: number, d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3]!.length === 2 ? `20${uk[3]}` : uk[3])];
  else return null;
  return calendarDate(y, m, d);
}
