import { decisionField } from "~/domain/evidence/share-fields";
import { PII_LABELS, type PiiKind } from "~/lib/pii/scan";

/** A safe element id for a hit id ("finding:<uuid>@12", "body@7"): the first radio, which the error summary links to. */
export const decisionDomId = (hitId: string) => `d-${hitId.replace(/[^A-Za-z0-9]+/g, "-")}`;

/**
 * One possible piece of personal data, shown in its context, and the choice the person must make
 * about it: redact it or keep it (and, for one in a file's name, remove the file). One component
 * so that sharing an item and answering a recommendation ask the same question the same way.
 */
export function PiiDecision({
  hit,
  number,
  where,
  named = false,
  error,
  chosen,
}: {
  hit: { id: string; kind: PiiKind; text: string; before: string; after: string };
  /** Its place in the list of hits on the page, from 1. */
  number: number;
  /** Where it was found, lower case: "summary", "your response". */
  where: string;
  /** A hit in a file's name: it may also be settled by removing the file (and every other hit in it). */
  named?: boolean;
  error?: string;
  /** The decision sent last time, when the form comes back with errors. */
  chosen?: string;
}) {
  const id = decisionDomId(hit.id);
  const name = decisionField(hit.id);
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={`${id}-context${named ? ` ${id}-hint` : ""}${error ? ` ${id}-error` : ""}`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          {number}. Possible {PII_LABELS[hit.kind]} in {where}
        </legend>
        <p className="peff-pii-context" id={`${id}-context`}>
          {hit.before}
          <mark>{hit.text}</mark>
          {hit.after}
        </p>
        {named ? (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            Redacting it renames the file (the marker replaces this part of its name). Or remove the file from the item, or keep the name if it is not personal data.
          </div>
        ) : null}
        {error ? (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        ) : null}
        <div className="nhsuk-radios nhsuk-radios--inline">
          <div className="nhsuk-radios__item">
            <input className="nhsuk-radios__input" id={id} name={name} type="radio" value="redact" defaultChecked={chosen === "redact"} />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
              {named ? "Redact it from the name" : "Redact it"}
            </label>
          </div>
          {named ? (
            <div className="nhsuk-radios__item">
              <input className="nhsuk-radios__input" id={`${id}-remove`} name={name} type="radio" value="remove" defaultChecked={chosen === "remove"} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-remove`}>
                Remove the file
              </label>
            </div>
          ) : null}
          <div className="nhsuk-radios__item">
            <input className="nhsuk-radios__input" id={`${id}-keep`} name={name} type="radio" value="keep" defaultChecked={chosen === "keep"} />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-keep`}>
              Keep it: not personal data
            </label>
          </div>
        </div>
      </fieldset>
    </div>
  );
}
