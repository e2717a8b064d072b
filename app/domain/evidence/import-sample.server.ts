import type { ColumnMapping } from "~/lib/import/map-rows";
import type { Table } from "~/lib/tabular/read-table.server";
import { EVIDENCE_IMPORT_COLUMNS, FINDING_TAG_COLUMNS, RECOMMENDATION_COLUMNS, type CheckedImport } from "./import-items.server";
import { previewFindings, type FindingsPreview } from "./import-findings-preview";
import { previewRecommendations, type RecommendationsPreview } from "./import-recommendations-preview";

/** How many valid rows the check step shows: enough to spot a wrong column, however long the file. */
export const SAMPLE_ROWS = 10;

/**
 * The first valid rows as the check step shows them: the matched columns' cells, except that the
 * Findings column holds the findings as they will be stored (split, each with its kind and tags),
 * so the Finding ... columns, whose numbers only mean something beside it, are not shown raw; and
 * the Recommendations column likewise holds the recommendations with what their columns say.
 */
export function importSample(table: Table, mapping: ColumnMapping, checked: CheckedImport): { headers: string[]; rows: { line: number; cells: (string | FindingsPreview | RecommendationsPreview)[] }[] } {
  const perFinding = new Set(["findingKinds", ...FINDING_TAG_COLUMNS.map((c) => c.key)]);
  const { recommendations, ...perRecommendation } = RECOMMENDATION_COLUMNS;
  const perRecommendationKeys = new Set(Object.values(perRecommendation).map((c) => c.key));
  const folded = (key: string) => (mapping.findings && perFinding.has(key)) || (mapping[recommendations.key] && perRecommendationKeys.has(key));
  const shown = EVIDENCE_IMPORT_COLUMNS.filter((c) => mapping[c.key] && !folded(c.key));
  const values = new Map(checked.valid.map((v) => [v.line, v.value]));
  const rows = table.rows
    .filter((r) => values.has(r.line))
    .slice(0, SAMPLE_ROWS)
    .map((r) => ({
      line: r.line,
      cells: shown.map((c) => (c.key === "findings" ? previewFindings(values.get(r.line)!, checked.tagNames) : c.key === recommendations.key ? previewRecommendations(values.get(r.line)!) : (r.cells[mapping[c.key]!] ?? ""))),
    }));
  return { headers: shown.map((c) => c.label), rows };
}
