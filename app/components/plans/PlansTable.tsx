import { Link } from "@remix-run/react";
import { PLAN_KIND_LABELS } from "~/domain/plans/plan-input";
import type { PlanSummary } from "~/domain/plans/list-plans.server";
import { formatDate } from "~/lib/labels";

/** The plans list: progress of the plans being worked on, or when each archived plan was archived. */
export function PlansTable({ plans, caption, archived = false }: { plans: PlanSummary[]; caption: string; archived?: boolean }) {
  return (
    <div className="peff-table-wrap">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Plan</th>
            <th scope="col" className="nhsuk-table__header">Kind</th>
            <th scope="col" className="nhsuk-table__header">Period</th>
            {archived ? <th scope="col" className="nhsuk-table__header">Archived</th> : null}
            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Actions</th>
            <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Complete</th>
            {archived ? null : (
              <>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Overdue</th>
                <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">Slipped</th>
              </>
            )}
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
              {archived ? <td className="nhsuk-table__cell">{formatDate(p.archivedAt)}</td> : null}
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{p.actions}</td>
              <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{p.complete}</td>
              {archived ? null : (
                <>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{p.overdue}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{p.slipped}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
