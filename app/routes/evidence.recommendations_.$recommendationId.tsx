import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RESPONSE_DECISIONS } from "#db/schema";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Choices, Textarea } from "~/components/form/fields";
import { SuccessBanner } from "~/components/Notice";
import { decisionDomId, PiiDecision } from "~/components/evidence/PiiDecision";
import { RecommendationStatusTag } from "~/components/evidence/RecommendationStatusTag";
import { getRecommendation } from "~/domain/evidence/get-recommendation.server";
import { respondToRecommendation, responseInputSchema } from "~/domain/evidence/respond-to-recommendation.server";
import { decisionField, type HitDecision } from "~/domain/evidence/share-fields";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm, valueOf } from "~/lib/forms";
import { formatDate, formatDateTime } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { todayIso } from "~/lib/plan/dates";
import { answerHits, DECISION_LABELS, recommendationStatus } from "~/lib/recommendations";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("A recommendation and its answers");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const recommendation = await getRecommendation(context.database, actor, params.recommendationId!);
    const answered = recommendation.responses.some((r) => r.orgId === recommendation.addressedToOrgId);
    return { recommendation, status: recommendationStatus({ responseDue: recommendation.responseDue, responded: answered }, todayIso()) };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const formData = await request.formData();
  const parsed = parseForm(formData, responseInputSchema);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  // Decisions on possible personal data in the answer, named as on the share page.
  const decisions: Record<string, HitDecision> = {};
  for (const [key, value] of formData.entries()) if (key.startsWith("decision-") && (value === "redact" || value === "keep")) decisions[key.slice("decision-".length)] = value;
  return formGuarded(parsed.values, async () => {
    await respondToRecommendation(context.database, actor, params.recommendationId!, { ...parsed.data, decisions });
    throw redirect(`/evidence/recommendations/${params.recommendationId}?done=answered`);
  });
}

/** ". Checked for personal data: 1 redacted, 1 kept as not personal." (nothing when the check found nothing). */
function piiCheckText(a: { redacted: number; keptAfterCheck: number }): string {
  const parts = [a.redacted ? `${a.redacted} redacted` : "", a.keptAfterCheck ? `${a.keptAfterCheck} kept as not personal` : ""].filter(Boolean);
  return parts.length ? `. Checked for personal data: ${parts.join(", ")}.` : "";
}

export default function Recommendation() {
  const { recommendation: r, status } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failure = result && !result.ok ? result : undefined;
  const latest = r.responses.at(-1);
  // What the scan finds in what was typed: the same hits, with the same ids, as the action checked.
  const hits = failure ? answerHits(valueOf(failure.values, "body")) : [];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={r.canRespond ? "/evidence/recommendations" : `/evidence/${r.item.id}#recommendations`} className="nhsuk-back-link">
          {r.canRespond ? "Back to recommendations to your organisation" : "Back to the item"}
        </Link>
        {params.get("done") === "answered" && !failure ? <SuccessBanner>Your answer is recorded.</SuccessBanner> : null}
        <ErrorSummary errors={failure?.errors} message={failure?.message} fieldIds={Object.fromEntries(hits.map((h) => [decisionField(h.id), decisionDomId(h.id)]))} />
        <span className="nhsuk-caption-l">Recommendation to {r.addressedTo ?? "no organisation recorded"}</span>
        <h1 className="peff-prewrap">{r.text}</h1>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">From</dt>
            <dd className="nhsuk-summary-list__value">
              <Link to={`/evidence/${r.item.id}`}>{r.item.title}</Link>, recorded by {r.item.ownerName}
              {r.item.shared ? ", shared with the collaborative" : ""}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Response due</dt>
            <dd className="nhsuk-summary-list__value">{formatDate(r.responseDue) || "No date"}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Status</dt>
            <dd className="nhsuk-summary-list__value">
              <RecommendationStatusTag status={status} />
            </dd>
          </div>
          {r.recordedResponse ? (
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Response in the evidence</dt>
              <dd className="nhsuk-summary-list__value peff-prewrap">{r.recordedResponse}</dd>
            </div>
          ) : null}
        </dl>

        <h2>Answers</h2>
        {r.responses.length ? (
          <ol className="nhsuk-list" reversed>
            {[...r.responses].reverse().map((a, i) => (
              <li key={i} className="nhsuk-u-margin-bottom-4">
                <strong>{DECISION_LABELS[a.decision]}</strong>
                {i === 0 ? " (current)" : ""}
                <p className="peff-prewrap nhsuk-u-margin-bottom-1">{a.body}</p>
                <span className="nhsuk-body-s">
                  {a.by ?? "Someone no longer here"}, {a.orgName}, {formatDateTime(a.at)}
                  {piiCheckText(a)}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p>Not answered yet.</p>
        )}

        {r.canRespond ? (
          <>
            <h2>{latest ? "Update your answer" : "Answer it"}</h2>
            <p>Earlier answers stay in the list above. Everyone who can read the recommendation sees your answer: do not include personal data.</p>
            <Form method="post" noValidate>
              <Choices
                type="radio"
                name="decision"
                legend="Does your organisation accept the recommendation?"
                legendClassName="nhsuk-fieldset__legend--s"
                options={RESPONSE_DECISIONS.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
                defaultValue={failure ? valueOf(failure.values, "decision") : latest?.decision}
                error={failure?.errors.decision}
              />
              <Textarea name="body" label="Your response" hint="What you are doing about it and by when, or why not." rows={5} defaultValue={failure ? valueOf(failure.values, "body") : ""} error={failure?.errors.body} />
              {hits.length ? (
                <>
                  <p>
                    We found {hits.length} possible {hits.length === 1 ? "piece" : "pieces"} of personal data in your response. For each one, choose whether to redact it (it is replaced with a marker like “[redacted email address]” in your answer) or keep
                    it because it is not personal data (for example a public service’s phone number). Or change your response.
                  </p>
                  {hits.map((h, i) => (
                    <PiiDecision key={h.id} hit={h} number={i + 1} where="your response" error={failure?.errors[decisionField(h.id)]} chosen={valueOf(failure?.values, decisionField(h.id))} />
                  ))}
                </>
              ) : null}
              <button type="submit" className="nhsuk-button">
                Record the answer
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  );
}
