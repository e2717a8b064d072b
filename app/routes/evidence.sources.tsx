import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { SourceFields, typedSourceValues } from "~/components/evidence/SourceFields";
import { SuccessBanner } from "~/components/Notice";
import { policyActor } from "~/domain/auth/actor";
import { createSource, sourceInputSchema } from "~/domain/evidence/create-source.server";
import { listFilterOptions } from "~/domain/evidence/filter-options.server";
import { SOURCE_KIND_LABELS } from "~/domain/evidence/labels";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { canEditSource, canWriteEvidence } from "~/policies/evidence";

export const meta: MetaFunction = () => pageTitle("Evidence sources");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const { sources, tags } = await listFilterOptions(context.database, actor);
    const pa = policyActor(actor);
    return { sources: sources.map((s) => ({ ...s, canEdit: canEditSource(pa, s) })), characteristics: tags.filter((t) => t.kind === "characteristic"), canWrite: canWriteEvidence(pa) };
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

const DONE: Record<string, string> = {
  added: "Source added. Every organisation in the collaborative can now choose it.",
  saved: "Source changed. Every item from it shows the change.",
  deleted: "Source deleted.",
};

export default function Sources() {
  const { sources, characteristics, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failure = result && !result.ok ? result : undefined;
  const done = DONE[params.get("done") ?? ""];
  const editable = sources.some((s) => s.canEdit);
  const names = new Map(characteristics.map((c) => [c.id, c.label]));
  return (
    <>
      <Link to="/evidence" className="nhsuk-back-link">
        Back to evidence
      </Link>
      {done && !failure ? <SuccessBanner>{done}</SuccessBanner> : null}
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
              {editable ? (
                <th scope="col">
                  <span className="nhsuk-u-visually-hidden">Change</span>
                </th>
              ) : null}
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
                {editable ? (
                  <td>
                    {s.canEdit ? (
                      <Link to={`/evidence/sources/${s.id}/edit`}>
                        Change<span className="nhsuk-u-visually-hidden"> {s.name}</span>
                      </Link>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No sources yet. {canWrite ? "Add the first one below." : "Equality leads and contributors add them, for the whole collaborative."}</p>
      )}
      {canWrite ? (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h2>Add a source</h2>
            <Form method="post" noValidate>
              <SourceFields
                values={typedSourceValues(failure?.values)}
                errors={failure?.errors}
                characteristics={characteristics}
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
