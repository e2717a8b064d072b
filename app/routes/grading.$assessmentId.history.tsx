import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/TableRegion";
import { getAssessment } from "~/domain/grading/get-assessment.server";
import { listGradeHistory } from "~/domain/grading/list-grade-history.server";
import { guarded } from "~/lib/http.server";
import { formatDateTime } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { scaleLabel } from "~/policies/assessment-results";
import { yearLabel } from "~/policies/grading";

export const meta: MetaFunction = () => pageTitle("Grade history");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const { assessment, framework } = await getAssessment(context.database, actor, params.assessmentId!);
    const history = await listGradeHistory(context.database, actor, params.assessmentId!);
    return { assessment, framework, history, title: `${framework.code === "EDS2" ? "EDS2" : "EDS 2022"} ${yearLabel(assessment.yearStart)}` };
  });
}

export default function GradeHistory() {
  const { assessment, framework, history, title } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to={`/grading/${assessment.id}`} className="nhsuk-back-link">
        Back to the assessment
      </Link>
      <h1>
        <span className="nhsuk-caption-l">
          {assessment.orgName}, {title}
        </span>
        Grade history
      </h1>
      <p>Every change of every grade, newest first, with who made it and when. History cannot be edited.</p>
      {history.length === 0 ? (
        <p>No grade has been recorded yet.</p>
      ) : (
        <TableRegion label="Changes of grades">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Changes of grades</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">When</th>
                <th scope="col" className="nhsuk-table__header">Outcome</th>
                <th scope="col" className="nhsuk-table__header">Grade</th>
                <th scope="col" className="nhsuk-table__header">Rationale</th>
                <th scope="col" className="nhsuk-table__header">By</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {history.map((h) => (
                <tr className="nhsuk-table__row" key={h.id}>
                  <td className="nhsuk-table__cell">{formatDateTime(h.changedAt)}</td>
                  <th scope="row" className="nhsuk-table__header">
                    {h.outcomeCode} {h.outcomeTitle}
                    {h.serviceName ? `, ${h.serviceName}` : ""}
                  </th>
                  <td className="nhsuk-table__cell">{h.value === null ? "Removed" : `${scaleLabel(framework, h.value)}${h.agreed ? " (agreed)" : " (draft)"}`}</td>
                  <td className="nhsuk-table__cell">{h.rationale ?? ""}</td>
                  <td className="nhsuk-table__cell">{h.changedByName ?? "Unknown"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
