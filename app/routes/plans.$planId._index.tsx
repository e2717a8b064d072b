import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo, useState } from "react";
import { PLAN_COLUMNS } from "~/components/plan/columns";
import { planCells } from "~/components/plan/planCells";
import { PlanHeader } from "~/components/plan/PlanHeader";
import { PlanSummary } from "~/components/plan/PlanSummary";
import { countActions, filterActions, objectiveChoices, type PlanFilter } from "~/components/plan/progress";
import { RegisterGrid } from "~/components/register/RegisterGrid";
import { ConnectionBanner, EditButtons, Legend, PresenceList } from "~/components/register/Toolbar";
import { colourFor, useRegisterDoc } from "~/components/register/useRegisterDoc";
import { LiveOnly, WithoutJavaScript } from "~/components/WithoutJavaScript";
import { notFound } from "~/domain/errors";
import { isPlanId } from "~/domain/plans/get-plan.server";
import { openPlan } from "~/domain/plans/open-plan.server";
import { PLAN_KIND_LABELS } from "~/domain/plans/plan-input";
import { guarded } from "~/lib/http.server";
import { formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { progressDay } from "~/lib/plan/dates";
import { appendActions, readActions } from "~/lib/plan/model";
import { requireActor } from "~/lib/session.server";

const NOT_FOUND = "There is no such plan in your organisation.";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.plan.title : "Plan");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    if (!isPlanId(params.planId)) throw notFound(NOT_FOUND);
    const plan = await openPlan(context.database, actor, params.planId);
    if (!plan) throw notFound(NOT_FOUND);
    return {
      plan: { ...plan, kindLabel: PLAN_KIND_LABELS[plan.kind] },
      orgName: actor.active.orgName,
      me: { id: actor.userId, name: actor.name, organisation: actor.active.orgName, colour: colourFor(actor.userId) },
    };
  });
}

export default function PlanPage() {
  const { plan, orgName, me } = useLoaderData<typeof loader>();
  const stableMe = useMemo(() => me, [me.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const doc = useRegisterDoc(plan.document, stableMe, !plan.canEdit, readActions);
  const [filter, setFilter] = useState<PlanFilter>("all");
  const [added, setAdded] = useState<string | null>(null);
  const today = useMemo(() => progressDay(plan.archived?.at ?? null), [plan.archived]);
  // Until the live document has arrived, show the actions as last saved (read-only).
  const all = doc.synced ? doc.rows : plan.actions;
  const live = doc.synced ? doc : { ...doc, readOnly: true };
  const rows = filterActions(all, filter, plan.legend, today);
  const counts = countActions(all, plan.legend, today);
  const order = all.map((r) => r.key);
  const rowNumber = (key: string) => rows.findIndex((r) => r.key === key) + 1;
  const cells = planCells({ options: plan.options, objectives: objectiveChoices(plan.objectives), legend: plan.legend, sources: plan.sources, me: stableMe, today }, rowNumber);

  return (
    <>
      <PlanHeader
        id={plan.id}
        orgName={orgName}
        title={plan.title}
        kindLabel={plan.kindLabel}
        periodStart={plan.periodStart}
        periodEnd={plan.periodEnd}
        objectives={plan.objectives}
        canEdit={plan.canEdit}
        canManage={plan.canManage}
      />
      {plan.archived ? (
        <div className="nhsuk-inset-text" data-testid="plan-archived">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This plan was archived on {formatDate(plan.archived.at)}
            {plan.archived.byName ? ` by ${plan.archived.byName}` : ""}. It is kept as it was: it can be read, printed and downloaded, but not changed.
            {plan.canManage ? (
              <>
                {" "}
                <Link to={`/plans/${plan.id}/settings`}>Restore it in the plan settings</Link> to change it again.
              </>
            ) : null}
          </p>
        </div>
      ) : plan.canManage && plan.periodEnd < today ? (
        <div className="nhsuk-inset-text" data-testid="plan-period-ended">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This plan&apos;s period ended on {formatDate(plan.periodEnd)}. <Link to={`/plans/${plan.id}/next`}>Start the next plan from it</Link> (its
            unfinished actions are carried forward), or <Link to={`/plans/${plan.id}/settings#archive`}>archive it</Link>.
          </p>
        </div>
      ) : null}
      <h2 className="nhsuk-heading-m">Actions</h2>
      <PlanSummary counts={counts} filter={filter} onFilter={setFilter} shown={rows.length} />
      <PlanWithoutJavaScript id={plan.id} canEdit={plan.canEdit} canManage={plan.canManage} archived={!!plan.archived} />
      {/* The live document's parts: left out of the page as the server draws it (see LiveOnly). */}
      <LiveOnly>
        <ConnectionBanner state={doc.state} readOnly={doc.readOnly} unsent={doc.unsent} what="plan" />
      </LiveOnly>
      <div className="register-side">
        <LiveOnly>
          <PresenceList peers={doc.peers} rowNumber={(key) => order.indexOf(key) + 1} columns={PLAN_COLUMNS} />
        </LiveOnly>
        <Legend legend={plan.legend} />
      </div>
      <LiveOnly>
        <div className="register-toolbar">
          <EditButtons
            register={doc}
            addLabel="Add action"
            onAdd={() => {
              setFilter("all");
              doc.stopCapturing();
              setAdded(appendActions(doc.doc, [{}])[0] ?? null);
              doc.stopCapturing();
            }}
          />
        </div>
        <p className="nhsuk-body-s" id="plan-help">
          Use the arrow keys to move between cells, Enter to edit a cell (or to read a due date&apos;s history and an action&apos;s source), and Escape to stop
          editing. Ctrl+Z undoes your own last change.
        </p>
      </LiveOnly>
      <div aria-live="polite" className="nhsuk-u-visually-hidden" data-testid="announcer">
        {doc.announcement}
      </div>
      <LiveOnly>
        {!doc.synced ? <p className="nhsuk-body">Connecting to the live plan… The actions below are as last saved; you can edit them once connected.</p> : null}
      </LiveOnly>
      {/* From the live actions once connected: the grid replaces the message when anyone adds the first action, and the message returns if every action is deleted. */}
      {all.length === 0 ? (
        <EmptyPlan id={plan.id} orgName={orgName} canEdit={plan.canEdit} archived={!!plan.archived} />
      ) : (
        <>
          {rows.length === 0 ? <p className="nhsuk-body">No actions match. Choose &quot;All actions&quot; to see every action.</p> : null}
          {/* Focusable so keyboard users can scroll the wide grid sideways (WCAG 2.1.1). */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <div className="register-scroll plan-scroll" role="region" aria-label="Plan actions (scrolls sideways)" tabIndex={0}>
            <RegisterGrid register={live} rows={rows} columns={PLAN_COLUMNS} label={`Actions of ${plan.title}`} cells={cells} sharedOrder={filter === "all"} focusRow={added} />
          </div>
        </>
      )}
    </>
  );
}

/**
 * In place of a grid with only its header row: the plan has no actions, and the ways to add the first
 * (Add action, a barrier or evidence item from the shared intelligence, an import) or who can.
 * An archived plan cannot change, and its own notice says how to restore it.
 */
function EmptyPlan({ id, orgName, canEdit, archived }: { id: string; orgName: string; canEdit: boolean; archived: boolean }) {
  return (
    <div className="nhsuk-inset-text" data-testid="plan-empty">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        {archived ? (
          "The plan has no actions."
        ) : canEdit ? (
          <>
            The plan has no actions yet. Add the first with Add action, add a barrier from the <Link to="/register/progress">shared register&apos;s progress</Link> or
            a <Link to="/evidence">shared evidence item</Link> to it, or <Link to={`/plans/${id}/import`}>import actions from CSV or Excel</Link>.
          </>
        ) : (
          `The plan has no actions yet. Equality leads and contributors in ${orgName} can add them.`
        )}
      </p>
    </div>
  );
}

/** Without JavaScript the actions below are as last saved and cannot be changed here: what works instead. */
function PlanWithoutJavaScript({ id, canEdit, canManage, archived }: { id: string; canEdit: boolean; canManage: boolean; archived: boolean }) {
  const base = `/plans/${id}`;
  return (
    <WithoutJavaScript consequence="the actions below are shown as last saved and cannot be changed on this page">
      <li>
        read the whole plan, with its links, in its <a href={`${base}/print`}>published view</a>, which also prints
      </li>
      <li>
        download it as <a href={`${base}/export?format=csv`}>CSV</a> or <a href={`${base}/export?format=xlsx`}>Excel (XLSX)</a>
      </li>
      {canEdit ? (
        <li>
          add actions by <a href={`${base}/import`}>importing them from CSV or Excel</a>
        </li>
      ) : null}
      {canManage ? (
        <li>
          {archived ? "restore it" : "change its details, objectives and status legend, or archive it,"} in its <a href={`${base}/settings`}>plan settings</a>
        </li>
      ) : null}
    </WithoutJavaScript>
  );
}
