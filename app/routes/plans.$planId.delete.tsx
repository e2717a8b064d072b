import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { WarningCallout } from "~/components/Notice";
import { deletePlan, previewDeletePlan } from "~/domain/plans/delete-plan.server";
import { formGuarded, guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Delete a plan");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(() => previewDeletePlan(context.database, actor, params.planId!));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  return formGuarded({}, async () => {
    await deletePlan(context.database, actor, params.planId!);
    throw redirect("/plans");
  });
}

export default function DeletePlan() {
  const preview = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const settings = `/plans/${preview.id}/settings`;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={settings} className="nhsuk-back-link">
          Back to the plan settings
        </Link>
        <ErrorSummary errors={failure?.errors} message={failure?.message} />
        <span className="nhsuk-caption-l">{preview.title}</span>
        <h1>Delete this plan</h1>
        {preview.workedOn ? (
          <>
            <p>
              This plan cannot be deleted: it has been worked on (actions were added, imported or pulled into it, even if they were removed since), and its history is
              kept.
            </p>
            {preview.archived ? (
              <p>It is archived already: kept as it is, out of the list of plans being worked on.</p>
            ) : (
              <p>
                If it is finished or was replaced, <Link to={settings}>archive it in the plan settings</Link>: it is kept as it is, out of the list of plans being worked
                on.
              </p>
            )}
          </>
        ) : (
          <>
            <p>For a plan created by mistake, of the wrong kind or twice, say. Nothing has been added to it, so nothing is lost.</p>
            <WarningCallout title="This cannot be undone">
              <p>You can create a new plan afterwards.</p>
            </WarningCallout>
            <Form method="post">
              <button type="submit" className="nhsuk-button nhsuk-button--warning">
                Delete this plan
              </button>
            </Form>
            <p>
              <Link to={settings}>Cancel</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
