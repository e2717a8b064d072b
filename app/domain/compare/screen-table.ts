import type { Cell } from "~/lib/tabular/csv";

/**
 * A comparison table as the screen shows it. The export is made from the same object (cell text
 * only), so what is downloaded is exactly what is on the screen.
 */
export interface ScreenCell {
  text: string;
  /** A second cue only: the text always says the same. */
  colour?: string;
  /** Drill-down to the grade's rationale. */
  href?: string;
  /** A bar length from 0 to 1 (charts are the second cue). */
  bar?: number;
}

export interface ScreenTable {
  caption: string;
  headers: string[];
  /** Headers that sort the table when chosen (their sort keys), by column index. */
  sortKeys?: (string | null)[];
  /** The first cell of each row is its row header. */
  rows: { key: string; cells: ScreenCell[] }[];
  notes?: string[];
}

export function exportRows(table: ScreenTable): { headers: string[]; rows: Cell[][] } {
  return { headers: table.headers, rows: table.rows.map((r) => r.cells.map((c) => c.text)) };
}
