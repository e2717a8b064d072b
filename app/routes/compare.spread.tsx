import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CompareFilterForm, CompareNav, NothingPublished } from "~/components/compare/CompareControls";
import { ScreenTableView } from "~/components/compare/ScreenTableView";
import { readFilters } from "~/domain/compare/compare-filters";
import { compareSpread } from "~/domain/compare/compare-spread.server";
import { guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Spread of grades per outcome");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  return guarded(() => compareSpread(context.database, actor, readFilters(url.searchParams)));
}

export default function CompareSpread() {
  const view = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Spread of grades per outcome</h1>
      <CompareNav />
      <CompareFilterForm filters={view.filters} downloadable={view.table !== null} years={view.years} notices={view.notices} />
      {view.table ? <ScreenTableView table={view.table} /> : <NothingPublished filters={view.filters} what="No organisation has published grades for this framework yet." />}
    </>
  );
}
