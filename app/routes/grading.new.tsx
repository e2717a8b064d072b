import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Choices, Select } from "~/components/form/fields";
import { DetailsFields } from "~/components/grading/DetailsFields";
import { policyActor } from "~/domain/auth/actor";
import { createAssessment } from "~/domain/grading/create-assessment.server";
import { newAssessmentSchema } from "~/lib/grading-forms";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm, valueOf } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { assessmentStartRefusal, canManageAssessments, yearLabel } from "~/policies/grading";

export const meta: MetaFunction = () => pageTitle("Start an assessment");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    ensure(canManageAssessments(policyActor(actor)), assessmentStartRefusal(policyActor(actor), actor.active.orgName));
    return null;
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const parsed = parseForm(await request.formData(), newAssessmentSchema, ["raters"]);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    const id = await createAssessment(context.database, actor, parsed.data);
    throw redirect(`/grading/${id}`);
  });
}

export default function NewAssessment() {
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear + 2 - 2012 }, (_, i) => thisYear + 1 - i);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/grading" className="nhsuk-back-link">
          Back to grading
        </Link>
        <ErrorSummary errors={errors} message={result && !result.ok ? result.message : undefined} />
        <h1>Start an assessment</h1>
        <p>One assessment per framework and year. You can enter previous years from your published documents.</p>
        <Form method="post" noValidate>
          <Choices
            type="radio"
            name="frameworkCode"
            legend="Framework"
            legendClassName="nhsuk-fieldset__legend--m"
            options={[
              { value: "EDS2022", label: "EDS 2022", hint: "3 domains, 11 outcomes scored 0 to 3; Domain 1 per service" },
              { value: "EDS2", label: "EDS2", hint: "4 goals, 18 outcomes graded Undeveloped to Excelling (2013 to 2022)" },
            ]}
            defaultValue={valueOf(values, "frameworkCode")}
            error={errors?.frameworkCode}
          />
          <Select
            name="yearStart"
            label="Year"
            options={years.map((y) => ({ value: String(y), label: yearLabel(y) }))}
            placeholder="Select the year"
            defaultValue={valueOf(values, "yearStart")}
            error={errors?.yearStart}
          />
          <DetailsFields values={values} errors={errors} />
          <button type="submit" className="nhsuk-button">
            Start the assessment
          </button>
        </Form>
      </div>
    </div>
  );
}
