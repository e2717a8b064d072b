import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CopyLink } from "~/components/CopyLink";
import { policyActor } from "~/domain/auth/actor";
import { createPasswordReset, describeResetTarget } from "~/domain/password-resets/create-password-reset.server";
import { guarded } from "~/lib/http.server";
import { formatDateTime } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { canSeeMembersPage } from "~/policies/members";
import { RESET_LINK_HOURS, RESET_REFUSED } from "~/policies/password-reset";

export const meta: MetaFunction = () => pageTitle("Password reset link");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    ensure(canSeeMembersPage(policyActor(actor)), "Only equality leads and collaborative admins make password reset links");
    const target = await describeResetTarget(context.database, actor, params.membershipId!);
    ensure(target.allowed, RESET_REFUSED);
    return { target };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    ensure(canSeeMembersPage(policyActor(actor)), "Only equality leads and collaborative admins make password reset links");
    const link = await createPasswordReset(context.database, context.config, actor, params.membershipId!);
    return { link: { ...link, expiresAt: link.expiresAt.toISOString() } };
  });
}

export default function PasswordResetLink() {
  const { target } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.link) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <div className="nhsuk-panel">
            <h1 className="nhsuk-panel__title">Password reset link created</h1>
            <div className="nhsuk-panel__body">For {target.name} ({target.email})</div>
          </div>
          <h2>Send them this link</h2>
          <p>
            It is shown only once. It works once, until {formatDateTime(result.link.expiresAt)} at the latest ({RESET_LINK_HOURS} hours). Send it to them directly, the way you would
            share anything confidential: whoever opens it can choose the password for their account.
          </p>
          <CopyLink id="reset-link" label="Password reset link" url={result.link.url} />
          <p>
            <Link to="/members">Back to members</Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/members" className="nhsuk-back-link">
          Back to members
        </Link>
        <span className="nhsuk-caption-l">{target.orgName}</span>
        <h1>Make a password reset link for {target.name}</h1>
        <p>
          If {target.name} has forgotten their password, make them a link to choose a new one. The service sends no email: you send them the link. Until they use it, nothing
          changes: their password still works. When they use it, they are signed out everywhere else.
        </p>
        <p>A newer link replaces an older one. Links last {RESET_LINK_HOURS} hours.</p>
        <Form method="post">
          <button type="submit" className="nhsuk-button">
            Create password reset link
          </button>
        </Form>
        <p>
          <Link to="/members">Cancel</Link>
        </p>
      </div>
    </div>
  );
}
