import type { EvidenceChoice } from "~/domain/grading/get-assessment.server";

type Choice = Pick<EvidenceChoice, "id" | "title" | "orgName" | "own" | "shared" | "date" | "outcomeIds">;

const ownership = (c: Choice) =>
  c.own ? (c.shared ? "Your organisation, shared with the collaborative" : "Your organisation, private") : `${c.orgName}, shared with the collaborative`;

function Boxes({ name, firstId, items, chosen }: { name: string; firstId?: string; items: { value: string; label: string; hint: string }[]; chosen: Set<string> }) {
  return (
    <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
      {items.map((o, i) => {
        const inputId = i === 0 && firstId ? firstId : `${name}-${o.value}`;
        return (
          <div className="nhsuk-checkboxes__item" key={o.value}>
            <input
              className="nhsuk-checkboxes__input"
              id={inputId}
              name={name}
              type="checkbox"
              value={o.value}
              defaultChecked={chosen.has(o.value)}
              aria-describedby={`${inputId}-item-hint`}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={inputId}>
              {o.label}
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${inputId}-item-hint`}>
              {o.hint}
            </div>
          </div>
        );
      })}
    </div>
  );
}

/**
 * Evidence to link to one grade, inside a `<details>` so the grading page stays short: the items
 * tagged to the outcome first, then the most recent others, each saying whose it is and whether
 * it is shared. `hiddenIds` are linked items the grader can no longer see (unshared or deleted);
 * they stay linked unless unticked. The first checkbox carries `name` as its id for the error summary.
 */
export function EvidencePicker({
  name,
  outcomeId,
  outcomeCode,
  slotLabel,
  choices,
  untaggedLimit,
  selected,
  hiddenIds,
  error,
}: {
  name: string;
  outcomeId: string;
  outcomeCode: string;
  slotLabel: string;
  choices: Choice[];
  untaggedLimit: number;
  selected: string[];
  hiddenIds: string[];
  error?: string;
}) {
  const chosen = new Set(selected);
  const tagged = choices.filter((c) => c.outcomeIds.includes(outcomeId));
  const others = choices.filter((c) => !c.outcomeIds.includes(outcomeId));
  // The most recent untagged items, and any the person already chose (choices come newest first).
  const shownOthers = others.filter((c, i) => i < untaggedLimit || chosen.has(c.id));
  const item = (c: Choice) => ({ value: c.id, label: c.title, hint: `${ownership(c)}${c.date ? `, ${c.date}` : ""}` });
  const hidden = hiddenIds.map((id) => ({ value: id, label: "An item you can no longer see (unshared by its organisation, or deleted)", hint: "Untick to unlink it" }));
  const linked = selected.length;
  const errorId = `${name}-error`;
  // The first checkbox of the picker takes the field's id, so the error summary's link lands on it.
  const first = tagged.length ? "tagged" : shownOthers.length ? "others" : hidden.length ? "hidden" : null;
  return (
    <details className="nhsuk-details peff-grade-evidence-picker" open={Boolean(error)}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Link evidence ({tagged.length} tagged to this outcome){linked ? `: ${linked} linked` : ""}
          <span className="nhsuk-u-visually-hidden"> for {slotLabel}</span>
        </span>
      </summary>
      <div className={`nhsuk-details__text nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
        {error ? (
          <span className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        ) : null}
        {first === null ? (
          <p id={name}>
            No evidence you can see yet. Add it in the evidence library and tag it to {outcomeCode}.
          </p>
        ) : null}
        {tagged.length ? (
          <fieldset className="nhsuk-fieldset" aria-describedby={error ? errorId : undefined}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Evidence tagged to {outcomeCode}</legend>
            <Boxes name={name} firstId={first === "tagged" ? name : undefined} items={tagged.map(item)} chosen={chosen} />
          </fieldset>
        ) : (
          <p className="nhsuk-body-s">No evidence you can see is tagged to {outcomeCode} yet.</p>
        )}
        {shownOthers.length ? (
          <fieldset className="nhsuk-fieldset" aria-describedby={`${name}-others-hint${error ? ` ${errorId}` : ""}`}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Other evidence you can see</legend>
            <div className="nhsuk-hint" id={`${name}-others-hint`}>
              The most recent items not tagged to {outcomeCode}. To link an older one, tag it to {outcomeCode} in the evidence library.
            </div>
            <Boxes name={name} firstId={first === "others" ? name : undefined} items={shownOthers.map(item)} chosen={chosen} />
          </fieldset>
        ) : null}
        {hidden.length ? (
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Linked before, no longer visible to you</legend>
            <Boxes name={name} firstId={first === "hidden" ? name : undefined} items={hidden} chosen={chosen} />
          </fieldset>
        ) : null}
      </div>
    </details>
  );
}
