import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadRegisterRollup } from "~/domain/plans/register-rollup.server";
import { guarded } from "~/lib/http.server";
import { formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { formatDue } from "~/lib/plan/dates";
import { ourPlanName } from "~/lib/register/progress-tabular";
import { requireActor } from "~/lib/session.server";
import { canEditPlans, canSeeUptakeDetail } from "~/policies/plans";
import { canEditSharedRegister } from "~/policies/register";
import { ROLE_LABELS } from "~/policies/roles";

export const meta: MetaFunction = () => pageTitle("Progress against the shared register");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => ({
    rollup: await loadRegisterRollup(context.database, actor),
    canPull: canEditPlans(actor.active.role),
    canEditRegister: canEditSharedRegister(actor.active.role),
    detail: canSeeUptakeDetail(actor.active.role),
    /** "collaborative admin" or "regional lead": the page says why this person sees more. */
    roleName: ROLE_LABELS[actor.active.role].toLowerCase(),
    orgName: actor.active.orgName,
    collaborativeName: actor.active.collaborativeName,
  }));
}

/** "In progress, due 31 March 2025 (overdue when its plan was archived on 2 April 2025)". */
function statusText(s: { label: string | null; currentDue: string | null; overdue: boolean; planArchivedAt: string | null }): string {
  const due = s.currentDue ? `, due ${formatDue(s.currentDue)}` : "";
  if (s.planArchivedAt) return `${s.label ?? "no status"}${due} (${s.overdue ? "overdue when its plan was archived" : "plan archived"} on ${formatDate(s.planArchivedAt)})`;
  return `${s.label ?? "no status"}${due}${s.overdue ? " (overdue)" : ""}`;
}

export default function RegisterProgress() {
  const { rollup, canPull, canEditRegister, detail, roleName, orgName, collaborativeName } = useLoaderData<typeof loader>();
  const notPickedUp = rollup.filter((b) => b.notPickedUp && b.notPickedUp.length > 0);
  return (
    <>
      <Link to="/register" className="nhsuk-back-link">
        Back to the register
      </Link>
      <span className="nhsuk-caption-l">{collaborativeName}</span>
      <h1>Progress against the shared register</h1>
      <p>
        For each shared barrier: how many member organisations have added it to one of their plans, and how far along they are. Only each pulled
        action&apos;s status is shared; everything else in an organisation&apos;s plan stays private to it.
        {detail ? ` As a ${roleName} you also see each organisation's status and who has not picked a barrier up.` : null}
      </p>
      {rollup.length > 0 ? (
        <ul className="nhsuk-list register-links">
          <li>
            <a href="/register/progress/export?format=csv">Download as CSV{detail ? " (each organisation's status)" : ""}</a>
          </li>
          <li>
            <a href="/register/progress/export?format=xlsx">Download as Excel (XLSX){detail ? " (each organisation's status)" : ""}</a>
          </li>
        </ul>
      ) : null}
      {rollup.length === 0 ? (
        <p>
          The register has no rows yet, so there is no progress to show.{" "}
          {canEditRegister ? (
            <Link to="/register">Add barriers on the register</Link>
          ) : (
            "Anyone in a member organisation except viewers and peer reviewers can add rows on the register."
          )}
        </p>
      ) : null}
      {rollup.length > 0 ? (
        <div className="peff-table-wrap">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption">Shared barriers and organisations&apos; progress</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Row</th>
                <th scope="col" className="nhsuk-table__header">Barrier</th>
                <th scope="col" className="nhsuk-table__header">Progress in plans</th>
                <th scope="col" className="nhsuk-table__header">{orgName}</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {rollup.map((b, i) => (
                <tr className="nhsuk-table__row" key={b.rowKey} id={`barrier-${b.rowKey}`}>
                  <td className="nhsuk-table__cell">{i + 1}</td>
                  <th scope="row" className="nhsuk-table__header">
                    {b.barrier || "No text yet"}
                  </th>
                  <td className="nhsuk-table__cell">
                    <span data-testid="rollup-summary">{b.summary}</span>
                    {b.organisations && b.organisations.length > 0 ? (
                      <details className="nhsuk-details nhsuk-u-margin-bottom-0">
                        <summary className="nhsuk-details__summary">
                          <span className="nhsuk-details__summary-text">
                            Organisations<span className="nhsuk-u-visually-hidden"> for row {i + 1}</span>
                          </span>
                        </summary>
                        <div className="nhsuk-details__text">
                          <ul className="nhsuk-list">
                            {b.organisations.map((o) => (
                              <li key={o.orgId}>
                                <strong>{o.orgName}</strong>:{" "}
                                {o.statuses
                                  .map((s) => statusText(s))
                                  .join("; ")}
                              </li>
                            ))}
                          </ul>
                        </div>
                      </details>
                    ) : null}
                    {b.notPickedUp && b.notPickedUp.length > 0 ? (
                      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Not picked up by {b.notPickedUp.length} {b.notPickedUp.length === 1 ? "organisation" : "organisations"}</p>
                    ) : null}
                  </td>
                  <td className="nhsuk-table__cell">
                    {b.ours.length ? (
                      <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                        {b.ours.map((o) => (
                          <li key={o.rowKey}>
                            <Link to={`/plans/${o.planId}#row-${o.rowKey}`}>
                              In {ourPlanName(o)}
                              <span className="nhsuk-u-visually-hidden"> (row {i + 1})</span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {canPull ? (
                      <Link to={`/plans/pull?source=register:${b.rowKey}`}>
                        Add to our plan<span className="nhsuk-u-visually-hidden">: row {i + 1}</span>
                      </Link>
                    ) : b.ours.length ? null : (
                      "Not in our plans"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {detail && rollup.length > 0 ? (
        <>
          <h2>Barriers not picked up</h2>
          {notPickedUp.length === 0 ? (
            <p>Every member organisation has picked up every shared barrier.</p>
          ) : (
            <div className="peff-table-wrap">
              <table className="nhsuk-table">
                <caption className="nhsuk-table__caption">Member organisations that have not added each barrier to a plan</caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th scope="col" className="nhsuk-table__header">Barrier</th>
                    <th scope="col" className="nhsuk-table__header">Not picked up by</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {notPickedUp.map((b) => (
                    <tr className="nhsuk-table__row" key={b.rowKey}>
                      <th scope="row" className="nhsuk-table__header">
                        {b.barrier || "No text yet"}
                      </th>
                      <td className="nhsuk-table__cell">{b.notPickedUp!.map((o) => o.orgName).join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
