import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { PlanDetailsFields } from "~/components/plans/PlanDetailsFields";
import { createPlan } from "~/domain/plans/create-plan.server";
import { planDetailsSchema } from "~/domain/plans/plan-input";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { policyActor } from "~/domain/auth/actor";
import { canEditPlans, planCreationRefusal } from "~/policies/plans";

export const meta: MetaFunction = () => pageTitle("Create a plan");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    ensure(canEditPlans(actor.active.role), planCreationRefusal(policyActor(actor), actor.active.orgName));
    return null;
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const parsed = parseForm(await request.formData(), planDetailsSchema);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    const { id } = await createPlan(context.database, actor, parsed.data);
    throw redirect(`/plans/${id}`);
  });
}

export default function NewPlan() {
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/plans" className="nhsuk-back-link">
          Back to plans
        </Link>
        <ErrorSummary errors={errors} message={result && !result.ok ? result.message : undefined} />
        <h1>Create a plan</h1>
        <p>The plan starts with the forum&apos;s usual status legend (Blue action ongoing, Green complete, Amber in progress, Red not started); you can change it in the plan&apos;s settings.</p>
        <Form method="post" noValidate>
          <PlanDetailsFields values={values} errors={errors} withKind />
          <button type="submit" className="nhsuk-button">
            Create the plan
          </button>
        </Form>
      </div>
    </div>
  );
}
