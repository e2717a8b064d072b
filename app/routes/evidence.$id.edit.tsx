import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { ItemForm } from "~/components/evidence/ItemForm";
import { listFilterOptions } from "~/domain/evidence/filter-options.server";
import { getItem } from "~/domain/evidence/get-item.server";
import { itemInputSchema } from "~/domain/evidence/item-input";
import { updateItem } from "~/domain/evidence/update-item.server";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Edit evidence");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const { item, can } = await getItem(context.database, actor, { itemId: params.id! });
    ensure(can.edit, item.sharedAt ? "This item is shared: unshare it before editing, so it is checked for personal data again" : "You cannot edit this item");
    const { sources, organisations } = await listFilterOptions(context.database, actor);
    const values = {
      title: item.title,
      type: item.type,
      sourceId: item.sourceId ?? "",
      periodStart: item.periodStart ?? "",
      periodEnd: item.periodEnd ?? "",
      publishedOn: item.publishedOn ?? "",
      link: item.link ?? "",
      summary: item.summary,
      services: item.services,
      concernedOrgIds: item.concernedOrgIds,
    };
    // The list has current members only: an organisation the item concerns that has since left
    // the collaborative had no box to keep it ticked, so any save dropped it unseen.
    const former = item.concerned.filter((c) => !organisations.some((o) => o.id === c.id)).map((c) => ({ id: c.id, name: `${c.name} (no longer a member)` }));
    return { id: item.id, values, sources, organisations: [...organisations, ...former] };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const parsed = parseForm(await request.formData(), itemInputSchema, ["concernedOrgIds"]);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    await updateItem(context.database, actor, { itemId: params.id!, values: parsed.data });
    throw redirect(`/evidence/${params.id}?done=saved`);
  });
}

export default function EditEvidence() {
  const { id, values, sources, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={`/evidence/${id}`} className="nhsuk-back-link">
          Back to the item
        </Link>
        <ErrorSummary errors={failure?.errors} message={failure?.message} />
        <h1>Edit evidence</h1>
        <ItemForm sources={sources} organisations={organisations} values={failure?.values ?? values} errors={failure?.errors} submitLabel="Save changes" />
      </div>
    </div>
  );
}
