import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Choices } from "~/components/form/fields";
import { invalid } from "~/domain/errors";
import { parseSourceParam, previewPull } from "~/domain/plans/preview-pull.server";
import { pullIntoPlan } from "~/domain/plans/pull-into-plan.server";
import { formGuarded, guarded } from "~/lib/http.server";
import { formValues, valueOf } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Add to our plan");

function sourceOf(request: Request, form?: FormData) {
  const raw = form ? String(form.get("source") ?? "") : new URL(request.url).searchParams.get("source");
  const ref = parseSourceParam(raw);
  if (!ref) throw invalid({ source: "Choose a barrier from the shared register or a shared evidence item to add" }, "Nothing to add: open this page from the register or an evidence item");
  return ref;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const ref = sourceOf(request);
    const preview = await previewPull(context.database, actor, ref);
    return { ref, preview, orgName: actor.active.orgName };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await request.formData();
  const values = formValues(form);
  return formGuarded(values, async () => {
    const ref = sourceOf(request, form);
    const planId = String(form.get("planId") ?? "");
    if (!planId) throw invalid({ planId: "Select the plan to add this to" });
    const { rowKey } = await pullIntoPlan(context.database, actor, planId, ref);
    throw redirect(`/plans/${planId}#row-${rowKey}`);
  });
}

export default function AddToPlan() {
  const { ref, preview, orgName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  const { snapshot } = preview.source;
  const { labels } = preview;
  const choosable = preview.plans.filter((p) => !p.alreadyPulled);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={ref.kind === "register" ? "/register/progress" : `/evidence/${ref.id}`} className="nhsuk-back-link">
          {ref.kind === "register" ? "Back to the register's progress" : "Back to the evidence item"}
        </Link>
        <ErrorSummary errors={failed?.errors} message={failed?.message} />
        <span className="nhsuk-caption-l">{orgName}</span>
        <h1>Add to our plan</h1>
        <p>
          A new action is added to the plan you choose, filled in from this {ref.kind === "register" ? "shared barrier" : "evidence item"}. It keeps a link to
          it: if the source changes later, the plan shows what changed and lets you take the change or keep your own wording. The collaborative sees
          the action&apos;s status, nothing else of your plan.
        </p>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{ref.kind === "register" ? "Barrier" : "Evidence"}</dt>
            <dd className="nhsuk-summary-list__value">{snapshot.title || "No text yet"}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{ref.kind === "register" ? "Issue at play" : "Summary"}</dt>
            <dd className="nhsuk-summary-list__value">{snapshot.issue || "None"}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Characteristics or groups</dt>
            <dd className="nhsuk-summary-list__value">{labels.characteristics.join("; ") || "None"}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">EDS outcomes</dt>
            <dd className="nhsuk-summary-list__value">{labels.edsOutcomes.join("; ") || "None"}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Public Sector Equality Duty aims</dt>
            <dd className="nhsuk-summary-list__value">{labels.psedAims.join("; ") || "None"}</dd>
          </div>
        </dl>
        {preview.plans.length === 0 ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              {orgName} has no plan being worked on (archived plans are not added to). <Link to="/plans/new">Create a plan</Link>, then come back to add this.
            </p>
          </div>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="source" value={`${ref.kind}:${ref.id}`} />
            {preview.plans.some((p) => p.alreadyPulled) ? (
              <p>Already in: {preview.plans.filter((p) => p.alreadyPulled).map((p) => p.title).join(", ")}.</p>
            ) : null}
            {choosable.length ? (
              <>
                <Choices
                  type="radio"
                  name="planId"
                  legend="Which plan should the action go in?"
                  legendClassName="nhsuk-fieldset__legend--m"
                  options={choosable.map((p) => ({ value: p.id, label: p.title }))}
                  defaultValue={valueOf(failed?.values, "planId") || (choosable.length === 1 ? choosable[0]!.id : undefined)}
                  error={failed?.errors.planId}
                />
                <button type="submit" className="nhsuk-button">
                  Add to the plan
                </button>
              </>
            ) : (
              <p>Every plan of {orgName} already has an action from this source.</p>
            )}
          </Form>
        )}
      </div>
    </div>
  );
}
