import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { ROLES } from "#db/schema";
import { CopyLink } from "~/components/CopyLink";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Choices, Select, TextInput } from "~/components/form/fields";
import { policyActor } from "~/domain/auth/actor";
import { createInvitation } from "~/domain/invitations/create-invitation.server";
import { listInvitableOrganisations } from "~/domain/members/invitable-organisations.server";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { fields, parseForm, valueOf } from "~/lib/forms";
import { formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { canSeeMembersPage, grantableRoles, withheldCollaborativeRoles } from "~/policies/members";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "~/policies/roles";

export const meta: MetaFunction = () => pageTitle("Invite someone");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const who = policyActor(actor);
    ensure(canSeeMembersPage(who), "Only collaborative admins and equality leads can invite people");
    const organisations = await listInvitableOrganisations(context.database, actor);
    return {
      // Per organisation, the roles that may be granted there: the form offers those of the one chosen
      // (createInvitation checks it again), and says why collaborative-wide roles are missing.
      organisations: organisations.map(({ id, name, reach }) => ({ id, name, roles: grantableRoles(who, reach), withheld: withheldCollaborativeRoles(who, id, reach) })),
      isAdmin: who.role === "collaborative_admin",
      activeOrgId: actor.active.orgId,
      days: context.config.invitationDays,
    };
  });
}

const schema = z.object({
  orgId: z.string({ required_error: "Select an organisation" }).uuid("Select an organisation"),
  email: fields.email(),
  role: z.enum(ROLES, { errorMap: () => ({ message: "Select a role" }) }),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const parsed = parseForm(await request.formData(), schema);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    const invitation = await createInvitation(context.database, context.config, actor, parsed.data);
    return { ok: true as const, invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() } };
  });
}

export default function Invite() {
  const { organisations, isAdmin, activeOrgId, days } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  // ?orgId= preselects an organisation (the page that adds one links here to invite its lead).
  const [params] = useSearchParams();
  const initialOrgId = [valueOf(values, "orgId"), params.get("orgId"), activeOrgId].find((id) => organisations.some((o) => o.id === id)) ?? organisations[0]?.id;
  // The roles follow the organisation chosen (once the page has loaded its script; before, those of the first one shown).
  const [orgId, setOrgId] = useState(initialOrgId);
  if (result?.ok) return <InvitationCreated invitation={result.invitation} />;
  const chosen = organisations.find((o) => o.id === orgId) ?? organisations[0];
  const roles = chosen?.roles ?? [];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/members" className="nhsuk-back-link">
          Back to members
        </Link>
        <ErrorSummary errors={errors} message={result && !result.ok ? result.message : undefined} />
        <h1>Invite someone</h1>
        <p>
          You will get a link to send them yourself (no email is sent). It works once and expires after {days} days.
        </p>
        <Form
          method="post"
          noValidate
          onChange={(event) => {
            const target = event.target as HTMLSelectElement;
            if (target.name === "orgId") setOrgId(target.value);
          }}
        >
          {organisations.length === 1 ? (
            <>
              <input type="hidden" name="orgId" value={organisations[0]!.id} />
              <p>
                Organisation: <strong>{organisations[0]!.name}</strong>
              </p>
            </>
          ) : (
            <Select
              name="orgId"
              label="Organisation"
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
              defaultValue={initialOrgId}
              error={errors?.orgId}
            />
          )}
          <TextInput name="email" type="email" label="Their email address" hint="They will sign in with this address" autoComplete="off" spellCheck={false} error={errors?.email} defaultValue={valueOf(values, "email")} />
          <Choices
            type="radio"
            name="role"
            legend="Role"
            legendClassName="nhsuk-fieldset__legend--m"
            hint={
              isAdmin && chosen && chosen.withheld.length > 0
                ? `${chosen.withheld.map((r, i) => (i ? ROLE_LABELS[r].toLowerCase() : ROLE_LABELS[r])).join(" and ")} are not offered for ${chosen.name}: those roles apply in every collaborative it belongs to, and only a collaborative admin in all of them can invite someone to one.`
                : undefined
            }
            options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r], hint: ROLE_DESCRIPTIONS[r] }))}
            defaultValue={valueOf(values, "role") || (roles.some((r) => r === params.get("role")) ? params.get("role")! : undefined)}
            error={errors?.role}
          />
          <button type="submit" className="nhsuk-button">
            Create invitation link
          </button>
        </Form>
      </div>
    </div>
  );
}

function InvitationCreated({ invitation }: { invitation: { url: string; email: string; orgName: string; role: (typeof ROLES)[number]; expiresAt: string } }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__title">Invitation created</h1>
          <div className="nhsuk-panel__body">
            For {invitation.email} to join {invitation.orgName} as {ROLE_LABELS[invitation.role].toLowerCase()}
          </div>
        </div>
        <h2>Send them this link</h2>
        <p>It is shown only once. It works once and expires on {formatDate(invitation.expiresAt)}.</p>
        <CopyLink id="invitation-link" label="Invitation link" url={invitation.url} />
        <p>
          <Link to="/members/invite" reloadDocument>
            Invite someone else
          </Link>
        </p>
        <p>
          <Link to="/members">Back to members</Link>
        </p>
      </div>
    </div>
  );
}
