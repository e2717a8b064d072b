import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { SourceFields, typedSourceValues } from "~/components/evidence/SourceFields";
import { sourceInputSchema } from "~/domain/evidence/create-source.server";
import { deleteSource } from "~/domain/evidence/delete-source.server";
import { listFilterOptions } from "~/domain/evidence/filter-options.server";
import { getSourceForEdit } from "~/domain/evidence/get-source.server";
import { updateSource } from "~/domain/evidence/update-source.server";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { formValues, parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Change ${data.source.name}` : "Change a source");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const source = await getSourceForEdit(context.database, actor, params.sourceId!);
    const { tags } = await listFilterOptions(context.database, actor);
    return { source, characteristics: tags.filter((t) => t.kind === "characteristic") };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    return formGuarded({ ...formValues(formData), intent: "delete" }, async () => {
      await deleteSource(context.database, actor, params.sourceId!);
      throw redirect("/evidence/sources?done=deleted");
    });
  }
  const parsed = parseForm(formData, sourceInputSchema, ["characteristicIds"]);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    await updateSource(context.database, actor, params.sourceId!, parsed.data);
    throw redirect("/evidence/sources?done=saved");
  });
}

export default function EditSource() {
  const { source, characteristics } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  // After a failed delete the fields show the source as stored; after a failed save, as typed.
  const typed = failure && failure.values.intent !== "delete" ? typedSourceValues(failure.values) : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/evidence/sources" className="nhsuk-back-link">
          Back to sources
        </Link>
        <ErrorSummary errors={failure?.errors} message={failure?.message} />
        <span className="nhsuk-caption-l">{source.name}</span>
        <h1>Change a source</h1>
        <p>Sources are shared by the collaborative: every evidence item from this source, of any organisation, shows the change.</p>
        <Form method="post" noValidate>
          <SourceFields values={typed ?? { name: source.name, kind: source.kind, area: source.area ?? "", characteristicIds: source.characteristicIds }} errors={failure?.errors} characteristics={characteristics} />
          <button type="submit" className="nhsuk-button">
            Save changes
          </button>
        </Form>
        <h2>Delete this source</h2>
        <p>A source can be deleted only while no evidence item, of any organisation, comes from it.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="nhsuk-button nhsuk-button--warning">
            Delete this source
          </button>
        </Form>
      </div>
    </div>
  );
}
