import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Select, Textarea, TextInput } from "~/components/form/fields";
import { WarningCallout } from "~/components/Notice";
import { cannotChangePart } from "~/domain/evidence/events.server";
import { listFilterOptions } from "~/domain/evidence/filter-options.server";
import { getItem } from "~/domain/evidence/get-item.server";
import { recommendationInputSchema } from "~/domain/evidence/part-input";
import { removeRecommendation } from "~/domain/evidence/remove-recommendation.server";
import { updateRecommendation } from "~/domain/evidence/update-recommendation.server";
import { notFound } from "~/domain/errors";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm, valueOf } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Edit a recommendation");

/**
 * A recommendation of a private item of the actor's organisation, to correct or remove (a shared
 * item's are frozen: 403). Once answered, its wording and addressee stay and it is not removed
 * (update-recommendation.server.ts says why): the page shows them as they are and says so.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const { item, recommendations, can } = await getItem(context.database, actor, { itemId: params.id! });
    if (!can.edit) throw cannotChangePart(actor, item, "change recommendations");
    const recommendation = recommendations.find((r) => r.id === params.recommendationId);
    if (!recommendation) throw notFound("Recommendation not found: it may have been removed");
    const { organisations } = await listFilterOptions(context.database, actor);
    // The list has current members only: an addressee that has since left needs its own option, or saving would readdress it unseen.
    const left = recommendation.addressedToOrgId && !organisations.some((o) => o.id === recommendation.addressedToOrgId) ? [{ id: recommendation.addressedToOrgId, name: `${recommendation.addressedTo ?? "An organisation"} (no longer a member)` }] : [];
    return {
      item: { id: item.id, title: item.title },
      recommendation: {
        id: recommendation.id,
        text: recommendation.text,
        addressedToOrgId: recommendation.addressedToOrgId ?? "",
        addressedTo: recommendation.addressedTo,
        responseDue: recommendation.responseDue ?? "",
        response: recommendation.response,
        answered: recommendation.answer !== null,
      },
      organisations: [...organisations, ...left],
    };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const itemId = params.id!;
  const recommendationId = params.recommendationId!;
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    return formGuarded({ intent: "remove" }, async () => {
      await removeRecommendation(context.database, actor, { itemId, recommendationId });
      throw redirect(`/evidence/${itemId}?done=recommendationRemoved#recommendations`);
    });
  }
  const parsed = parseForm(formData, recommendationInputSchema);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  const data = parsed.data;
  return formGuarded(parsed.values, async () => {
    await updateRecommendation(context.database, actor, { itemId, recommendationId, text: data.recText, addressedToOrgId: data.addressedToOrgId, responseDue: data.responseDue, response: data.response });
    throw redirect(`/evidence/${itemId}?done=recommendationSaved#recommendations`);
  });
}

export default function EditRecommendation() {
  const { item, recommendation: r, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  // What was typed comes back after an error; a failed removal leaves the form as stored.
  const typed = failure && valueOf(failure.values, "intent") !== "remove" ? failure : undefined;
  const v = (k: "recText" | "addressedToOrgId" | "responseDue" | "response", stored: string) => (typed ? valueOf(typed.values, k) : stored);
  const e = (k: string) => typed?.errors[k];
  const back = `/evidence/${item.id}#recommendations`;
  const who = r.addressedTo ?? "The organisation it is addressed to";
  // Answered: wording and addressee are shown, not offered. Should it have been answered after the
  // page was drawn, the refusal comes back on those fields with what was typed, to keep a copy of.
  const frozen = r.answered && !e("recText") && !e("addressedToOrgId");
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={back} className="nhsuk-back-link">
          Back to the item
        </Link>
        <ErrorSummary errors={failure?.errors} message={failure?.message} />
        <span className="nhsuk-caption-l">{item.title}</span>
        <h1>Edit a recommendation</h1>
        {r.answered ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              {who} has answered this recommendation (<Link to={`/evidence/recommendations/${r.id}`}>see the answers</Link>). The answers are theirs, and reply to the
              recommendation as it is worded, so its wording and whom it is addressed to stay as they are, and it cannot be removed. You can still change the response due date
              and the response recorded in the evidence.
            </p>
          </div>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="save" />
          {frozen ? (
            <>
              {/* Sent as stored: the action changes nothing of them (and the database operation refuses if they differ). */}
              <input type="hidden" name="recText" value={r.text} />
              <input type="hidden" name="addressedToOrgId" value={r.addressedToOrgId} />
              <dl className="nhsuk-summary-list">
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Recommendation</dt>
                  <dd className="nhsuk-summary-list__value peff-prewrap">{r.text}</dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Addressed to</dt>
                  <dd className="nhsuk-summary-list__value">{r.addressedTo ?? "Not recorded"}</dd>
                </div>
              </dl>
            </>
          ) : (
            <>
              <Textarea name="recText" label="Recommendation" defaultValue={v("recText", r.text)} error={e("recText")} rows={3} />
              <Select name="addressedToOrgId" label="Addressed to" placeholder="Not recorded" options={organisations.map((o) => ({ value: o.id, label: o.name }))} defaultValue={v("addressedToOrgId", r.addressedToOrgId)} error={e("addressedToOrgId")} />
            </>
          )}
          <TextInput name="responseDue" type="date" label="Response due" defaultValue={v("responseDue", r.responseDue)} error={e("responseDue")} />
          <Textarea name="response" label="Response (optional)" defaultValue={v("response", r.response)} error={e("response")} rows={3} />
          <button type="submit" className="nhsuk-button">
            Save changes
          </button>
        </Form>

        {r.answered ? null : (
          <>
            <h2>Remove this recommendation</h2>
            <p>The recommendation will be removed from the item. The item’s history records that a recommendation was removed, not what it said.</p>
            <WarningCallout title="This cannot be undone">
              <p>If it only needs correcting, change it above and save instead.</p>
            </WarningCallout>
            <Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <button type="submit" className="nhsuk-button nhsuk-button--warning">
                Remove this recommendation
              </button>
            </Form>
          </>
        )}
        <p>
          <Link to={back}>Cancel</Link>
        </p>
      </div>
    </div>
  );
}
