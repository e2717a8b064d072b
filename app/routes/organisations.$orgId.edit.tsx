import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Textarea, TextInput } from "~/components/form/fields";
import { OrganisationIdentityFields } from "~/components/organisations/OrganisationIdentityFields";
import { SuccessBanner } from "~/components/Notice";
import { policyActor } from "~/domain/auth/actor";
import { loadOrganisationDetails } from "~/domain/collaborative/get-organisation-details.server";
import { organisationDetailsSchema } from "~/domain/collaborative/organisation-input";
import { updateOrganisationDetails } from "~/domain/collaborative/update-organisation-details.server";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm, valueOf, type FormValues } from "~/lib/forms";
import { formatDate, ORGANISATION_TYPE_LABELS } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { canSeeMembersPage } from "~/policies/members";
import { canEditOrganisation, whoEditsOrganisation } from "~/policies/organisations";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `${data.organisation.name}: organisation details` : "Organisation details");

/**
 * Everyone in the collaborative may open an organisation's details; those who may not change them
 * (canEditOrganisation) are told who can, with its equality leads' names, rather than refused.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const organisation = await loadOrganisationDetails(context.database, actor, params.orgId!);
    const who = policyActor(actor);
    const canEdit = canEditOrganisation(who, organisation);
    return {
      organisation,
      canEdit,
      whoCanEdit: canEdit ? null : whoEditsOrganisation(organisation.name, organisation),
      backTo: canSeeMembersPage(who) && !organisation.leftOn ? ("/members" as const) : ("/" as const),
    };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const parsed = parseForm(await request.formData(), organisationDetailsSchema);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    await updateOrganisationDetails(context.database, actor, params.orgId!, parsed.data);
    throw redirect(`/organisations/${encodeURIComponent(params.orgId!)}/edit?saved=1`);
  });
}

export default function OrganisationDetailsPage() {
  const { organisation, canEdit, whoCanEdit, backTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={backTo} className="nhsuk-back-link">
          {backTo === "/members" ? "Back to members" : "Back to home"}
        </Link>
        {params.get("saved") && !result ? (
          <SuccessBanner>
            <p className="nhsuk-notification-banner__heading">{organisation.name}&apos;s details were saved. Every collaborative it belongs to sees them.</p>
          </SuccessBanner>
        ) : null}
        <ErrorSummary errors={errors} message={result && !result.ok ? result.message : undefined} />
        {canEdit ? <EditDetails organisation={organisation} errors={errors} values={values} /> : <ReadDetails organisation={organisation} whoCanEdit={whoCanEdit!} />}
      </div>
    </div>
  );
}

type Details = ReturnType<typeof useLoaderData<typeof loader>>["organisation"];

function EditDetails({ organisation, errors, values }: { organisation: Details; errors?: Record<string, string>; values?: FormValues }) {
  // What was typed, after a refusal; the saved details otherwise.
  const shown = (name: keyof Details & string) => (values ? valueOf(values, name) : ((organisation[name] as string | null) ?? ""));
  return (
    <>
      <h1>Change {organisation.name}&apos;s details</h1>
      <p>These are the organisation&apos;s own details: every collaborative it belongs to sees the change.</p>
      <Form method="post" noValidate>
        <OrganisationIdentityFields shown={shown} errors={errors} />
        <h2>How to contact the organisation</h2>
        <TextInput name="contactEmail" type="email" label="Email address (optional)" hint="A team address is better than a person's." autoComplete="email" spellCheck={false} error={errors?.contactEmail} defaultValue={shown("contactEmail")} />
        <TextInput name="contactPhone" type="tel" label="Phone number (optional)" autoComplete="tel" width={20} error={errors?.contactPhone} defaultValue={shown("contactPhone")} />
        <Textarea name="address" label="Address (optional)" rows={4} error={errors?.address} defaultValue={shown("address")} />
        <button type="submit" className="nhsuk-button">
          Save details
        </button>
      </Form>
    </>
  );
}

function ReadDetails({ organisation, whoCanEdit }: { organisation: Details & { equalityLeads: string[] }; whoCanEdit: string }) {
  const rows: [string, string][] = [
    ["Type", ORGANISATION_TYPE_LABELS[organisation.type]],
    ["ODS code", organisation.odsCode ?? "None"],
    ["Email address", organisation.contactEmail ?? "Not given"],
    ["Phone number", organisation.contactPhone ?? "Not given"],
    ["Address", organisation.address ?? "Not given"],
  ];
  if (organisation.leftOn) rows.push(["Membership", `Left this collaborative on ${formatDate(organisation.leftOn)}`]);
  const leads = organisation.equalityLeads;
  return (
    <>
      <h1>{organisation.name}</h1>
      <dl className="nhsuk-summary-list">
        {rows.map(([k, v]) => (
          <div className="nhsuk-summary-list__row" key={k}>
            <dt className="nhsuk-summary-list__key">{k}</dt>
            <dd className="nhsuk-summary-list__value peff-prewrap">{v}</dd>
          </div>
        ))}
      </dl>
      <div className="nhsuk-inset-text" data-testid="who-can-edit">
        <h2 className="nhsuk-heading-s">Who can change these details</h2>
        <p>{whoCanEdit}.</p>
        {organisation.leftOn ? null : leads.length > 0 ? (
          <p>
            Its equality {leads.length === 1 ? "lead is" : "leads are"} {leads.join(", ")}.
          </p>
        ) : (
          <p>It has no equality lead yet: ask a collaborative admin.</p>
        )}
      </div>
    </>
  );
}
