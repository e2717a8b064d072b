import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { OrganisationIdentityFields } from "~/components/organisations/OrganisationIdentityFields";
import { policyActor } from "~/domain/auth/actor";
import { addMemberOrganisation } from "~/domain/collaborative/add-member-organisation.server";
import { newOrganisationSchema } from "~/domain/collaborative/organisation-input";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm, valueOf } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { ADD_ORGANISATION_REFUSED, canAddOrganisation } from "~/policies/organisations";

export const meta: MetaFunction = () => pageTitle("Add an organisation");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    ensure(canAddOrganisation(policyActor(actor)), ADD_ORGANISATION_REFUSED);
    return {};
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const parsed = parseForm(await request.formData(), newOrganisationSchema);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    const added = await addMemberOrganisation(context.database, actor, parsed.data);
    return { ok: true as const, added };
  });
}

export default function AddOrganisation() {
  const result = useActionData<typeof action>();
  if (result?.ok) return <OrganisationAdded added={result.added} />;
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/members" className="nhsuk-back-link">
          Back to members
        </Link>
        <ErrorSummary errors={errors} message={result && !result.ok ? result.message : undefined} />
        <h1>Add an organisation</h1>
        <p>It joins this collaborative today. Then you can invite its equality lead.</p>
        <Form method="post" noValidate>
          <OrganisationIdentityFields shown={(name) => valueOf(values, name)} errors={errors} />
          <button type="submit" className="nhsuk-button">
            Add organisation
          </button>
        </Form>
      </div>
    </div>
  );
}

function OrganisationAdded({ added }: { added: { id: string; name: string } }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__title">Organisation added</h1>
          <div className="nhsuk-panel__body">{added.name} is now a member of this collaborative</div>
        </div>
        <p>
          <Link to={`/members/invite?orgId=${encodeURIComponent(added.id)}&role=equality_lead`} className="nhsuk-button">
            Invite its equality lead
          </Link>
        </p>
        <p>
          <Link to="/organisations/new" reloadDocument>
            Add another organisation
          </Link>
        </p>
        <p>
          <Link to="/members">Back to members</Link>
        </p>
      </div>
    </div>
  );
}
