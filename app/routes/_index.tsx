import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { SuccessBanner } from "~/components/Notice";
import { AttentionTable } from "~/components/plans/AttentionTable";
import { listPlans } from "~/domain/plans/list-plans.server";
import { countRecommendationsToUs } from "~/domain/evidence/count-recommendations-to-us.server";
import { getCollaborativeOverview } from "~/domain/collaborative/get-overview.server";
import { policyActor } from "~/domain/auth/actor";
import { guarded } from "~/lib/http.server";
import { formatDate, ORGANISATION_TYPE_LABELS } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { todayIso } from "~/lib/plan/dates";
import { statusCounts } from "~/lib/recommendations";
import { requireActor } from "~/lib/session.server";
import { canRecordLeaving } from "~/policies/leaving";
import { canSeeMembersPage } from "~/policies/members";
import { canEditPlans } from "~/policies/plans";
import { ROLE_LABELS } from "~/policies/roles";

export const meta: MetaFunction = () => pageTitle("Home");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const overview = await getCollaborativeOverview(context.database, actor);
    const { plans, attention } = await listPlans(context.database, actor);
    const recommendations = await countRecommendationsToUs(context.database, actor, todayIso());
    const who = policyActor(actor);
    return {
      overview,
      // The organisations this person may record as having left (admins: every other current one).
      canRecordLeavingOf: overview.organisations.filter((o) => !o.leftOn && canRecordLeaving(who, o.id)).map((o) => o.id),
      attention,
      hasPlans: plans.length > 0,
      canCreatePlans: canEditPlans(actor.active.role),
      recommendations,
      me: { name: actor.name, orgName: actor.active.orgName, role: actor.active.role },
      canManageMembers: canSeeMembersPage(who),
    };
  });
}

export default function Home() {
  const { overview, me, canManageMembers, attention, hasPlans, canCreatePlans, recommendations, canRecordLeavingOf } = useLoaderData<typeof loader>();
  const awaiting = statusCounts(recommendations, ["overdue", "due-soon", "awaiting"]);
  const [params] = useSearchParams();
  const current = overview.organisations.filter((o) => !o.leftOn);
  const former = overview.organisations.filter((o) => o.leftOn);
  const leaving = canRecordLeavingOf.length > 0;
  const justLeft = overview.organisations.find((o) => o.id === params.get("left"));
  return (
    <>
      {justLeft?.leftOn ? (
        <SuccessBanner>
          <p className="nhsuk-notification-banner__heading">
            {justLeft.name} left {overview.name} on {formatDate(justLeft.leftOn)}. Its people no longer work here; it is listed under former organisations.
          </p>
        </SuccessBanner>
      ) : null}
      <span className="nhsuk-caption-l">{overview.region}</span>
      <h1>{overview.name}</h1>
      {overview.description ? <p className="nhsuk-lede-text">{overview.description}</p> : null}
      <p>
        You are signed in as {me.name}, {ROLE_LABELS[me.role].toLowerCase()} for {me.orgName}.
        {canManageMembers ? (
          <>
            {" "}
            <Link to="/members">Manage members and invitations</Link>.
          </>
        ) : null}
      </p>

      {hasPlans ? <h2>Plans: overdue and slipped actions</h2> : <h2>Plans</h2>}
      {!hasPlans ? (
        <p>
          {me.orgName} has no plans yet.{" "}
          {canCreatePlans ? (
            <Link to="/plans/new">Create a plan</Link>
          ) : canManageMembers ? (
            // A new organisation may have nobody who can yet: its admin's next step is to invite them.
            <>
              An equality lead or contributor in {me.orgName} can create one: <Link to="/members/invite">invite one</Link>.
            </>
          ) : (
            `An equality lead or contributor in ${me.orgName} can create one.`
          )}
        </p>
      ) : attention.length ? (
        <AttentionTable actions={attention.slice(0, 10)} caption={`${me.orgName}'s actions past their due date and not complete, or whose date moved more than once`} />
      ) : (
        <p>No action in {me.orgName}&apos;s plans is overdue or has slipped.</p>
      )}
      {attention.length > 10 ? (
        <p>
          <Link to="/plans">See all {attention.length} actions that need attention</Link>
        </p>
      ) : null}

      <h2>Recommendations to {me.orgName}</h2>
      {awaiting ? (
        <p data-testid="home-recommendations">
          From stakeholders&apos; evidence: {awaiting}. <Link to="/evidence/recommendations">See and answer them</Link>.
        </p>
      ) : (
        <p data-testid="home-recommendations">
          No recommendation in the evidence you can read awaits an answer from {me.orgName}.{recommendations.responded ? <> <Link to="/evidence/recommendations">See those answered</Link>.</> : null}
        </p>
      )}

      <h2>Member organisations</h2>
      <div className="peff-table-wrap">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Member organisations of {overview.name}</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">Organisation</th>
              <th scope="col" className="nhsuk-table__header">Type</th>
              <th scope="col" className="nhsuk-table__header">ODS code</th>
              <th scope="col" className="nhsuk-table__header">Member since</th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">People</th>
              {leaving ? (
                <th scope="col" className="nhsuk-table__header">
                  Membership
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {current.map((o) => (
              <tr className="nhsuk-table__row" key={o.id}>
                <th scope="row" className="nhsuk-table__header">
                  <Link to={`/organisations/${o.id}/edit`}>{o.name}</Link>
                </th>
                <td className="nhsuk-table__cell">{ORGANISATION_TYPE_LABELS[o.type]}</td>
                <td className="nhsuk-table__cell">{o.odsCode ?? "None"}</td>
                <td className="nhsuk-table__cell">{formatDate(o.joinedOn)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{o.people}</td>
                {leaving ? (
                  <td className="nhsuk-table__cell">
                    {canRecordLeavingOf.includes(o.id) ? (
                      <Link to={`/organisations/${o.id}/leave`}>
                        Record leaving<span className="nhsuk-u-visually-hidden"> of {o.name}</span>
                      </Link>
                    ) : (
                      "Your organisation"
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {former.length > 0 ? (
        <>
          <h2>Former organisations</h2>
          <p>Organisations that have left, or no longer exist, keep their history (their evidence and past grades) here.</p>
          <ul>
            {former.map((o) => (
              <li key={o.id}>
                <Link to={`/organisations/${o.id}/edit`}>{o.name}</Link> ({ORGANISATION_TYPE_LABELS[o.type]}), member until {formatDate(o.leftOn)}
                {o.successorName ? `, replaced by ${o.successorName}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
