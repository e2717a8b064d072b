import { Form } from "@remix-run/react";
import { Select, Textarea } from "~/components/form/fields";
import type { FieldErrors } from "~/lib/forms";
import { formatDateTime } from "~/lib/labels";

interface Props {
  outcomes: { id: string; code: string; title: string }[];
  reviewers: { id: string; name: string; orgName: string }[];
  comments: { id: string; outcomeCode: string | null; authorName: string; authorOrgName: string; body: string; createdAt: string | Date }[];
  candidates: { key: string; label: string }[] | null;
  canComment: boolean;
  errors?: FieldErrors;
}

/** Peer review: who reviews this assessment, their comments (kept with it), and the forms to assign and comment. */
export function PeerReview({ outcomes, reviewers, comments, candidates, canComment, errors }: Props) {
  return (
    <section aria-labelledby="peer-review" className="nhsuk-u-margin-top-6">
      <h2 id="peer-review">Peer review</h2>
      <p>
        {reviewers.length
          ? `Peer reviewers: ${reviewers.map((r) => `${r.name} (${r.orgName})`).join(", ")}.`
          : "No peer reviewer has been assigned. A peer reviewer from another organisation can read this assessment and comment on its grades."}
      </p>
      {candidates ? (
        candidates.length ? (
          <Form method="post" className="peff-inline-form nhsuk-u-margin-bottom-4">
            <input type="hidden" name="intent" value="assign" />
            <Select name="reviewer" label="Assign a peer reviewer" options={candidates.map((c) => ({ value: c.key, label: c.label }))} placeholder="Choose a person" error={errors?.reviewer} />
            <button type="submit" className="nhsuk-button nhsuk-button--secondary">
              Assign
            </button>
          </Form>
        ) : (
          <p>{reviewers.length ? "Everyone in another organisation with the peer reviewer role is already reviewing it." : "No one in another organisation holds the peer reviewer role yet."}</p>
        )
      ) : null}
      <h3>Comments</h3>
      {comments.length ? (
        <ul className="nhsuk-list">
          {comments.map((c) => (
            <li key={c.id} className="nhsuk-inset-text nhsuk-u-margin-top-0">
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                {c.authorName}, {c.authorOrgName}, {formatDateTime(c.createdAt as string)}
                {c.outcomeCode ? `, on outcome ${c.outcomeCode}` : ", on the whole assessment"}
              </p>
              <p className="nhsuk-u-margin-bottom-0">{c.body}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>No comments yet.</p>
      )}
      {canComment ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="comment" />
          <Select
            name="outcomeId"
            label="Comment on"
            options={[{ value: "", label: "The whole assessment" }, ...outcomes.map((o) => ({ value: o.id, label: `${o.code} ${o.title}` }))]}
            error={errors?.outcomeId}
          />
          <Textarea name="body" label="Comment" rows={3} error={errors?.body} />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Add comment
          </button>
        </Form>
      ) : null}
    </section>
  );
}
