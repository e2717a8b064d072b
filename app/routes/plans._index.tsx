import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AttentionTable } from "~/components/plans/AttentionTable";
import { PlansTable } from "~/components/plans/PlansTable";
import { listPlans } from "~/domain/plans/list-plans.server";
import { guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { canEditPlans } from "~/policies/plans";

export const meta: MetaFunction = () => pageTitle("Plans");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => ({
    ...(await listPlans(context.database, actor)),
    orgName: actor.active.orgName,
    canEdit: canEditPlans(actor.active.role),
  }));
}

export default function Plans() {
  const { plans, attention, orgName, canEdit } = useLoaderData<typeof loader>();
  const current = plans.filter((p) => !p.archivedAt);
  const archived = plans.filter((p) => p.archivedAt);
  return (
    <>
      <span className="nhsuk-caption-l">{orgName}</span>
      <h1>Plans</h1>
      <p>
        Your organisation&apos;s equality objective, workforce and EDS action plans. Only people in {orgName} can see them; the collaborative sees the
        status of actions you add from the shared register.
      </p>
      {canEdit ? (
        <Link to="/plans/new" className="nhsuk-button" role="button" draggable="false">
          Create a plan
        </Link>
      ) : null}
      {current.length === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {plans.length ? `${orgName} has no plan being worked on.` : `${orgName} has no plans yet.`}{" "}
            {canEdit ? "Create one, then add actions, import an existing plan, or add barriers from the shared register." : "An equality lead or contributor can create one."}
          </p>
        </div>
      ) : (
        <PlansTable plans={current} caption={`Plans of ${orgName}`} />
      )}
      {/* With no plan at all there is nothing to be overdue: the first step above is what matters. */}
      {plans.length ? (
        <>
          <h2>Overdue and slipped actions</h2>
          {attention.length ? (
            <AttentionTable actions={attention} caption="Actions past their due date and not complete, or whose date moved more than once" />
          ) : (
            <p>No action is overdue or has slipped.</p>
          )}
        </>
      ) : null}
      {archived.length ? (
        <>
          <h2>Archived plans</h2>
          <p>Kept as they were when archived: they can be read, printed and downloaded, and restored from their settings to be changed again.</p>
          <PlansTable plans={archived} caption={`Archived plans of ${orgName}`} archived />
        </>
      ) : null}
    </>
  );
}
