import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { PlanLegendEntry } from "#db/schema";
import { alternativeFormatNotice, loadPlanForPublishing } from "~/domain/plans/export-plan.server";
import { PLAN_KIND_LABELS } from "~/domain/plans/plan-input";
import { guarded } from "~/lib/http.server";
import { formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { formatDue, progressDay } from "~/lib/plan/dates";
import { stepText } from "~/lib/plan/tabular";
import { labelOf } from "~/lib/register/options";
import { requireActor } from "~/lib/session.server";
import { isOverdue, isSlipped } from "~/policies/plan-progress";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `${data.plan.title}, ${data.plan.orgName}` : "Objective plan");

/** Any member of the plan's organisation (RLS hides other organisations' plans: 404). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const plan = await loadPlanForPublishing(context.database, actor, params.planId!);
    return { plan, today: progressDay(plan.archivedAt), notice: alternativeFormatNotice(plan) };
  });
}

const TAG: Record<string, string> = {
  blue: "nhsuk-tag--blue",
  green: "nhsuk-tag--green",
  amber: "nhsuk-tag--orange",
  red: "nhsuk-tag--red",
  grey: "nhsuk-tag--grey",
  purple: "nhsuk-tag--purple",
};

/** The status in words, with the colour named (never colour alone). */
function Status({ status, legend }: { status: string | null; legend: PlanLegendEntry[] }) {
  const entry = legend.find((s) => s.key === status);
  if (!entry) return <>No status</>;
  return (
    <strong className={`nhsuk-tag ${TAG[entry.colour] ?? ""}`}>
      {entry.label} ({entry.colour})
    </strong>
  );
}

/** The latest updates shown in full; older ones are counted (the export has them all). */
const LATEST_UPDATES = 3;

/**
 * The plan as an organisation publishes it on its website: organisation, title, period, numbered
 * objectives, a progress summary, then every action with its status in words, and the
 * alternative-format notice with the organisation's contact details. Prints cleanly.
 */
export default function PrintPlan() {
  const { plan, today, notice } = useLoaderData<typeof loader>();
  const { options, legend, progress } = plan;
  const objectiveText = (n: string) => plan.objectives.find((o) => String(o.number) === n)?.text;
  return (
    <article className="plan-print">
      <p className="peff-no-print">
        <Link to={`/plans/${plan.id}`}>Back to the plan</Link>. Use your browser&apos;s print command to print or save as PDF. Download every action as{" "}
        <a href={`/plans/${plan.id}/export?format=csv`}>CSV</a> or <a href={`/plans/${plan.id}/export?format=xlsx`}>Excel (XLSX)</a>.
      </p>
      <h1>
        <span className="nhsuk-caption-l">{plan.orgName}</span>
        {plan.title}
      </h1>
      <p>
        {PLAN_KIND_LABELS[plan.kind]}, {formatDate(plan.periodStart)} to {formatDate(plan.periodEnd)}.{" "}
        {plan.archivedAt ? `Archived on ${formatDate(plan.archivedAt)}: progress as it stood then.` : `Progress as at ${formatDate(plan.readAt)}.`}
      </p>

      <section aria-labelledby="objectives">
        <h2 id="objectives">Our equality objectives</h2>
        {plan.objectives.length ? (
          <ol className="plan-print-objectives">
            {plan.objectives.map((o) => (
              <li key={o.number} value={o.number}>
                <span className="nhsuk-u-visually-hidden">Objective {o.number}: </span>
                {o.text}
              </li>
            ))}
          </ol>
        ) : (
          <p>This plan has no numbered objectives.</p>
        )}
      </section>

      <section aria-labelledby="progress">
        <h2 id="progress">Progress summary</h2>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Number of actions by status, and overdue and slipped actions</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {progress.byStatus.map((s) => (
              <tr key={s.key ?? "none"}>
                <th scope="row">{s.key ? <Status status={s.key} legend={legend} /> : s.label}</th>
                <td>{s.count}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Overdue (due date passed, not complete)</th>
              <td>{progress.overdue}</td>
            </tr>
            <tr>
              <th scope="row">Slipped (due date moved more than once)</th>
              <td>{progress.slipped}</td>
            </tr>
            <tr>
              <th scope="row">All actions</th>
              <td>{progress.total}</td>
            </tr>
          </tbody>
        </table>
        <p>Status key: {legend.map((s) => `${s.colour}, ${s.label.toLowerCase()}`).join("; ")}.</p>
      </section>

      <section aria-labelledby="actions">
        <h2 id="actions">Actions</h2>
        {plan.actions.length === 0 ? <p>This plan has no actions yet.</p> : null}
        {plan.actions.map((a, i) => {
          const overdue = isOverdue(a, legend, today);
          const slipped = isSlipped(a);
          const updates = [...a.updates].reverse();
          return (
            <section key={a.key} className="plan-print-action" aria-labelledby={`action-${a.key}`}>
              <h3 className="nhsuk-heading-s" id={`action-${a.key}`}>
                {i + 1}. {a.action || a.barrier || "Untitled action"}
              </h3>
              <dl className="nhsuk-summary-list">
                <Item term="Status">
                  <Status status={a.status} legend={legend} />
                  {overdue ? <strong className="nhsuk-tag nhsuk-tag--red plan-print-flag">Overdue</strong> : null}
                  {slipped ? <strong className="nhsuk-tag nhsuk-tag--orange plan-print-flag">Slipped (moved {a.dueChanges.length} times)</strong> : null}
                </Item>
                <Item term="Protected characteristics or groups">{a.characteristics.map((c) => labelOf(options.characteristics, c)).join("; ") || "Not stated"}</Item>
                <Item term="Barrier and issue at play">{[a.barrier, a.issue].filter(Boolean).join(". ") || "Not stated"}</Item>
                <Item term="Action">{a.action || "Not stated"}</Item>
                <Item term="Responsible officer">{[a.responsibleOfficer, a.owner].filter(Boolean).join(", ") || "Not stated"}</Item>
                <Item term="Due date">
                  {a.currentDue ? formatDue(a.currentDue) : "No date set"}
                  {a.originalDue && a.originalDue !== a.currentDue ? <> (originally {formatDue(a.originalDue)})</> : null}
                  {a.dueChanges.length ? (
                    <ul className="nhsuk-list plan-print-compact">
                      {a.dueChanges.map((c, j) => (
                        <li key={j}>
                          Moved on {formatDate(c.at)} from {c.from ? formatDue(c.from) : "no date"} to {c.to ? formatDue(c.to) : "no date"}: {c.reason}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </Item>
                <Item term={updates.length > 1 ? "Latest updates" : "Latest update"}>
                  {updates.length ? (
                    <ul className="nhsuk-list plan-print-compact">
                      {updates.slice(0, LATEST_UPDATES).map((u, j) => (
                        <li key={j}>
                          <strong>{formatDate(u.at)}</strong>: {u.text}
                        </li>
                      ))}
                      {updates.length > LATEST_UPDATES ? <li>And {updates.length - LATEST_UPDATES} earlier updates.</li> : null}
                    </ul>
                  ) : (
                    "No updates yet"
                  )}
                </Item>
                {a.steps.length ? (
                  <Item term="Steps">
                    <ul className="nhsuk-list plan-print-compact">
                      {a.steps.map((s, j) => (
                        <li key={s.key || j}>{stepText(s, j, legend)}</li>
                      ))}
                    </ul>
                  </Item>
                ) : null}
                <Item term="EDS outcomes">{a.edsOutcomes.map((o) => labelOf(options.edsOutcomes, o)).join("; ") || "None"}</Item>
                <Item term="Public Sector Equality Duty aims">{a.psedAims.map((p) => labelOf(options.psedAims, p)).join("; ") || "None"}</Item>
                <Item term="Equality objectives">
                  {a.objectives.length ? a.objectives.map((n) => (objectiveText(n) ? `${n}. ${objectiveText(n)}` : `${n} (no longer one of this plan's objectives)`)).join("; ") : "None"}
                </Item>
                {a.risks || a.mitigations ? (
                  <Item term="Risks and mitigations">
                    {a.risks ? <p className="plan-print-para">Risks: {a.risks}</p> : null}
                    {a.mitigations ? <p className="plan-print-para">Mitigations: {a.mitigations}</p> : null}
                  </Item>
                ) : null}
                {a.source ? (
                  <Item term="Shared with the collaborative">
                    {a.source.kind === "register" ? "From the collaborative's shared barrier register" : "From shared evidence"}: {a.source.snapshot.title}
                  </Item>
                ) : null}
              </dl>
            </section>
          );
        })}
      </section>

      <section aria-labelledby="alternative-format" className="plan-print-notice">
        <h2 id="alternative-format">Alternative formats and contact</h2>
        {notice.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>
    </article>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{term}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}
