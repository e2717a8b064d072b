import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CompareFilterForm, CompareNav } from "~/components/compare/CompareControls";
import { ScreenTableView } from "~/components/compare/ScreenTableView";
import { readFilters } from "~/domain/compare/compare-filters";
import { compareCoverage } from "~/domain/compare/compare-coverage.server";
import { guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Evidence coverage beside grades");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  return guarded(() => compareCoverage(context.database, actor, readFilters(url.searchParams)));
}

export default function CompareCoverage() {
  const view = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Evidence coverage beside grades</h1>
      <CompareNav />
      {view.allowed ? (
        <>
          <CompareFilterForm filters={view.filters} downloadable={view.table !== null} years={view.years} notices={view.notices} />
          {view.table ? <ScreenTableView table={view.table} /> : null}
        </>
      ) : (
        <p>
          Evidence counts across organisations are shown to regional leads and collaborative admins. Your organisation&apos;s own coverage is on the{" "}
          <Link to="/evidence/coverage">evidence coverage page</Link>.
        </p>
      )}
    </>
  );
}
