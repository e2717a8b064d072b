import type { Database } from "#db/client";
import { frameworkCrosswalk } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { loadBands, loadFrameworks } from "~/domain/grading/load-framework.server";
import { ORGANISATION_TYPE_LABELS } from "~/lib/labels";
import { pageNotices, type PageAsked } from "~/lib/paging";
import { allOutcomes, assessmentResults, scaleColour, scaleLabel } from "~/policies/assessment-results";
import { crosswalkCell, movementText } from "~/policies/crosswalk";
import { yearLabel } from "~/policies/grading";
import { filterNotices, VIEW_FILTERS, type CompareFilters } from "./compare-filters";
import { loadPublished, publishedOrganisations } from "./load-published.server";
import type { ScreenTable } from "./screen-table";

export const MOVEMENT_PAGE_SIZE = 25;

export interface MovementView {
  filters: CompareFilters;
  page: number;
  pages: number;
  notices: string[];
  table: ScreenTable | null;
}

/**
 * View 2: year-on-year movement per organisation. Every year, EDS2 or EDS 2022, is shown on the
 * EDS 2022 outcomes; EDS2 grades come through the (unofficial) crosswalk, and the first EDS 2022
 * year after EDS2 years is marked as a change of framework. Paged by organisation; the export has all.
 */
export async function compareMovement(database: Database, actor: Actor, filters: CompareFilters, options: { page?: PageAsked; all?: boolean } = {}): Promise<MovementView> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const frameworks = await loadFrameworks(tx, { codes: ["EDS2", "EDS2022"] });
    const eds2 = frameworks.find((f) => f.code === "EDS2")!;
    const eds2022 = frameworks.find((f) => f.code === "EDS2022")!;
    const crosswalk = await tx.select({ from: frameworkCrosswalk.fromOutcomeId, to: frameworkCrosswalk.toOutcomeId }).from(frameworkCrosswalk);
    const { bands } = await loadBands(tx, actor.active.collaborativeId);
    // Page by organisation in SQL first, so a page loads only its own organisations' grades.
    const orgIds = await publishedOrganisations(tx, { collaborativeId: actor.active.collaborativeId, frameworkIds: [eds2.id, eds2022.id], orgType: filters.orgType ?? undefined });
    const pages = Math.max(1, Math.ceil(orgIds.length / MOVEMENT_PAGE_SIZE));
    const asked = options.page ?? { page: 1 };
    const page = Math.min(asked.page, pages);
    // With nobody published the page says so already; a page past the end is then no news.
    const notices = [...filterNotices(filters, null, VIEW_FILTERS.movement), ...(orgIds.length || asked.rejected !== undefined ? pageNotices(asked, page, pages) : [])];
    const shown = options.all ? orgIds : orgIds.slice((page - 1) * MOVEMENT_PAGE_SIZE, page * MOVEMENT_PAGE_SIZE);
    if (shown.length === 0) return { filters, page, pages, notices, table: null };
    const published = await loadPublished(tx, { collaborativeId: actor.active.collaborativeId, frameworkIds: [eds2.id, eds2022.id], orgIds: shown });

    const targets = allOutcomes(eds2022);
    const eds2Outcomes = allOutcomes(eds2);
    const sources = new Map(targets.map((t) => [t.id, crosswalk.filter((c) => c.to === t.id).map((c) => eds2Outcomes.find((o) => o.id === c.from)!)]));
    const rows: ScreenTable["rows"] = [];
    for (const orgId of shown) {
      const years = published
        .filter((a) => a.orgId === orgId)
        .sort((a, b) => a.yearStart - b.yearStart || (a.frameworkId === eds2.id ? -1 : 1));
      let previous: { framework: string; values: (number | null)[] } | null = null;
      for (const a of years) {
        const framework = a.frameworkId === eds2.id ? eds2 : eds2022;
        const results = assessmentResults(framework, a.grades, a.services, bands);
        const cells = targets.map((t) =>
          framework === eds2022
            ? { value: results.outcomeValues[t.id] ?? null, text: `${scaleLabel(eds2022, results.outcomeValues[t.id])}` }
            : crosswalkCell(eds2, sources.get(t.id)!, results.outcomeValues),
        );
        const changed = previous !== null && previous.framework !== framework.code;
        rows.push({
          key: a.id,
          cells: [
            { text: a.orgName, href: `/grading/${a.id}#grades` },
            { text: yearLabel(a.yearStart) },
            { text: framework.code === "EDS2" ? "EDS2" : "EDS 2022" },
            { text: changed ? `Framework changed: ${previous!.framework === "EDS2" ? "EDS2" : "EDS 2022"} to ${framework.code === "EDS2" ? "EDS2" : "EDS 2022"}` : "" },
            ...cells.map((c, i) => ({
              text: `${c.text}${previous ? movementText(previous.values[i] ?? null, c.value, changed) : ""}`,
              colour: scaleColour(eds2022, c.value),
              // An EDS2 year of an outcome EDS2 lacks ("No EDS2 equivalent") has no rationale to link to.
              href: outcomeAnchor(a.id, framework === eds2022 ? targets[i]!.code : sources.get(targets[i]!.id)![0]?.code),
            })),
          ],
        });
        previous = { framework: framework.code, values: cells.map((c) => c.value) };
      }
    }
    return {
      filters,
      page,
      pages,
      notices,
      table: {
        caption: `Year-on-year movement on the EDS 2022 outcomes${filters.orgType ? `, ${ORGANISATION_TYPE_LABELS[filters.orgType]}` : ""}`,
        headers: ["Organisation", "Year", "Framework", "Change of framework", ...targets.map((t) => `${t.code} ${t.title}`)],
        rows,
        notes: [
          "EDS2 years are shown through the collaborative's unofficial crosswalk: 1.1 and 2.1 to 1A; 1.2 to 1B; 1.4 to 1C; 2.3 to 1D; 3.4 to 2B; 3.6 to 2D; 4.1 and 4.3 to 3A; 4.2 to 3B. Where two EDS2 outcomes map to one, the lower grade is used (the framework's \"lowest\" rule).",
          "EDS2 outcomes 3.1, 3.2, 3.3 and 3.5 have no EDS 2022 equivalent; EDS 2022 outcomes 2A, 2C and 3C are new.",
          "Movement compares each year with the organisation's previous published year; across a change of framework it is marked as not like for like.",
        ],
      },
    };
  });
}

const outcomeAnchor = (assessmentId: string, code: string | undefined) => (code ? `/grading/${assessmentId}#outcome-${code}` : undefined);
