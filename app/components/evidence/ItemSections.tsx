import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { EventAction, FindingKind, ItemType, ResponseDecision } from "#db/schema";
import { Choices, Select, Textarea, TextInput } from "~/components/form/fields";
import { TagPicker } from "~/components/pickers/TagPicker";
import { tagPickerOptions } from "~/components/pickers/tag-options";
import { EVENT_LABELS, ITEM_TYPE_LABELS } from "~/domain/evidence/labels";
import type { TagOption } from "~/domain/evidence/tag-options.server";
import { valueOf, valuesOf, type FieldErrors, type FormValues } from "~/lib/forms";
import { formatDate, formatDateTime } from "~/lib/labels";
import { newThemeProblem, THEME_NOT_PERSONAL, themeNameKey } from "~/lib/pii/theme-name";
import { DECISION_LABELS } from "~/lib/recommendations";
import { ALLOWED_EXTENSIONS, formatBytes } from "~/lib/uploads/limits";

/** An action's failure as the page receives it: errors and what was typed, with `intent` telling which form. */
export interface FormFailureLike {
  errors: FieldErrors;
  values: FormValues;
  message?: string;
}

interface Tag {
  kind: string;
  refId: string;
  code: string;
  label: string;
  appliedBy: string | null;
  appliedAt: Date | string;
}

const intentOf = (failure?: FormFailureLike) => valueOf(failure?.values, "intent");

/** The new theme's value, as `pickedValues` reads the picker's "new" box. */
const NEW_THEME = "theme:new:";

/**
 * The id of the item's tag picker, or of its `index`th finding's (from 0, as the page lists them):
 * its first control, which the error summary links a tag error to.
 */
export const tagPickerId = (findingIndex: number | null) => (findingIndex === null ? "item-tags" : `finding-tags-${findingIndex + 1}`);

/** The tags as sent with a form that failed, new theme included, so the picker shows them again rather than the stored ones. */
function sentTags(values: FormValues): string[] {
  const typed = valueOf(values, "tagsNew").trim();
  return [...valuesOf(values, "tags").filter(Boolean), ...(typed ? [`${NEW_THEME}${typed}`] : [])];
}

export function ItemDetails({ item }: { item: { type: ItemType; sourceName: string | null; periodStart: string | null; periodEnd: string | null; publishedOn: string | null; link: string | null; services: string; summary: string; concerned: { id: string; name: string }[]; createdAt: Date | string; sharedAt: Date | string | null } }) {
  const rows: [string, ReactNode][] = [
    ["Type", ITEM_TYPE_LABELS[item.type]],
    ["Source", item.sourceName ?? "Not recorded"],
    ["Period covered", item.periodStart || item.periodEnd ? `${formatDate(item.periodStart) || "?"} to ${formatDate(item.periodEnd) || "?"}` : "Not recorded"],
    ["Date published", formatDate(item.publishedOn) || "Not recorded"],
    ["Link", item.link ? <a href={item.link} rel="noopener noreferrer nofollow">{item.link}</a> : "None"],
    ["Organisations it concerns", item.concerned.length ? item.concerned.map((o) => o.name).join(", ") : "None recorded"],
    ["Services it concerns", item.services || "None recorded"],
  ];
  return (
    <>
      <dl className="nhsuk-summary-list">
        {rows.map(([k, v]) => (
          <div className="nhsuk-summary-list__row" key={k}>
            <dt className="nhsuk-summary-list__key">{k}</dt>
            <dd className="nhsuk-summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>
      <h2>Summary</h2>
      <p className="peff-prewrap">{item.summary || "No summary."}</p>
    </>
  );
}

function TagList({ tags }: { tags: Tag[] }) {
  if (!tags.length) return <p className="nhsuk-body-s">No tags yet.</p>;
  return (
    <ul className="nhsuk-list peff-tag-list">
      {tags.map((t) => (
        <li key={`${t.kind}:${t.refId}`}>
          <strong className="nhsuk-tag nhsuk-tag--blue">
            {t.code} {t.label}
          </strong>{" "}
          <span className="nhsuk-body-s">
            by {t.appliedBy ?? "a former member"}, {formatDateTime(t.appliedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}


/**
 * After a failed save, a box for each new theme name the personal-data check flags (one that
 * matches an existing theme is that theme, and is not checked). Ticked, it sends the name's key,
 * so it confirms that exact text: a name changed before saving again gets a box of its own.
 */
function ThemeConfirmations({ id, sent, values, options }: { id: string; sent: string[]; values: FormValues; options: TagOption[] }) {
  const existing = new Set(options.filter((o) => o.kind === "theme").map((o) => o.label.toLowerCase()));
  const flagged = sent
    .filter((v) => v.startsWith(NEW_THEME))
    .map((v) => v.slice(NEW_THEME.length).trim())
    .filter((name) => name && !existing.has(name.toLowerCase()) && newThemeProblem(name));
  if (!flagged.length) return null;
  const ticked = new Set(valuesOf(values, THEME_NOT_PERSONAL));
  return (
    <div className="nhsuk-form-group">
      <div className="nhsuk-checkboxes">
        {flagged.map((name, i) => (
          <div className="nhsuk-checkboxes__item" key={name}>
            <input className="nhsuk-checkboxes__input" id={`${id}-not-personal-${i + 1}`} name={THEME_NOT_PERSONAL} type="checkbox" value={themeNameKey(name)} defaultChecked={ticked.has(themeNameKey(name))} aria-describedby={`${id}-not-personal-${i + 1}-hint`} />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-not-personal-${i + 1}`}>
              This theme name is not about a person: “{name}”
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-not-personal-${i + 1}-hint`}>
              Every organisation in the collaborative will see this theme.
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

function TagForm({ id, findingId, tags, options, failure }: { id: string; findingId: string | null; tags: Tag[]; options: TagOption[]; failure?: FormFailureLike }) {
  const mine = intentOf(failure) === "tags" && valueOf(failure?.values, "findingId") === (findingId ?? "");
  // After an error (a new theme too long, say) the tags chosen come back as sent: without
  // JavaScript the page is drawn afresh, and the stored tags would undo every choice made.
  const selected = mine && failure ? sentTags(failure.values) : tags.map((t) => `${t.kind}:${t.refId}`);
  return (
    <Form method="post" className="peff-tag-form">
      <input type="hidden" name="intent" value="tags" />
      <input type="hidden" name="findingId" value={findingId ?? ""} />
      <TagPicker
        // Drawn afresh when the tags it starts from change (saved, or sent back with an error): it
        // keeps its own choices while in use, so a new theme just saved still read "New: ..." beside
        // the stored tags until the page was reloaded.
        key={selected.join(" ")}
        id={id}
        name="tags"
        legend={findingId ? "Tags for this finding" : "Tags for the item"}
        hint="Type a code (1A, 2.1) or a name (deaf, race, interpreting), then press Enter"
        options={tagPickerOptions(options)}
        selected={selected}
        allowNew={{ prefix: NEW_THEME, noun: "theme" }}
        error={mine ? failure?.errors.tags : undefined}
      />
      {mine && failure?.errors.tags ? <ThemeConfirmations id={id} sent={selected} values={failure.values} options={options} /> : null}
      <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
        Save tags
      </button>
    </Form>
  );
}

export function TagsSection({ tags, options, canTag, failure }: { tags: Tag[]; options: TagOption[]; canTag: boolean; failure?: FormFailureLike }) {
  return (
    <section aria-labelledby="tags">
      <h2 id="tags">Tags</h2>
      <TagList tags={tags} />
      {canTag ? <TagForm id={tagPickerId(null)} findingId={null} tags={tags} options={options} failure={failure} /> : null}
    </section>
  );
}

export function FindingsSection({ itemId, findings, options, canEdit, canTag, failure }: { itemId: string; findings: { id: string; kind: FindingKind; text: string; tags: Tag[] }[]; options: TagOption[]; canEdit: boolean; canTag: boolean; failure?: FormFailureLike }) {
  const mine = intentOf(failure) === "finding";
  return (
    <section aria-labelledby="findings">
      <h2 id="findings">Findings</h2>
      {findings.length === 0 ? <p>No findings yet. Add the key issues or quotes, and tag each one.</p> : null}
      <ol className="peff-findings">
        {findings.map((f, i) => (
          <li key={f.id} id={`finding-${f.id}`} className="nhsuk-card peff-finding">
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-heading-xs">
                Finding {i + 1} ({f.kind === "quote" ? "quote" : "key issue"})
              </h3>
              {f.kind === "quote" ? <blockquote className="peff-prewrap">{f.text}</blockquote> : <p className="peff-prewrap">{f.text}</p>}
              {canEdit ? (
                <p className="nhsuk-body-s">
                  <Link to={`/evidence/${itemId}/findings/${f.id}`}>
                    Edit<span className="nhsuk-u-visually-hidden"> finding {i + 1}</span>
                  </Link>
                </p>
              ) : null}
              <TagList tags={f.tags} />
              {canTag ? <TagForm id={tagPickerId(i)} findingId={f.id} tags={f.tags} options={options} failure={failure} /> : null}
            </div>
          </li>
        ))}
      </ol>
      {canEdit ? (
        <Form method="post">
          <input type="hidden" name="intent" value="finding" />
          <h3>Add a finding</h3>
          <Choices type="radio" name="findingKind" legend="Kind" small options={[{ value: "issue", label: "Key issue" }, { value: "quote", label: "Quote" }]} defaultValue={(mine && valueOf(failure?.values, "findingKind")) || "issue"} error={mine ? failure?.errors.findingKind : undefined} />
          <Textarea name="findingText" label="Finding" hint="Leave out names and contact details." defaultValue={mine ? valueOf(failure?.values, "findingText") : ""} error={mine ? failure?.errors.findingText : undefined} rows={3} />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Add finding
          </button>
        </Form>
      ) : null}
    </section>
  );
}

type Answer = { decision: ResponseDecision; body: string; at: string | Date };

export function RecommendationsSection({
  itemId,
  recommendations,
  organisations,
  canEdit,
  failure,
}: {
  itemId: string;
  recommendations: { id: string; text: string; addressedTo: string | null; responseDue: string | null; response: string; answer: Answer | null }[];
  organisations: { id: string; name: string }[];
  canEdit: boolean;
  failure?: FormFailureLike;
}) {
  const mine = intentOf(failure) === "recommendation";
  const v = (k: string) => (mine ? valueOf(failure?.values, k) : "");
  const e = (k: string) => (mine ? failure?.errors[k] : undefined);
  return (
    <section aria-labelledby="recommendations">
      <h2 id="recommendations">Recommendations</h2>
      {recommendations.length ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Recommendations</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Recommendation</th>
              <th scope="col">Addressed to</th>
              <th scope="col">Response due</th>
              <th scope="col">Response</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {recommendations.map((r) => (
              <tr key={r.id}>
                <td>
                  <span className="peff-prewrap">{r.text}</span>
                  {canEdit ? (
                    <>
                      <br />
                      <Link to={`/evidence/${itemId}/recommendations/${r.id}/edit`} className="nhsuk-body-s">
                        Edit<span className="nhsuk-u-visually-hidden"> the recommendation “{r.text.slice(0, 60)}”</span>
                      </Link>
                    </>
                  ) : null}
                </td>
                <td>{r.addressedTo ?? "Not recorded"}</td>
                <td>{formatDate(r.responseDue) || "No date"}</td>
                <td className="peff-prewrap">
                  {r.response ? <p className="nhsuk-u-margin-bottom-2">{r.response}</p> : null}
                  {r.answer ? (
                    <p className="nhsuk-u-margin-bottom-2">
                      <strong>{DECISION_LABELS[r.answer.decision]}</strong> ({r.addressedTo}, {formatDate(r.answer.at)}): {r.answer.body}
                    </p>
                  ) : !r.response ? (
                    <p className="nhsuk-u-margin-bottom-2">No response yet</p>
                  ) : null}
                  {r.addressedTo ? (
                    <Link to={`/evidence/recommendations/${r.id}`} className="nhsuk-body-s">
                      Answers<span className="nhsuk-u-visually-hidden"> to the recommendation “{r.text.slice(0, 60)}”</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No recommendations recorded.</p>
      )}
      {canEdit ? (
        <Form method="post">
          <input type="hidden" name="intent" value="recommendation" />
          <h3>Add a recommendation</h3>
          <Textarea name="recText" label="Recommendation" defaultValue={v("recText")} error={e("recText")} rows={2} />
          <Select name="addressedToOrgId" label="Addressed to" placeholder="Not recorded" options={organisations.map((o) => ({ value: o.id, label: o.name }))} defaultValue={v("addressedToOrgId")} error={e("addressedToOrgId")} />
          <TextInput name="responseDue" type="date" label="Response due" defaultValue={v("responseDue")} error={e("responseDue")} />
          <Textarea name="response" label="Response (optional)" defaultValue={v("response")} error={e("response")} rows={2} />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Add recommendation
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export function AttachmentsSection({ itemId, attachments, own, canEdit, failure }: { itemId: string; attachments: { id: string; filename: string; size: number; redacted: boolean; withheld: boolean; textLength: number; text: string }[]; own: boolean; canEdit: boolean; failure?: FormFailureLike }) {
  const mine = intentOf(failure) === "attach";
  return (
    <section aria-labelledby="attachments">
      <h2 id="attachments">Files</h2>
      {attachments.length ? (
        <ul className="nhsuk-list">
          {attachments.map((a) => (
            <li key={a.id}>
              {a.withheld ? <span>{a.filename}</span> : <a href={`/evidence/${itemId}/files/${a.id}`}>{a.filename}</a>} ({formatBytes(a.size)}
              {a.textLength ? ", text searchable" : ""})
              {canEdit ? (
                <>
                  {" "}
                  <Link to={`/evidence/${itemId}/files/${a.id}/remove`} className="nhsuk-body-s">
                    Remove<span className="nhsuk-u-visually-hidden"> {a.filename}</span>
                  </Link>
                </>
              ) : null}
              {a.redacted ? <span className="nhsuk-body-s"> Personal data was redacted from its text before sharing{own ? "" : "; the original file stays with its owner"}.</span> : null}
              {a.withheld && !a.redacted ? <span className="nhsuk-body-s"> It could not be checked for personal data when it was shared, so the file stays with its owner.</span> : null}
              {a.textLength ? (
                <details className="nhsuk-details">
                  <summary className="nhsuk-details__summary">
                    <span className="nhsuk-details__summary-text">Text of {a.filename}</span>
                  </summary>
                  <div className="nhsuk-details__text peff-prewrap">{a.text}{a.textLength > a.text.length ? "…" : ""}</div>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No files attached.</p>
      )}
      {canEdit ? (
        <Form method="post" encType="multipart/form-data">
          <div className={`nhsuk-form-group${mine && failure?.errors.file ? " nhsuk-form-group--error" : ""}`}>
            <label className="nhsuk-label" htmlFor="file">
              Attach a file
            </label>
            <div className="nhsuk-hint" id="file-hint">
              PDF, Word (.docx), Excel (.xlsx), CSV or an image, up to 25 MB. Text in PDF and Word files becomes searchable.
            </div>
            {mine && failure?.errors.file ? (
              <span className="nhsuk-error-message" id="file-error">
                <span className="nhsuk-u-visually-hidden">Error:</span> {failure.errors.file}
              </span>
            ) : null}
            <input className="nhsuk-file-upload" id="file" name="file" type="file" accept={ALLOWED_EXTENSIONS} aria-describedby={`file-hint${mine && failure?.errors.file ? " file-error" : ""}`} />
          </div>
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Upload file
          </button>
        </Form>
      ) : null}
    </section>
  );
}

/** `detail` is the text `describeEvent` made of the event on the server (getItem), never the stored detail, which may hold free text from older versions. */
export function HistorySection({ history }: { history: { action: EventAction; detail: string; at: Date | string; actor: string | null }[] }) {
  return (
    <section aria-labelledby="history">
      <h2 id="history">History</h2>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Who did what to this item, and when</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {history.map((h, i) => (
            <tr key={i}>
              <td>{formatDateTime(h.at)}</td>
              <td>{h.actor ?? "A former member"}</td>
              <td>{EVENT_LABELS[h.action]}</td>
              <td>{h.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
