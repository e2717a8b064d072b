import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextInput } from "~/components/form/fields";
import { GradesTable } from "~/components/grading/GradesTable";
import { PeerReview } from "~/components/grading/PeerReview";
import { PublicationDeadline } from "~/components/grading/PublicationDeadline";
import { Results } from "~/components/grading/Results";
import { Suggestions } from "~/components/grading/Suggestions";
import { SuccessBanner } from "~/components/Notice";
import { policyActor } from "~/domain/auth/actor";
import { addComment } from "~/domain/grading/add-comment.server";
import { changePhase } from "~/domain/grading/change-phase.server";
import { getAssessment } from "~/domain/grading/get-assessment.server";
import { assignReviewer, listReviewerCandidates } from "~/domain/grading/peer-reviewers.server";
import { isInYearRange, isRealDate, yearRangeMessage } from "~/lib/dates";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { formValues, parseForm, valueOf } from "~/lib/forms";
import { formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { todayIso } from "~/lib/plan/dates";
import { requireActor } from "~/lib/session.server";
import { allOutcomes } from "~/policies/assessment-results";
import { canAssignReviewers, canComment, canDeleteAssessment, canEditAssessment, deadlineStatus, PHASE_LABELS, RATER_LABELS, yearLabel } from "~/policies/grading";

export const meta: MetaFunction<typeof loader, { action: typeof action }> = ({ data }) =>
  pageTitle(data ? `${data.title}, ${data.view.assessment.orgName}` : "Assessment");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const view = await getAssessment(context.database, actor, params.assessmentId!);
    const who = policyActor(actor);
    const assignable = canAssignReviewers(who, view.assessment);
    return {
      view,
      title: `${view.framework.code === "EDS2" ? "EDS2" : "EDS 2022"} ${yearLabel(view.assessment.yearStart)}`,
      // Judged on the day in England, as the grading list does.
      deadline: deadlineStatus(view.assessment, todayIso()),
      canEdit: canEditAssessment(who, view.assessment),
      canDelete: canDeleteAssessment(who, view.assessment),
      canComment: canComment(who, view.assessment, view.reviewers.map((r) => r.userId)),
      // Those already reviewing it are named above the form, not offered again.
      candidates: assignable ? (await listReviewerCandidates(context.database, actor)).filter((c) => !view.reviewers.some((r) => c.key === `${r.userId}:${r.orgId}`)) : null,
    };
  });
}

const schema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("phase"),
    phase: z.enum(["gathering_evidence", "grading", "agreed", "published"]),
    publishedOn: z
      .string()
      .optional()
      .refine((s) => !s || isRealDate(s), "The publication date must be a real date")
      // "0224" for 2024 is in the past, so it would pass the domain's check, and publishing freezes the date.
      .refine((s) => !s || !isRealDate(s) || isInYearRange(s), yearRangeMessage("The publication date")),
  }),
  z.object({ intent: z.literal("comment"), outcomeId: z.string().optional(), body: z.string().trim().min(1, "Enter a comment").max(5000, "A comment must be 5,000 characters or fewer") }),
  z.object({ intent: z.literal("assign"), reviewer: z.string({ required_error: "Choose a peer reviewer" }).min(1, "Choose a peer reviewer") }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const formData = await request.formData();
  const parsed = parseForm(formData, schema);
  if (!parsed.ok) return formFailure(parsed.errors, formValues(formData));
  const id = params.assessmentId!;
  return formGuarded(parsed.values, async () => {
    const d = parsed.data;
    if (d.intent === "phase") {
      await changePhase(context.database, actor, id, { phase: d.phase, publishedOn: d.publishedOn || undefined });
      throw redirect(`/grading/${id}?done=${d.phase}`);
    }
    if (d.intent === "comment") {
      await addComment(context.database, actor, id, { outcomeId: d.outcomeId || null, body: d.body });
      throw redirect(`/grading/${id}?done=comment#peer-review`);
    }
    await assignReviewer(context.database, actor, id, d.reviewer);
    throw redirect(`/grading/${id}?done=assigned#peer-review`);
  });
}

const DONE: Record<string, string> = {
  details: "The details were saved.",
  grades: "The grades were saved.",
  grading: "The assessment is back in grading.",
  gathering_evidence: "The assessment is back to gathering evidence.",
  agreed: "The grades are agreed. Every grade records who agreed it.",
  published: "The assessment is published. The whole collaborative can now see its grades.",
  comment: "Your comment was added.",
  assigned: "The peer reviewer was assigned. They can now read this assessment and comment on it.",
};

export default function Assessment() {
  const { view, title, deadline, canEdit, canDelete, canComment: mayComment, candidates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  const a = view.assessment;
  const errors = result && !result.ok ? result.errors : undefined;
  const details: [string, ReactNode][] = [
    ["Phase", PHASE_LABELS[a.phase]],
    ["EDS lead", a.edsLead ?? "Not recorded"],
    ["Board sponsor", a.boardSponsor ?? "Not recorded"],
    ["Done", a.partnership === "partnership" ? `In partnership with ${a.partners ?? "others"}` : "Alone"],
    ["Who took part in rating", a.raters.length ? a.raters.map((r) => RATER_LABELS[r]).join(", ") : "Not recorded"],
    // Said in words once it has passed unpublished, as on the grading list.
    ["Publication deadline", deadline === "published" ? formatDate(a.publicationDeadline) || "None set" : <PublicationDeadline deadline={a.publicationDeadline} status={deadline} />],
    ["Authorised", a.authorisedOn ? formatDate(a.authorisedOn) : "Not yet"],
    ["Published", a.publishedOn ? formatDate(a.publishedOn) : "Not yet"],
  ];
  return (
    <>
      <Link to="/grading" className="nhsuk-back-link">
        Back to grading
      </Link>
      <ErrorSummary errors={errors} message={result && !result.ok ? result.message : undefined} />
      {done && !result ? (
        <SuccessBanner>
          <p className="nhsuk-notification-banner__heading">{done}</p>
        </SuccessBanner>
      ) : null}
      <h1>
        <span className="nhsuk-caption-l">{a.orgName}</span>
        {title}
      </h1>
      <dl className="nhsuk-summary-list">
        {details.map(([k, v]) => (
          <div className="nhsuk-summary-list__row" key={k}>
            <dt className="nhsuk-summary-list__key">{k}</dt>
            <dd className="nhsuk-summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>
      <ul className="nhsuk-list peff-no-print">
        {canEdit ? (
          <>
            <li>
              <Link to={`/grading/${a.id}/grade`} className="nhsuk-button nhsuk-u-margin-bottom-2">
                {view.framework.code === "EDS2022" ? "Score outcomes" : "Grade outcomes"}
              </Link>
            </li>
            <li>
              <Link to={`/grading/${a.id}/details`}>Change the details</Link>
            </li>
          </>
        ) : null}
        <li>
          <Link to={`/grading/${a.id}/summary`}>{a.phase === "published" ? "Published summary (print, CSV, Excel)" : "Preview the published summary"}</Link>
        </li>
        <li>
          <Link to={`/grading/${a.id}/history`}>Grade history</Link>
        </li>
        {canDelete ? (
          <li>
            <Link to={`/grading/${a.id}/delete`} className="peff-destructive-link">
              Delete this assessment
            </Link>
          </li>
        ) : null}
      </ul>
      <Results view={view} />
      <GradesTable view={view} />
      <Suggestions view={view} />
      {canEdit ? <PhaseActions phase={a.phase} missing={view.results.missing} publishedOn={valueOf(result && !result.ok ? result.values : undefined, "publishedOn")} error={errors?.publishedOn} /> : null}
      <PeerReview
        outcomes={allOutcomes(view.framework)}
        reviewers={view.reviewers}
        comments={view.comments}
        candidates={candidates}
        canComment={mayComment}
        errors={errors}
      />
    </>
  );
}

function PhaseActions({ phase, missing, publishedOn, error }: { phase: string; missing: string[]; publishedOn: string; error?: string }) {
  return (
    <section aria-labelledby="phase-heading" className="nhsuk-u-margin-top-6 peff-no-print">
      <h2 id="phase-heading">Agree and publish</h2>
      {missing.length ? (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span className="nhsuk-u-visually-hidden">Important: </span>Still to grade
            
          </h3>
          <p>Every outcome needs a grade before the assessment can be agreed or published. Missing:</p>
          <ul>
            {missing.slice(0, 20).map((m) => (
              <li key={m}>{m}</li>
            ))}
            {missing.length > 20 ? <li>and {missing.length - 20} more</li> : null}
          </ul>
        </div>
      ) : null}
      {phase !== "agreed" ? (
        <Form method="post" className="nhsuk-u-margin-bottom-4">
          <input type="hidden" name="intent" value="phase" />
          <input type="hidden" name="phase" value="agreed" />
          <p>Agreeing records you as the person who agreed every grade not yet agreed.</p>
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Agree all grades
          </button>
        </Form>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="phase" />
        <input type="hidden" name="phase" value="published" />
        <TextInput name="publishedOn" type="date" label="Date published" hint="Today or earlier; leave blank for today. Publishing shows the grades to the whole collaborative and freezes them." defaultValue={publishedOn} error={error} />
        <button type="submit" className="nhsuk-button">
          Publish
        </button>
      </Form>
    </section>
  );
}
