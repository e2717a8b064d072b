import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AttentionTable } from "~/components/plans/AttentionTable";
import { listPlans } from "~/domain/plans/list-plans.server";
import { PLAN_KIND_LABELS } from "~/domain/plans/plan-input";
import { guarded } from "~/lib/http.server";
import { formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { canEditPlans } from "~/policies/plans";

export const meta: MetaFunction = () => pageTitle("Plans");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => ({
    ...(await listPlans(context.database, actor)),
    orgName: actor.active.orgName,
    canEdit: canEditPlans(actor.active.role),
  }));
}

export default function Plans() {
  const { plans, attention, orgName, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="nhsuk-caption-l">{orgName}</span>
      <h1>Plans</h1>
      <p>
        Your organisation&apos;s equality objective, workforce and EDS action plans. Only people in {orgName} can see them; the collaborative sees the
        status of actions you add from the shared register.
      </p>
      {canEdit ? (
        <Link to="/plans/new" className="nhsuk-button" role="button" draggable="false">
          Create a plan
        </Link>
      ) : null}
      {plans.length === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {orgName} has no plans yet.{" "}
            {canEdit ? "Create one, then add actions, import an existing plan, or add barriers from the shared register." : "An equality lead or contributor can create one."}
          </p>
        </div>
      ) : (
        <div className="peff-table-wrap">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption">Plans of {orgName}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Plan</th>
                <th scope="col" className="nhsuk-table__header">Kind</th>
                <th scope="col" className="nhsuk-table__header">Period</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Actions</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Complete</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Overdue</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Slipped</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {plans.map((p) => (
                <tr className="nhsuk-table__row" key={p.id}>
                  <th scope="row" className="nhsuk-table__header">
                    <Link to={`/plans/${p.id}`}>{p.title}</Link>
                  </th>
                  <td className="nhsuk-table__cell">{PLAN_KIND_LABELS[p.kind]}</td>
                  <td className="nhsuk-table__cell">
                    {formatDate(p.periodStart)} to {formatDate(p.periodEnd)}
                  </td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{p.actions}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{p.complete}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{p.overdue}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{p.slipped}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Overdue and slipped actions</h2>
      {attention.length ? (
        <AttentionTable actions={attention} caption="Actions past their due date and not complete, or whose date moved more than once" />
      ) : (
        <p>No action is overdue or has slipped.</p>
      )}
    </>
  );
}
