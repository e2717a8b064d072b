import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { PublicationDeadline } from "~/components/grading/PublicationDeadline";
import { SuccessBanner } from "~/components/Notice";
import { TableRegion } from "~/components/TableRegion";
import { policyActor } from "~/domain/auth/actor";
import { listAssessments } from "~/domain/grading/list-assessments.server";
import { guarded } from "~/lib/http.server";
import { formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { todayIso } from "~/lib/plan/dates";
import { requireActor } from "~/lib/session.server";
import { canChangeBandSet, canManageAssessments, deadlineStatus, PHASE_LABELS, yearLabel } from "~/policies/grading";

export const meta: MetaFunction = () => pageTitle("Grading");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  // Overdue is judged on the day in England, here rather than in the browser, so the page says the same drawn anywhere.
  const today = todayIso();
  return guarded(async () => ({
    orgName: actor.active.orgName,
    assessments: (await listAssessments(context.database, actor)).map((a) => ({ ...a, deadline: deadlineStatus(a, today) })),
    canStart: canManageAssessments(policyActor(actor)),
    canConfigure: canChangeBandSet(policyActor(actor)),
  }));
}

export default function Grading() {
  const { orgName, assessments, canStart, canConfigure } = useLoaderData<typeof loader>();
  const own = assessments.filter((a) => !a.reviewing);
  const reviewing = assessments.filter((a) => a.reviewing);
  const [params] = useSearchParams();
  return (
    <>
      {params.get("done") === "deleted" ? <SuccessBanner>Assessment deleted, with its grades and their history.</SuccessBanner> : null}
      <h1>Grading</h1>
      <p>
        {orgName}&apos;s assessments against the Equality Delivery System, one per framework and year. Drafts and agreed grades are
        visible to your organisation only; once published, the whole collaborative can see them in <Link to="/compare">Compare</Link>.
      </p>
      {canStart ? (
        <p>
          <Link to="/grading/new" className="nhsuk-button">
            Start an assessment
          </Link>
        </p>
      ) : null}
      {canConfigure ? (
        <p>
          <Link to="/grading/settings">Choose the EDS 2022 rating bands for the collaborative</Link>
        </p>
      ) : null}
      <AssessmentTable
        caption={`${orgName}'s assessments`}
        items={own}
        empty={
          canStart
            ? "Your organisation has no assessments yet. Start one for this year; previous years can be entered too."
            : "Your organisation has no assessments yet. Its equality lead starts them, for this year and previous ones."
        }
      />
      {reviewing.length ? <AssessmentTable caption="Assessments you are peer reviewing" items={reviewing} empty="" showOrg /> : null}
    </>
  );
}

function AssessmentTable({ caption, items, empty, showOrg }: { caption: string; items: ReturnType<typeof useLoaderData<typeof loader>>["assessments"]; empty: string; showOrg?: boolean }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <TableRegion label={caption}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Assessment</th>
            {showOrg ? <th scope="col" className="nhsuk-table__header">Organisation</th> : null}
            <th scope="col" className="nhsuk-table__header">Phase</th>
            <th scope="col" className="nhsuk-table__header">Grades recorded</th>
            <th scope="col" className="nhsuk-table__header">Publication</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {items.map((a) => (
            <tr className="nhsuk-table__row" key={a.id}>
              <th scope="row" className="nhsuk-table__header">
                <Link to={`/grading/${a.id}`}>
                  {a.frameworkCode === "EDS2" ? "EDS2" : "EDS 2022"} {yearLabel(a.yearStart)}
                </Link>
              </th>
              {showOrg ? <td className="nhsuk-table__cell">{a.orgName}</td> : null}
              <td className="nhsuk-table__cell">{PHASE_LABELS[a.phase]}</td>
              <td className="nhsuk-table__cell">{a.grades}</td>
              <td className="nhsuk-table__cell">
                {a.deadline === "published" ? `Published ${formatDate(a.publishedOn)}` : <PublicationDeadline deadline={a.publicationDeadline} status={a.deadline} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
