import type { ImportRecommendation, ImportRow } from "./import-items.server";
import { cut, PREVIEW_FINDINGS } from "./import-findings-preview";

/** A row's recommendations for the check step, as they will be stored; `count` is all of them, `recommendations` the first few (texts cut). */
export interface RecommendationsPreview {
  count: number;
  recommendations: Omit<ImportRecommendation, "addressedToOrgId">[];
}

/**
 * What the import will store of a row's recommendations: each text (split as the Findings column
 * is), whom it is addressed to by the collaborative's name for them, its response due date and the
 * response recorded, so a person sees which line of the numbered columns went to which.
 */
export function previewRecommendations(row: Pick<ImportRow, "recommendations">): RecommendationsPreview {
  return {
    count: row.recommendations.length,
    recommendations: row.recommendations.slice(0, PREVIEW_FINDINGS).map((r) => ({ text: cut(r.text), addressedTo: r.addressedTo, responseDue: r.responseDue, response: cut(r.response) })),
  };
}
