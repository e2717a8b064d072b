import type { LoaderFunctionArgs } from "@remix-run/node";
import { compareCoverage } from "~/domain/compare/compare-coverage.server";
import { compareBands } from "~/domain/compare/compare-bands.server";
import { filterRefusal, readFilters, VIEW_FILTERS } from "~/domain/compare/compare-filters";
import { compareGrid } from "~/domain/compare/compare-grid.server";
import { compareMovement } from "~/domain/compare/compare-movement.server";
import { compareSpread } from "~/domain/compare/compare-spread.server";
import { downloadGuarded, plainAnswer } from "~/lib/http.server";
import { ORGANISATION_TYPE_LABELS } from "~/lib/labels";
import { requireActor } from "~/lib/session.server";
import { screenTableDownload } from "~/lib/tabular/screen-export.server";

/** CSV/XLSX of a comparison view with the same filters as the page: the same table object the page shows. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  return downloadGuarded(async () => {
    const filters = readFilters(url.searchParams, params.view === "bands" ? { framework: "EDS2022" } : {});
    const view =
      params.view === "grid"
        ? await compareGrid(context.database, actor, filters)
        : params.view === "movement"
          ? await compareMovement(context.database, actor, filters, { all: true })
          : params.view === "bands"
            ? await compareBands(context.database, actor, filters)
            : params.view === "spread"
              ? await compareSpread(context.database, actor, filters)
              : params.view === "coverage"
                ? await compareCoverage(context.database, actor, filters)
                : null;
    if (!view) throw plainAnswer(`There is no comparison view called “${params.view}”`, 404);
    // As the coverage page says to everyone else, rather than that the view does not exist.
    if ("allowed" in view && !view.allowed) {
      throw plainAnswer("Evidence counts across organisations are shown to regional leads and collaborative admins. Your organisation's own coverage is on the evidence coverage page.", 403);
    }
    // The page falls back and says so; a file has no room to say it, and would be taken for the year or framework asked.
    const use = VIEW_FILTERS[params.view as keyof typeof VIEW_FILTERS];
    const refusal = use && filterRefusal(filters, "years" in view ? { framework: view.filters.framework, year: view.filters.year, years: view.years } : null, use);
    if (refusal) throw plainAnswer(refusal, 400);
    // The page shows no table and offers no download then; an old or shared link is told why.
    if (!view.table) {
      const who = view.filters.orgType ? `no organisation of the type “${ORGANISATION_TYPE_LABELS[view.filters.orgType]}”` : "no organisation";
      throw plainAnswer(`Nothing to download: ${who} has published grades for this framework and year yet.`, 404);
    }
    // Named after what it holds: the year the view settled on.
    const name = `${params.view}-${view.filters.framework}-${("years" in view ? view.filters.year : null) ?? "latest"}`;
    const download = await screenTableDownload(url, view.table, name);
    if (!download) throw plainAnswer("Choose format=csv or format=xlsx", 404);
    return download;
  });
}
