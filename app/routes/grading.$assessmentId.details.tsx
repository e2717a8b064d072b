import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { DetailsFields } from "~/components/grading/DetailsFields";
import { policyActor } from "~/domain/auth/actor";
import { getAssessment } from "~/domain/grading/get-assessment.server";
import { updateAssessmentDetails } from "~/domain/grading/update-assessment-details.server";
import { detailsSchema } from "~/lib/grading-forms";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { canEditAssessment, yearLabel } from "~/policies/grading";

export const meta: MetaFunction = () => pageTitle("Assessment details");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const { assessment, framework } = await getAssessment(context.database, actor, params.assessmentId!);
    ensure(canEditAssessment(policyActor(actor), assessment), "Only the organisation's equality lead changes an assessment, and not once it is published");
    return { assessment, title: `${framework.code === "EDS2" ? "EDS2" : "EDS 2022"} ${yearLabel(assessment.yearStart)}` };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const parsed = parseForm(await request.formData(), detailsSchema, ["raters"]);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    await updateAssessmentDetails(context.database, actor, params.assessmentId!, parsed.data);
    throw redirect(`/grading/${params.assessmentId}?done=details`);
  });
}

export default function AssessmentDetails() {
  const { assessment, title } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={`/grading/${assessment.id}`} className="nhsuk-back-link">
          Back to the assessment
        </Link>
        <ErrorSummary errors={errors} message={result && !result.ok ? result.message : undefined} />
        <h1>
          <span className="nhsuk-caption-l">{title}</span>
          Assessment details
        </h1>
        <Form method="post" noValidate>
          <DetailsFields values={result && !result.ok ? result.values : undefined} errors={errors} defaults={assessment} />
          <button type="submit" className="nhsuk-button">
            Save details
          </button>
        </Form>
      </div>
    </div>
  );
}
