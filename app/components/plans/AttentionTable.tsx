import { Link } from "@remix-run/react";
import type { ActionNeedingAttention } from "~/domain/plans/list-plans.server";
import { formatDue } from "~/lib/plan/dates";

/** Overdue and slipped actions, written out (never colour alone), each linking to its plan. */
export function AttentionTable({ actions, caption }: { actions: ActionNeedingAttention[]; caption: string }) {
  return (
    <div className="peff-table-wrap">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Action</th>
            <th scope="col" className="nhsuk-table__header">Plan</th>
            <th scope="col" className="nhsuk-table__header">Responsible officer</th>
            <th scope="col" className="nhsuk-table__header">Due</th>
            <th scope="col" className="nhsuk-table__header">Why it needs attention</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {actions.map((a) => (
            <tr className="nhsuk-table__row" key={`${a.planId}-${a.rowKey}`}>
              <td className="nhsuk-table__cell">{a.text}</td>
              <td className="nhsuk-table__cell">
                <Link to={`/plans/${a.planId}`}>{a.planTitle}</Link>
              </td>
              <td className="nhsuk-table__cell">{a.responsibleOfficer || "Not set"}</td>
              <td className="nhsuk-table__cell">
                {formatDue(a.currentDue)}
                {a.originalDue && a.originalDue !== a.currentDue ? <span className="nhsuk-body-s"> (first due {formatDue(a.originalDue)})</span> : null}
              </td>
              <td className="nhsuk-table__cell">
                {a.overdue ? <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong> : null}{" "}
                {a.slipped ? <strong className="nhsuk-tag nhsuk-tag--orange">Slipped: moved {a.moves} times</strong> : null}
                {a.status ? <span className="nhsuk-body-s"> Status: {a.status}</span> : <span className="nhsuk-body-s"> No status</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
