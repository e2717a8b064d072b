import type { Database } from "#db/client";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { ORGANISATION_TYPE_LABELS } from "~/lib/labels";
import { allOutcomes, assessmentResults } from "~/policies/assessment-results";
import { yearLabel } from "~/policies/grading";
import { FRAMEWORK_LABELS, VIEW_FILTERS, type CompareFilters } from "./compare-filters";
import { loadYear } from "./load-year.server";
import type { ScreenTable } from "./screen-table";

export interface SpreadView {
  filters: CompareFilters;
  years: number[];
  notices: string[];
  table: ScreenTable | null;
}

/**
 * View 4: the spread of grades per outcome across the collaborative, weakest outcomes first (the
 * share graded Undeveloped or Developing). Domain 1 medians between two points count toward the lower.
 */
export async function compareSpread(database: Database, actor: Actor, input: CompareFilters): Promise<SpreadView> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const { framework, years, filters, bands, published, notices } = await loadYear(tx, actor, input, VIEW_FILTERS.spread);
    // No table when nothing is published, or nothing by the organisation type chosen (the page says which).
    if (filters.year === null || published.length === 0) return { filters, years, notices, table: null };
    const values = published.map((a) => assessmentResults(framework, a.grades, a.services, bands).outcomeValues);
    const scale = framework.scale;
    const query = (sort: string) => `/compare/grid?framework=${framework.code}&year=${filters.year}${filters.orgType ? `&orgType=${filters.orgType}` : ""}&sort=${sort}`;
    const rows = allOutcomes(framework)
      .map((o) => {
        const graded = values.map((v) => v[o.id]).filter((v): v is number => v !== null && v !== undefined);
        const counts = scale.map((p) => graded.filter((v) => Math.floor(v) === p.value).length);
        const weak = graded.length ? (counts[0]! + counts[1]!) / graded.length : 0;
        return { o, graded, counts, weak };
      })
      .sort((x, y) => y.weak - x.weak || x.o.code.localeCompare(y.o.code, "en", { numeric: true }))
      .map(({ o, graded, counts, weak }) => ({
        key: o.id,
        cells: [
          { text: `${o.code} ${o.title}`, href: query(o.code) },
          ...counts.map((n, i) => ({
            text: `${n} (${graded.length ? Math.round((100 * n) / graded.length) : 0}%)`,
            colour: scale[i]!.colour,
            bar: graded.length ? n / graded.length : 0,
            href: query(o.code),
          })),
          { text: String(graded.length) },
          { text: `${Math.round(weak * 100)}%` },
        ],
      }));
    return {
      filters,
      years,
      notices,
      table: {
        caption: `Spread of ${FRAMEWORK_LABELS[filters.framework]} grades per outcome, ${yearLabel(filters.year)}${filters.orgType ? `, ${ORGANISATION_TYPE_LABELS[filters.orgType]}` : ""}, weakest first`,
        headers: ["Outcome", ...scale.map((p) => p.label), "Organisations graded", "Undeveloped or developing"],
        rows,
      },
    };
  });
}
