import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RecommendationStatusTag } from "~/components/evidence/RecommendationStatusTag";
import { TableRegion } from "~/components/TableRegion";
import { countRecommendationsToUs } from "~/domain/evidence/count-recommendations-to-us.server";
import { listRecommendationsToUs } from "~/domain/evidence/list-recommendations-to-us.server";
import { guarded } from "~/lib/http.server";
import { formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { todayIso } from "~/lib/plan/dates";
import { DECISION_LABELS, RECOMMENDATIONS_LIMIT, statusCounts } from "~/lib/recommendations";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Recommendations to your organisation");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const today = todayIso();
  // The counts are of all of them, as the home page gives them: the list stops at 500, and counts
  // tallied from it said "500 awaiting response" with more waiting and the answered ones unlisted.
  return guarded(async () => ({ orgName: actor.active.orgName, recommendations: await listRecommendationsToUs(context.database, actor, today), counts: await countRecommendationsToUs(context.database, actor, today) }));
}

export default function RecommendationsToUs() {
  const { orgName, recommendations, counts } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/evidence" className="nhsuk-back-link">
        Back to evidence
      </Link>
      <span className="nhsuk-caption-l">{orgName}</span>
      <h1>Recommendations to your organisation</h1>
      <p>
        What stakeholders recommended to {orgName}, in its own evidence and in evidence shared with the collaborative, and how it has answered. An answer is seen by everyone who
        can read the recommendation.
      </p>
      {recommendations.length ? (
        <>
          <p data-testid="recommendation-counts">{statusCounts(counts)}.</p>
          {recommendations.length >= RECOMMENDATIONS_LIMIT ? <p>Only the first {RECOMMENDATIONS_LIMIT} are listed, those awaiting an answer first.</p> : null}
          <TableRegion label="Recommendations to your organisation">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Recommendations to {orgName}, those awaiting an answer first</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Recommendation</th>
                  <th scope="col">From</th>
                  <th scope="col">Response due</th>
                  <th scope="col">Status</th>
                  <th scope="col">Your answer</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {recommendations.map((r) => (
                  <tr key={r.id}>
                    <td className="peff-prewrap">
                      <Link to={`/evidence/recommendations/${r.id}`}>{r.text}</Link>
                    </td>
                    <td>
                      <Link to={`/evidence/${r.itemId}#recommendations`}>{r.itemTitle}</Link>
                      <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                        {r.sourceName ? `${r.sourceName}, ` : ""}recorded by {r.ownerName}
                      </div>
                    </td>
                    <td>{formatDate(r.responseDue) || "No date"}</td>
                    <td>
                      <RecommendationStatusTag status={r.status} />
                    </td>
                    <td className="peff-prewrap">
                      {r.latest ? (
                        <>
                          <strong>{DECISION_LABELS[r.latest.decision]}.</strong> {r.latest.body}
                          <div className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                            {r.latest.by ?? "Someone no longer here"}, {formatDate(r.latest.at)}
                            {r.responses > 1 ? `; ${r.responses - 1} earlier` : ""}
                          </div>
                        </>
                      ) : (
                        "Not answered yet"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      ) : (
        <p>No recommendations are addressed to {orgName} in the evidence it can read.</p>
      )}
    </>
  );
}
