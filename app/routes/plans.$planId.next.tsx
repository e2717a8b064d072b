import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Choices } from "~/components/form/fields";
import { WarningCallout } from "~/components/Notice";
import { PlanDetailsFields } from "~/components/plans/PlanDetailsFields";
import { carryForwardPlan, previewCarryForward } from "~/domain/plans/carry-forward-plan.server";
import { AGAIN_FIELD, objectivesText, planDetailsSchema } from "~/domain/plans/plan-input";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm, valueOf } from "~/lib/forms";
import { countOf, formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Start the next plan");

/** The day after `date` (YYYY-MM-DD), where the next plan's period usually starts. */
function dayAfter(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(() => previewCarryForward(context.database, actor, params.planId!));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await request.formData();
  const archiveOld = form.get("archiveOld") === "yes";
  const again = form.get(AGAIN_FIELD) === "yes";
  form.set("kind", "equality_objectives"); // the new plan takes the old one's kind; the schema needs a value
  const parsed = parseForm(form, planDetailsSchema);
  const values = { ...parsed.values, archiveOld: archiveOld ? "yes" : "", [AGAIN_FIELD]: again ? "yes" : "" };
  if (!parsed.ok) return formFailure(parsed.errors, values);
  return formGuarded(values, async () => {
    const { kind: _kind, ...details } = parsed.data;
    const { id } = await carryForwardPlan(context.database, actor, params.planId!, details, { archiveOld, again });
    throw redirect(`/plans/${id}`);
  });
}

export default function StartNextPlan() {
  const plan = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  const values = failed?.values ?? { title: "", periodStart: dayAfter(plan.periodEnd), periodEnd: "", objectives: objectivesText(plan.objectives), archiveOld: "yes" };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={`/plans/${plan.id}/settings`} className="nhsuk-back-link">
          Back to the plan settings
        </Link>
        <ErrorSummary errors={failed?.errors} message={failed?.message} />
        <span className="nhsuk-caption-l">{plan.title}</span>
        <h1>Start the next plan</h1>
        <p>
          A new plan of the same kind and status legend, for its own period and objectives, that takes over this plan&apos;s{" "}
          {countOf(plan.carried, "unfinished action")}: what each says, where it came from and its dated updates, with an update saying it was carried
          forward. {plan.complete ? `The ${countOf(plan.complete, "complete action")} ${plan.complete === 1 ? "stays" : "stay"} here.` : null} This plan
          keeps its history, including its due-date moves. Check the objectives: actions refer to them by number.
        </p>
        {plan.startedFrom.length ? (
          <WarningCallout title="A plan was already started from this one">
            <ul className="nhsuk-list">
              {plan.startedFrom.map((p) => (
                <li key={p.id}>
                  <Link to={`/plans/${p.id}`}>{p.title}</Link>, started on {formatDate(p.createdAt)}
                </li>
              ))}
            </ul>
            <p>It already has this plan&apos;s unfinished actions. Another plan started from this one would take them over again, so each would be worked on in two plans.</p>
          </WarningCallout>
        ) : null}
        <Form method="post" noValidate>
          <PlanDetailsFields values={values} errors={failed?.errors} withKind={false} />
          {plan.archivedAt ? (
            <p>This plan was archived on {formatDate(plan.archivedAt)}.</p>
          ) : (
            <Choices
              type="checkbox"
              name="archiveOld"
              legend="This plan"
              options={[{ value: "yes", label: `Archive "${plan.title}" when the new plan is made` }]}
              defaultValue={valueOf(values, "archiveOld")}
            />
          )}
          {plan.startedFrom.length ? (
            <Choices
              type="checkbox"
              name={AGAIN_FIELD}
              legend="Start another plan from this one"
              error={failed?.errors?.[AGAIN_FIELD]}
              options={[{ value: "yes", label: "I know a plan was already started from this one: start another, taking over the same actions again" }]}
              defaultValue={valueOf(values, AGAIN_FIELD)}
            />
          ) : null}
          <button type="submit" className="nhsuk-button">
            Start the next plan
          </button>
        </Form>
        <p>
          <Link to={`/plans/${plan.id}/settings`}>Cancel</Link>
        </p>
      </div>
    </div>
  );
}
