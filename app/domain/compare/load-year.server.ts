import type { Tx } from "#db/client";
import type { Actor } from "~/domain/auth/actor";
import { loadBands, loadFrameworks } from "~/domain/grading/load-framework.server";
import type { FrameworkShape } from "~/policies/assessment-results";
import type { RatingBand } from "~/policies/eds2022-scoring";
import { filterNotices, type CompareFilters, type FilterUse } from "./compare-filters";
import { loadPublished, publishedYears, type PublishedAssessment } from "./load-published.server";

export interface YearData {
  framework: FrameworkShape;
  /** Years with published assessments, newest first. */
  years: number[];
  /** The filters with the year settled: the one asked for if it has published grades, else the newest. */
  filters: CompareFilters & { year: number | null };
  bands: (RatingBand & { source: string })[];
  bandSet: string;
  published: PublishedAssessment[];
  /** What the page says about filters it could not use (filterNotices). */
  notices: string[];
}

/** What the one-framework, one-year views (grid, bands, spread) start from, in one place. */
export async function loadYear(tx: Tx, actor: Actor, input: CompareFilters, use: FilterUse): Promise<YearData> {
  const [framework] = await loadFrameworks(tx, { codes: [input.framework] });
  const years = await publishedYears(tx, actor.active.collaborativeId, framework!.id);
  const filters = { ...input, year: input.year && years.includes(input.year) ? input.year : (years[0] ?? null) };
  const { bands, bandSet } = await loadBands(tx, actor.active.collaborativeId);
  const published =
    filters.year === null
      ? []
      : await loadPublished(tx, {
          collaborativeId: actor.active.collaborativeId,
          frameworkIds: [framework!.id],
          years: [filters.year],
          orgType: filters.orgType ?? undefined,
        });
  const notices = filterNotices(input, { framework: input.framework, year: filters.year, years }, use);
  return { framework: framework!, years, filters, bands, bandSet, published, notices };
}
