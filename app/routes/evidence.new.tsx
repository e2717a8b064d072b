import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { ItemForm } from "~/components/evidence/ItemForm";
import { policyActor } from "~/domain/auth/actor";
import { createItem } from "~/domain/evidence/create-item.server";
import { listFilterOptions } from "~/domain/evidence/filter-options.server";
import { itemInputSchema } from "~/domain/evidence/item-input";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { canWriteEvidence } from "~/policies/evidence";

export const meta: MetaFunction = () => pageTitle("Add evidence");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    ensure(canWriteEvidence(policyActor(actor)), "Only equality leads and contributors can add evidence");
    const { sources, organisations } = await listFilterOptions(context.database, actor);
    return { sources, organisations };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const parsed = parseForm(await request.formData(), itemInputSchema, ["concernedOrgIds"]);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    const { id } = await createItem(context.database, actor, parsed.data);
    throw redirect(`/evidence/${id}?done=created`);
  });
}

export default function NewEvidence() {
  const { sources, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/evidence" className="nhsuk-back-link">
          Back to evidence
        </Link>
        <ErrorSummary errors={failure?.errors} message={failure?.message} />
        <h1>Add evidence</h1>
        <p>It stays private to your organisation until your equality lead shares it. You can add findings, recommendations, tags and files on the next page.</p>
        <ItemForm sources={sources} organisations={organisations} values={failure?.values} errors={failure?.errors} submitLabel="Save and continue" />
      </div>
    </div>
  );
}
