import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCompareOverview } from "~/domain/compare/compare-overview.server";
import { guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Compare published grades");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => ({
    ...(await getCompareOverview(context.database, actor)),
    orgName: actor.active.orgName,
    collaborativeName: actor.active.collaborativeName,
  }));
}

const VIEWS = [
  { href: "/compare/grid", title: "Organisations by outcome", text: "Every member organisation's published grades for one framework and year, sortable and filterable by type." },
  { href: "/compare/movement", title: "Year-on-year movement", text: "Each organisation's grades year by year, EDS2 and EDS 2022 side by side through the crosswalk." },
  { href: "/compare/bands", title: "EDS 2022 scores and bands", text: "Overall EDS 2022 scores against the rating bands, with the score of each domain." },
  { href: "/compare/spread", title: "Spread per outcome", text: "How grades spread across the collaborative for each outcome: which outcomes are weak system-wide." },
  { href: "/compare/coverage", title: "Evidence coverage beside grades", text: "Evidence per organisation and protected characteristic beside each organisation's overall grade: where grades stand on thin evidence." },
];

export default function Compare() {
  const { members, published, orgName, collaborativeName } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Compare published grades</h1>
      <p>
        These views show <strong>published</strong> grades only, for every member organisation. Drafts and agreed grades stay with their
        own organisation until it publishes them. Every table can be downloaded as CSV or Excel, and every grade links to its rationale.
      </p>
      {members <= 1 ? (
        <div className="nhsuk-inset-text">
          <p>
            {orgName} is the only member organisation of {collaborativeName}, so these views have nobody to compare it with yet. They fill in as other
            organisations join and publish.
          </p>
        </div>
      ) : null}
      {published === 0 ? (
        <div className="nhsuk-inset-text">
          <p>
            No organisation has published an assessment yet, so every view is empty. An organisation&apos;s equality lead publishes its assessment from{" "}
            <Link to="/grading">Grading</Link> once its grades are agreed.
          </p>
        </div>
      ) : null}
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {VIEWS.map((v) => (
          <li className="nhsuk-grid-column-one-half nhsuk-card-group__item" key={v.href}>
            <div className="nhsuk-card nhsuk-card--clickable">
              <div className="nhsuk-card__content">
                <h2 className="nhsuk-card__heading nhsuk-heading-m">
                  <Link className="nhsuk-card__link" to={v.href}>
                    {v.title}
                  </Link>
                </h2>
                <p className="nhsuk-card__description">{v.text}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
