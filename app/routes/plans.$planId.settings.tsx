import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { LegendFields } from "~/components/plans/LegendFields";
import { PlanDetailsFields } from "~/components/plans/PlanDetailsFields";
import { invalid, notFound } from "~/domain/errors";
import { LegendChanged } from "~/domain/legend-changed";
import { setPlanArchived } from "~/domain/plans/archive-plan.server";
import { getPlan } from "~/domain/plans/get-plan.server";
import { objectivesText, parseLegend, planDetailsSchema } from "~/domain/plans/plan-input";
import { PlanStatusInUse, updatePlan } from "~/domain/plans/update-plan.server";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { formValues, optionalText, parseForm, type FieldErrors, type FormValues } from "~/lib/forms";
import { formatDate } from "~/lib/labels";
import { legendIndexOf } from "~/lib/legend-input";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { canEditPlans } from "~/policies/plans";

export const meta: MetaFunction = () => pageTitle("Plan settings");

type PlanRow = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    ensure(canEditPlans(actor.active.role), "Only equality leads and contributors change a plan's settings");
    const plan = await getPlan(context.database, actor, params.planId!);
    if (!plan) throw notFound("No such plan in your organisation");
    return { plan };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await request.formData();
  const planId = params.planId!;
  const intent = form.get("intent");
  if (intent === "archive" || intent === "restore") {
    return formGuarded({ intent: String(intent) }, async () => {
      await setPlanArchived(context.database, actor, planId, intent === "archive");
      throw redirect(intent === "archive" ? "/plans" : `/plans/${planId}`);
    });
  }
  if (intent === "legend") {
    const parsed = parseLegend(form);
    const values = { ...formValues(form), intent: "legend" };
    if (!parsed.ok) return formFailure(parsed.errors, values);
    return formGuarded(values, async () => {
      try {
        await updatePlan(context.database, actor, planId, { legend: parsed.legend, loadedLegend: optionalText(form, "loaded") });
      } catch (error) {
        // What they typed is kept; "loaded" becomes the legend as it now is, so saving again keeps theirs.
        if (error instanceof LegendChanged) return formFailure({}, { ...values, loaded: error.current }, error.status, error.message);
        // Each status that actions still have gets its message beside its own "Remove" box.
        if (error instanceof PlanStatusInUse) throw invalid(Object.fromEntries(error.inUse.map((s) => [`remove-${Math.max(0, legendIndexOf(form, s.key))}`, inUseMessage(s)])));
        throw error;
      }
      throw redirect(`/plans/${planId}`);
    });
  }
  form.set("kind", "equality_objectives"); // the kind is not changed here; the schema needs a value
  const parsed = parseForm(form, planDetailsSchema);
  const values = { ...parsed.values, intent: "details" };
  if (!parsed.ok) return formFailure(parsed.errors, values);
  return formGuarded(values, async () => {
    const { kind: _kind, ...details } = parsed.data;
    await updatePlan(context.database, actor, planId, { details });
    throw redirect(`/plans/${planId}`);
  });
}

function inUseMessage(s: { label: string; actions: number }) {
  return `${s.actions} ${s.actions === 1 ? "action has" : "actions have"} the status "${s.label}": give ${s.actions === 1 ? "it" : "them"} another status first`;
}

export default function PlanSettings() {
  const { plan } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  const failedLegend = failed?.values.intent === "legend" ? failed : undefined;
  const failedDetails = failed?.values.intent === "details" ? failed : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <Link to={`/plans/${plan.id}`} className="nhsuk-back-link">
          Back to the plan
        </Link>
        <ErrorSummary errors={failed?.errors} message={failed?.message} />
        <span className="nhsuk-caption-l">{plan.title}</span>
        <h1>Plan settings</h1>
        {plan.archivedAt ? <ArchivedSettings planId={plan.id} archivedAt={plan.archivedAt} /> : <ActiveSettings plan={plan} failedDetails={failedDetails} failedLegend={failedLegend} />}
      </div>
    </div>
  );
}

/** An archived plan's settings: only restoring it (its details and legend are kept as they were). */
function ArchivedSettings({ planId, archivedAt }: { planId: string; archivedAt: Date }) {
  return (
    <>
      <p>
        This plan was archived on {formatDate(archivedAt)}. Its details, legend and actions are kept as they were. Restore it to change them again: it goes back to the list of
        plans being worked on, its overdue actions are chased again, and shared barriers and evidence can be added to it.
      </p>
      <IntentButton intent="restore" label="Restore this plan" />
      <h2>Start the next plan</h2>
      <p>
        <Link to={`/plans/${planId}/next`}>Start the next plan from this one</Link>: a new plan for a new period that takes over the actions not complete here.
      </p>
      <DeleteSection planId={planId} />
    </>
  );
}

/** A one-button form for an intent that takes no fields (archive, restore). */
function IntentButton({ intent, label, secondary = false }: { intent: "archive" | "restore"; label: string; secondary?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={`nhsuk-button${secondary ? " nhsuk-button--secondary" : ""}`}>
        {label}
      </button>
    </Form>
  );
}

/** Both kinds of settings lead to the delete page, which says whether this plan can go. */
function DeleteSection({ planId }: { planId: string }) {
  return (
    <>
      <h2>Delete this plan</h2>
      <p>
        A plan created by mistake, and never worked on, can be deleted. <Link to={`/plans/${planId}/delete`}>Delete this plan</Link>
      </p>
    </>
  );
}

type Failure = { values: FormValues; errors: FieldErrors } | undefined;

function ActiveSettings({ plan, failedDetails, failedLegend }: { plan: PlanRow; failedDetails: Failure; failedLegend: Failure }) {
  const detailValues = failedDetails?.values ?? { title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd, objectives: objectivesText(plan.objectives) };
  return (
    <>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Details and objectives</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="details" />
            <PlanDetailsFields values={detailValues} errors={failedDetails?.errors} withKind={false} />
            <button type="submit" className="nhsuk-button">
              Save details
            </button>
          </Form>
        </div>
      </div>
      <h2>Status legend</h2>
      <p>
        Every status has its text and its colour, and says what it means: actions with a status that means complete are never overdue, and the collaborative&apos;s roll-up counts
        your pulled actions by meaning. Change the text or colour of a status and every action that has it follows; a status actions still have cannot be removed until they
        have another.
      </p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="legend" />
        <LegendFields legend={plan.legend} values={failedLegend?.values} errors={failedLegend?.errors} />
        <button type="submit" className="nhsuk-button">
          Save the legend
        </button>
      </Form>
      <h2>Start the next plan</h2>
      <p>
        When this plan&apos;s period ends, <Link to={`/plans/${plan.id}/next`}>start the next plan from this one</Link>: a new plan for a new period that
        takes over the actions not complete here, and archives this one if you ask.
      </p>
      <h2 id="archive">Archive this plan</h2>
      <p>
        When a plan&apos;s period is over, or it was replaced, archive it: it is kept as it is and can still be read, printed and downloaded, but no one can change it, it leaves
        the list of plans being worked on, and its actions are no longer counted as overdue. Anyone editing it now sees it become read-only. You can restore it here later.
      </p>
      <IntentButton intent="archive" label="Archive this plan" secondary />
      <DeleteSection planId={plan.id} />
    </>
  );
}
