import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "#db/client";
import { characteristics, organisations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { organisationCells } from "~/domain/evidence/get-coverage.server";
import { assessmentResults, scaleColour } from "~/policies/assessment-results";
import { formatScore } from "~/policies/eds2022-scoring";
import { seesOrgCoverage } from "~/policies/evidence";
import { yearLabel } from "~/policies/grading";
import { ORGANISATION_TYPE_LABELS } from "~/lib/labels";
import { FRAMEWORK_LABELS, VIEW_FILTERS, type CompareFilters } from "./compare-filters";
import { gradeText } from "./compare-grid.server";
import { loadYear } from "./load-year.server";
import type { ScreenCell, ScreenTable } from "./screen-table";

export interface CoverageCompareView {
  filters: CompareFilters;
  years: number[];
  notices: string[];
  /** Null when this person may not see other organisations' evidence counts. */
  table: ScreenTable | null;
  allowed: boolean;
}

/**
 * View 5: evidence coverage by organisation and protected characteristic, beside each
 * organisation's published overall grade for the framework and year: where grades stand on thin
 * evidence. Counts come from the evidence library's SECURITY DEFINER aggregates, which answer
 * collaborative-wide roles only and never show an item.
 */
export async function compareCoverage(database: Database, actor: Actor, input: CompareFilters): Promise<CoverageCompareView> {
  const allowed = seesOrgCoverage(policyActor(actor));
  return withTenant(database, tenantOf(actor), async (tx) => {
    const { framework, years, filters, bands, published, notices } = await loadYear(tx, actor, input, VIEW_FILTERS.coverage);
    if (!allowed) return { filters, years, notices, table: null, allowed };
    const protectedOnes = await tx.select({ id: characteristics.id, name: characteristics.name }).from(characteristics).where(eq(characteristics.kind, "protected")).orderBy(asc(characteristics.position));
    const orgs = await organisationCells(tx, actor.active.collaborativeId);
    const byOrg = new Map(published.map((a) => [a.orgId, a]));
    // The type filter is on the organisations themselves: one of the type that has not published
    // stays listed ("Not published"), as without the filter; its gaps matter as much.
    const types =
      filters.orgType && orgs.length
        ? new Map((await tx.select({ id: organisations.id, type: organisations.type }).from(organisations).where(inArray(organisations.id, orgs.map((o) => o.id)))).map((o) => [o.id, o.type]))
        : null;
    const rows = orgs
      .filter((o) => !filters.orgType || types?.get(o.id) === filters.orgType)
      .map((o) => {
        const a = byOrg.get(o.id);
        let grade: ScreenCell = { text: "Not published" };
        if (a) {
          const results = assessmentResults(framework, a.grades, a.services, bands);
          const overall = framework.code === "EDS2022" ? results.eds2022!.overall : results.eds2!.overall;
          grade =
            framework.code === "EDS2022"
              ? { text: overall === null ? "Not scored" : `${formatScore(overall)} ${results.eds2022!.band?.label ?? ""}`.trim(), colour: results.eds2022!.band?.colour, href: `/grading/${a.id}#overall` }
              : { text: gradeText(framework, overall), colour: scaleColour(framework, overall), href: `/grading/${a.id}#overall` };
        }
        const gaps = protectedOnes.filter((c) => !o.counts[c.id]).length;
        return {
          key: o.id,
          cells: [
            { text: o.name },
            grade,
            ...protectedOnes.map((c): ScreenCell => {
              const n = o.counts[c.id] ?? 0;
              return { text: n ? String(n) : "0 (gap)", href: `/evidence?characteristic=${c.id}&org=${o.id}` };
            }),
            { text: String(o.total) },
            { text: `${gaps} of ${protectedOnes.length}` },
          ],
        };
      });
    return {
      filters,
      years,
      notices,
      allowed,
      table: {
        caption: `Evidence by organisation and protected characteristic, beside ${FRAMEWORK_LABELS[filters.framework]} overall grades${filters.year ? `, ${yearLabel(filters.year)}` : ""}${filters.orgType ? `, ${ORGANISATION_TYPE_LABELS[filters.orgType]}` : ""}`,
        headers: ["Organisation", "Published overall grade", ...protectedOnes.map((c) => c.name), "Evidence items", "Characteristics with no evidence"],
        rows,
        notes: [
          "Counts are evidence items owned by each organisation (private and shared) tagged to the characteristic or one of its groups. A gap is a finding too: people who share protected characteristics complain and answer surveys less often.",
        ],
      },
    };
  });
}
