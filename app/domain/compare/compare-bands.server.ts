import type { Database } from "#db/client";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { ORGANISATION_TYPE_LABELS } from "~/lib/labels";
import { assessmentResults } from "~/policies/assessment-results";
import { formatScore, type RatingBand } from "~/policies/eds2022-scoring";
import { yearLabel } from "~/policies/grading";
import { VIEW_FILTERS, type CompareFilters } from "./compare-filters";
import { loadYear } from "./load-year.server";
import type { ScreenTable } from "./screen-table";

export interface BandsView {
  filters: CompareFilters;
  years: number[];
  notices: string[];
  bandSet: string;
  bands: (RatingBand & { source: string })[];
  table: ScreenTable | null;
}

const MAX_SCORE = 33;

/** View 3: EDS 2022 overall scores against the collaborative's rating bands, with the domain breakdown. */
export async function compareBands(database: Database, actor: Actor, input: CompareFilters): Promise<BandsView> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const { framework, years, filters, bands, bandSet, published, notices } = await loadYear(tx, actor, { ...input, framework: "EDS2022" }, VIEW_FILTERS.bands);
    // No table when nothing is published, or nothing by the organisation type chosen (the page says which).
    if (filters.year === null || published.length === 0) return { filters, years, notices, bands, bandSet, table: null };
    const rows = published
      .map((a) => ({ a, r: assessmentResults(framework, a.grades, a.services, bands).eds2022! }))
      .sort((x, y) => (y.r.overall ?? -1) - (x.r.overall ?? -1) || x.a.orgName.localeCompare(y.a.orgName))
      .map(({ a, r }) => ({
        key: a.id,
        cells: [
          { text: a.orgName, href: `/grading/${a.id}#overall` },
          { text: ORGANISATION_TYPE_LABELS[a.orgType] },
          { text: `${formatScore(r.domains[0]!.score)} (median of ${r.services.length} ${r.services.length === 1 ? "service" : "services"})`, href: `/grading/${a.id}#domain-1` },
          { text: formatScore(r.domains[1]!.score), href: `/grading/${a.id}#domain-2` },
          { text: formatScore(r.domains[2]!.score), href: `/grading/${a.id}#domain-3` },
          { text: formatScore(r.overall), bar: r.overall === null ? 0 : r.overall / MAX_SCORE, colour: r.band?.colour },
          { text: r.band?.label ?? "No band", colour: r.band?.colour, href: `/grading/${a.id}#overall` },
        ],
      }));
    return {
      filters,
      years,
      notices,
      bands,
      bandSet,
      table: {
        caption: `EDS 2022 overall scores, ${yearLabel(filters.year)}, highest first`,
        headers: ["Organisation", "Type", "Domain 1 (0-12)", "Domain 2 (0-12)", "Domain 3 (0-9)", "Overall (0-33)", "Rating band"],
        rows,
        notes: [`Bands: ${bands.map((b) => `${b.label} ${b.minScore}-${b.maxScore}`).join("; ")} (band set "${bandSet}": ${bands[0]?.source ?? ""}).`],
      },
    };
  });
}
