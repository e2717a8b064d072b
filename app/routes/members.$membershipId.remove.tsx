import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { WarningCallout } from "~/components/Notice";
import { policyActor } from "~/domain/auth/actor";
import { describeMembership } from "~/domain/members/describe-membership.server";
import { removeMember } from "~/domain/members/remove-member.server";
import { guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { canRemoveMember } from "~/policies/members";
import { ROLE_LABELS } from "~/policies/roles";

export const meta: MetaFunction = () => pageTitle("Remove member");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const { reach, ...member } = await describeMembership(context.database, actor, params.membershipId!);
    ensure(canRemoveMember(policyActor(actor), member, reach), "You cannot remove that member");
    return { member };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  await guarded(() => removeMember(context.database, context.config, actor, params.membershipId!));
  throw redirect("/members?done=removed");
}

export default function RemoveMember() {
  const { member } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/members" className="nhsuk-back-link">
          Back to members
        </Link>
        <h1>
          Remove {member.name} from {member.orgName}?
        </h1>
        <p>
          {member.name} ({member.email}) is {ROLE_LABELS[member.role].toLowerCase()}. Removing them signs them out everywhere straight away. Their work (evidence, updates, grades)
          stays, attributed to them.
        </p>
        <WarningCallout title="This cannot be undone">
          <p>To bring them back, send a new invitation.</p>
        </WarningCallout>
        <Form method="post">
          <button type="submit" className="nhsuk-button nhsuk-button--warning">
            Remove {member.name}
          </button>
        </Form>
        <p>
          <Link to="/members">Cancel</Link>
        </p>
      </div>
    </div>
  );
}
