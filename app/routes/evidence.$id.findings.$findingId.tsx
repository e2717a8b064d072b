import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Choices, Textarea } from "~/components/form/fields";
import { WarningCallout } from "~/components/Notice";
import { cannotChangePart } from "~/domain/evidence/events.server";
import { getItem } from "~/domain/evidence/get-item.server";
import { findingInputSchema } from "~/domain/evidence/part-input";
import { removeFinding } from "~/domain/evidence/remove-finding.server";
import { updateFinding } from "~/domain/evidence/update-finding.server";
import { notFound } from "~/domain/errors";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm, valueOf } from "~/lib/forms";
import { countOf } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Edit a finding");

/** A finding of a private item of the actor's organisation, to correct or remove (a shared item's are frozen: 403). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const { item, findings, can } = await getItem(context.database, actor, { itemId: params.id! });
    if (!can.edit) throw cannotChangePart(actor, item, "change findings");
    const index = findings.findIndex((f) => f.id === params.findingId);
    if (index === -1) throw notFound("Finding not found: it may have been removed");
    const finding = findings[index]!;
    return { item: { id: item.id, title: item.title }, finding: { id: finding.id, kind: finding.kind, text: finding.text, number: index + 1, tags: finding.tags.length } };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const itemId = params.id!;
  const findingId = params.findingId!;
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    return formGuarded({ intent: "remove" }, async () => {
      await removeFinding(context.database, actor, { itemId, findingId });
      throw redirect(`/evidence/${itemId}?done=findingRemoved#findings`);
    });
  }
  const parsed = parseForm(formData, findingInputSchema);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    await updateFinding(context.database, actor, { itemId, findingId, kind: parsed.data.findingKind, text: parsed.data.findingText });
    throw redirect(`/evidence/${itemId}?done=findingSaved#finding-${findingId}`);
  });
}

export default function EditFinding() {
  const { item, finding } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  // What was typed comes back after an error; a failed removal leaves the form as stored.
  const typed = failure && valueOf(failure.values, "intent") !== "remove" ? failure : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={`/evidence/${item.id}#finding-${finding.id}`} className="nhsuk-back-link">
          Back to the item
        </Link>
        <ErrorSummary errors={failure?.errors} message={failure?.message} />
        <span className="nhsuk-caption-l">{item.title}</span>
        <h1>Edit finding {finding.number}</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="save" />
          <Choices
            type="radio"
            name="findingKind"
            legend="Kind"
            small
            options={[
              { value: "issue", label: "Key issue" },
              { value: "quote", label: "Quote" },
            ]}
            defaultValue={typed ? valueOf(typed.values, "findingKind") : finding.kind}
            error={typed?.errors.findingKind}
          />
          <Textarea name="findingText" label="Finding" hint="Leave out names and contact details." defaultValue={typed ? valueOf(typed.values, "findingText") : finding.text} error={typed?.errors.findingText} rows={5} />
          <button type="submit" className="nhsuk-button">
            Save changes
          </button>
        </Form>

        <h2>Remove this finding</h2>
        <p>
          The finding{finding.tags ? ` and its ${countOf(finding.tags, "tag")}` : ""} will be removed from the item. The item’s history records that a finding was removed, not what
          it said.
        </p>
        <WarningCallout title="This cannot be undone">
          <p>If it only needs correcting, change it above and save instead.</p>
        </WarningCallout>
        <Form method="post">
          <input type="hidden" name="intent" value="remove" />
          <button type="submit" className="nhsuk-button nhsuk-button--warning">
            Remove this finding
          </button>
        </Form>
        <p>
          <Link to={`/evidence/${item.id}#finding-${finding.id}`}>Cancel</Link>
        </p>
      </div>
    </div>
  );
}
