import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CompareFilterForm, CompareNav, NothingPublished } from "~/components/compare/CompareControls";
import { ScreenTableView } from "~/components/compare/ScreenTableView";
import { GradeTag } from "~/components/grading/GradeTag";
import { compareBands } from "~/domain/compare/compare-bands.server";
import { readFilters } from "~/domain/compare/compare-filters";
import { guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("EDS 2022 scores and bands");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  return guarded(() => compareBands(context.database, actor, readFilters(url.searchParams, { framework: "EDS2022" })));
}

export default function CompareBands() {
  const view = useLoaderData<typeof loader>();
  return (
    <>
      <h1>EDS 2022 scores and bands</h1>
      <CompareNav />
      <CompareFilterForm filters={view.filters} downloadable={view.table !== null} years={view.years} notices={view.notices} frameworkChoice={false} />
      <h2 className="nhsuk-heading-s">Rating bands in use</h2>
      <ul className="nhsuk-list">
        {view.bands.map((b) => (
          <li key={b.label}>
            <GradeTag text={`${b.label}: ${b.minScore} to ${b.maxScore}`} colour={b.colour} />
          </li>
        ))}
      </ul>
      {view.table ? <ScreenTableView table={view.table} /> : <NothingPublished filters={view.filters} what="No organisation has published an EDS 2022 assessment yet." />}
    </>
  );
}
