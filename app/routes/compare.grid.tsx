import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { CompareFilterForm, CompareNav, NothingPublished } from "~/components/compare/CompareControls";
import { ScreenTableView } from "~/components/compare/ScreenTableView";
import { compareGrid } from "~/domain/compare/compare-grid.server";
import { readFilters } from "~/domain/compare/compare-filters";
import { guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Organisations by outcome");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  return guarded(() => compareGrid(context.database, actor, readFilters(url.searchParams)));
}

export default function CompareGrid() {
  const view = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const sortHref = (key: string) => {
    const params = new URLSearchParams(search);
    params.set("framework", view.filters.framework);
    if (view.filters.year) params.set("year", String(view.filters.year));
    params.set("dir", view.filters.sort === key && view.filters.dir === "asc" ? "desc" : "asc");
    params.set("sort", key);
    return `?${params}`;
  };
  return (
    <>
      <h1>Organisations by outcome</h1>
      <CompareNav />
      <CompareFilterForm filters={view.filters} downloadable={view.table !== null} years={view.years} notices={view.notices} />
      {view.table ? (
        <ScreenTableView table={view.table} sortHref={sortHref} sort={view.filters.sort} dir={view.filters.dir} />
      ) : (
        <NothingPublished filters={view.filters} what="No organisation has published grades for this framework yet." />
      )}
    </>
  );
}
