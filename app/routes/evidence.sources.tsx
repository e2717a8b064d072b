import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SOURCE_KINDS } from "#db/schema";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Select, TextInput } from "~/components/form/fields";
import { SuccessBanner } from "~/components/Notice";
import { TagPicker } from "~/components/pickers/TagPicker";
import { policyActor } from "~/domain/auth/actor";
import { createSource, sourceInputSchema } from "~/domain/evidence/create-source.server";
import { listFilterOptions } from "~/domain/evidence/filter-options.server";
import { SOURCE_KIND_LABELS } from "~/domain/evidence/labels";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm, valueOf, valuesOf } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { canWriteEvidence } from "~/policies/evidence";

export const meta: MetaFunction = () => pageTitle("Evidence sources");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const { sources, tags } = await listFilterOptions(context.database, actor);
    return { sources, characteristics: tags.filter((t) => t.kind === "characteristic"), canWrite: canWriteEvidence(policyActor(actor)) };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const parsed = parseForm(await request.formData(), sourceInputSchema, ["characteristicIds"]);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    await createSource(context.database, actor, parsed.data);
    throw redirect("/evidence/sources?done=added");
  });
}

export default function Sources() {
  const { sources, characteristics, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failure = result && !result.ok ? result : undefined;
  const names = new Map(characteristics.map((c) => [c.id, c.label]));
  return (
    <>
      <Link to="/evidence" className="nhsuk-back-link">
        Back to evidence
      </Link>
      {params.get("done") === "added" && !failure ? <SuccessBanner>Source added. Every organisation in the collaborative can now choose it.</SuccessBanner> : null}
      <ErrorSummary errors={failure?.errors} message={failure?.message} />
      <h1>Evidence sources</h1>
      <p>The stakeholders whose intelligence the collaborative collects. Sources are shared by every member organisation.</p>
      {sources.length ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Sources</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Kind</th>
              <th scope="col">Area covered</th>
              <th scope="col">Represents</th>
              <th scope="col">Added by</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {sources.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/evidence?source=${s.id}`}>{s.name}</Link>
                </th>
                <td>{SOURCE_KIND_LABELS[s.kind]}</td>
                <td>{s.area ?? "Not recorded"}</td>
                <td>{s.characteristicIds.map((id) => names.get(id)).filter(Boolean).join(", ") || "Not recorded"}</td>
                <td>{s.orgName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No sources yet.{canWrite ? " Add the first one below." : ""}</p>
      )}
      {canWrite ? (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h2>Add a source</h2>
            <Form method="post" noValidate>
              <TextInput name="name" label="Name" hint="For example: Healthwatch Liverpool" error={failure?.errors.name} defaultValue={valueOf(failure?.values, "name")} />
              <Select name="kind" label="Kind" placeholder="Select a kind" options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] }))} error={failure?.errors.kind} defaultValue={valueOf(failure?.values, "kind")} />
              <TextInput name="area" label="Area covered (optional)" error={failure?.errors.area} defaultValue={valueOf(failure?.values, "area")} />
              <TagPicker
                id="characteristicIds"
                name="characteristicIds"
                legend="Characteristics and groups it represents (optional)"
                options={characteristics.map((c) => ({ value: c.id, code: c.code, label: c.label, detail: c.detail, group: "Characteristics and groups" }))}
                selected={valuesOf(failure?.values, "characteristicIds")}
                error={failure?.errors.characteristicIds}
              />
              <button type="submit" className="nhsuk-button">
                Add source
              </button>
            </Form>
          </div>
        </div>
      ) : null}
    </>
  );
}
