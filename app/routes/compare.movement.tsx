import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { CompareFilterForm, CompareNav, NothingPublished } from "~/components/compare/CompareControls";
import { ScreenTableView } from "~/components/compare/ScreenTableView";
import { readFilters } from "~/domain/compare/compare-filters";
import { compareMovement } from "~/domain/compare/compare-movement.server";
import { guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { readPage } from "~/lib/paging";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Year-on-year movement");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  return guarded(() => compareMovement(context.database, actor, readFilters(url.searchParams), { page: readPage(url.searchParams) }));
}

export default function CompareMovement() {
  const view = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const pageHref = (page: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(page));
    return `?${params}`;
  };
  return (
    <>
      <h1>Year-on-year movement</h1>
      <CompareNav />
      <CompareFilterForm filters={view.filters} downloadable={view.table !== null} notices={view.notices} frameworkChoice={false} yearChoice={false} />
      {view.table ? <ScreenTableView table={view.table} /> : <NothingPublished filters={view.filters} what="No organisation has published grades yet." />}
      {view.pages > 1 ? (
        <nav aria-label="Pages of organisations" className="peff-no-print">
          <p>
            Page {view.page} of {view.pages} (the download has every organisation).{" "}
            {view.page > 1 ? <Link to={pageHref(view.page - 1)}>Previous page</Link> : null}{" "}
            {view.page < view.pages ? <Link to={pageHref(view.page + 1)}>Next page</Link> : null}
          </p>
        </nav>
      ) : null}
    </>
  );
}
