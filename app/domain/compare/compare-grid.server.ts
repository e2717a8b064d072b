import type { Database } from "#db/client";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { allOutcomes, assessmentResults, scaleColour, scaleLabel, type FrameworkShape } from "~/policies/assessment-results";
import { formatScore } from "~/policies/eds2022-scoring";
import { yearLabel } from "~/policies/grading";
import { ORGANISATION_TYPE_LABELS } from "~/lib/labels";
import { VIEW_FILTERS, type CompareFilters } from "./compare-filters";
import { FRAMEWORK_LABELS } from "./compare-filters";
import { loadYear } from "./load-year.server";
import type { ScreenCell, ScreenTable } from "./screen-table";

export interface GridView {
  filters: CompareFilters;
  years: number[];
  notices: string[];
  table: ScreenTable | null;
}

/** The text of one grade cell: EDS 2022 scores keep their number beside the label. */
export function gradeText(framework: FrameworkShape, value: number | null): string {
  if (value === null) return "Not graded";
  // A Domain 1 median between two points already carries its number ("1.5 (between ...)").
  return framework.code === "EDS2022" && Number.isInteger(value) ? `${value} ${scaleLabel(framework, value)}` : scaleLabel(framework, value);
}

/** View 1: organisations x outcomes for one framework and year, published grades only. */
export async function compareGrid(database: Database, actor: Actor, input: CompareFilters): Promise<GridView> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const { framework, years, filters, bands, published, notices } = await loadYear(tx, actor, input, VIEW_FILTERS.grid);
    // No table when nothing is published, or nothing by the organisation type chosen (the page says which).
    if (filters.year === null || published.length === 0) return { filters, years, notices, table: null };
    const outcomes = allOutcomes(framework);
    const rows = published.map((a) => {
      const results = assessmentResults(framework, a.grades, a.services, bands);
      const overall = framework.code === "EDS2022" ? results.eds2022!.overall : results.eds2!.overall;
      const href = (anchor: string) => `/grading/${a.id}#${anchor}`;
      const overallCell: ScreenCell =
        framework.code === "EDS2022"
          ? { text: overall === null ? "Not scored" : `${formatScore(overall)} ${results.eds2022!.band?.label ?? ""}`.trim(), colour: results.eds2022!.band?.colour, href: href("overall") }
          : { text: gradeText(framework, overall), colour: scaleColour(framework, overall), href: href("overall") };
      return {
        key: a.id,
        sort: { org: a.orgName, overall: overall ?? -1, ...Object.fromEntries(outcomes.map((o) => [o.code, results.outcomeValues[o.id] ?? -1])) } as Record<string, string | number>,
        cells: [
          { text: a.orgName, href: href("grades") },
          { text: ORGANISATION_TYPE_LABELS[a.orgType] },
          ...outcomes.map((o) => {
            const v = results.outcomeValues[o.id] ?? null;
            return { text: gradeText(framework, v), colour: scaleColour(framework, v), href: href(`outcome-${o.code}`) };
          }),
          overallCell,
        ],
      };
    });
    const key = ["org", "overall", ...outcomes.map((o) => o.code)].includes(filters.sort) ? filters.sort : "org";
    rows.sort((x, y) => {
      const a = x.sort[key]!;
      const b = y.sort[key]!;
      const c = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
      return (filters.dir === "desc" ? -c : c) || String(x.sort.org).localeCompare(String(y.sort.org));
    });
    const overallHeader = framework.code === "EDS2022" ? "Overall score and rating" : `Overall grade (${framework.aggregationRule} rule)`;
    return {
      filters: { ...filters, sort: key },
      years,
      notices,
      table: {
        caption: `${FRAMEWORK_LABELS[filters.framework]} published grades, ${yearLabel(filters.year)}${filters.orgType ? `, ${ORGANISATION_TYPE_LABELS[filters.orgType]}` : ""}`,
        headers: ["Organisation", "Type", ...outcomes.map((o) => `${o.code} ${o.title}`), overallHeader],
        sortKeys: ["org", null, ...outcomes.map((o) => o.code), "overall"],
        rows: rows.map(({ key: k, cells }) => ({ key: k, cells })),
        notes:
          framework.code === "EDS2022"
            ? ["Domain 1 outcomes show the median score across the services each organisation assessed."]
            : [`Overall grade: ${framework.aggregationDescription}`],
      },
    };
  });
}
