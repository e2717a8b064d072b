import type { ColumnMapping } from "~/lib/import/map-rows";
import type { Table } from "~/lib/tabular/read-table.server";
import { EVIDENCE_IMPORT_COLUMNS, FINDING_TAG_COLUMNS, type CheckedImport } from "./import-items.server";
import { previewFindings, type FindingsPreview } from "./import-findings-preview";

/** How many valid rows the check step shows: enough to spot a wrong column, however long the file. */
export const SAMPLE_ROWS = 10;

/**
 * The first valid rows as the check step shows them: the matched columns' cells, except that the
 * Findings column holds the findings as they will be stored (split, with each finding's tags), so
 * the four Finding ... columns, whose numbers only mean something beside it, are not shown raw.
 */
export function importSample(table: Table, mapping: ColumnMapping, checked: CheckedImport): { headers: string[]; rows: { line: number; cells: (string | FindingsPreview)[] }[] } {
  const perFinding = new Set(FINDING_TAG_COLUMNS.map((c) => c.key));
  const shown = EVIDENCE_IMPORT_COLUMNS.filter((c) => mapping[c.key] && !(mapping.findings && perFinding.has(c.key)));
  const values = new Map(checked.valid.map((v) => [v.line, v.value]));
  const rows = table.rows
    .filter((r) => values.has(r.line))
    .slice(0, SAMPLE_ROWS)
    .map((r) => ({ line: r.line, cells: shown.map((c) => (c.key === "findings" ? previewFindings(values.get(r.line)!, checked.tagNames) : (r.cells[mapping[c.key]!] ?? ""))) }));
  return { headers: shown.map((c) => c.label), rows };
}
