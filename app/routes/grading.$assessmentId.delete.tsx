import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { WarningCallout } from "~/components/Notice";
import { deleteAssessment, previewDeleteAssessment } from "~/domain/grading/delete-assessment.server";
import { formGuarded, guarded } from "~/lib/http.server";
import { countOf } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Delete an assessment");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(() => previewDeleteAssessment(context.database, actor, params.assessmentId!));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  return formGuarded({}, async () => {
    await deleteAssessment(context.database, actor, params.assessmentId!);
    throw redirect("/grading?done=deleted");
  });
}

export default function DeleteAssessment() {
  const preview = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const goes = [
    preview.grades && countOf(preview.grades, "grade"),
    preview.services && countOf(preview.services, "service under review", "services under review"),
    preview.comments && countOf(preview.comments, "peer review comment"),
    preview.reviewers && countOf(preview.reviewers, "peer reviewer assignment"),
  ].filter(Boolean) as string[];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={`/grading/${preview.id}`} className="nhsuk-back-link">
          Back to the assessment
        </Link>
        <ErrorSummary errors={failure?.errors} message={failure?.message} />
        <span className="nhsuk-caption-l">{preview.title}</span>
        <h1>Delete this assessment</h1>
        <p>For an assessment started by mistake: the wrong year or framework, say. It has not been agreed, so nothing of it has left your organisation.</p>
        <p>
          {goes.length ? `Deleted with it: ${goes.join(", ")}, and the history of its grades.` : "It has no grades, comments or peer reviewers yet."} Linked evidence stays in the
          library.
        </p>
        <WarningCallout title="This cannot be undone">
          <p>You can start a new assessment for the same framework and year afterwards.</p>
        </WarningCallout>
        <Form method="post">
          <button type="submit" className="nhsuk-button nhsuk-button--warning">
            Delete this assessment
          </button>
        </Form>
        <p>
          <Link to={`/grading/${preview.id}`}>Cancel</Link>
        </p>
      </div>
    </div>
  );
}
