import type { LegendEntry } from "#db/schema";
import { STATUS_MEANING_LABELS } from "~/domain/plans/plan-input";
import { LEGEND_COLOURS, legendFingerprint } from "~/lib/legend-input";
import { valueOf, valuesOf, type FieldErrors, type FormValues } from "~/lib/forms";
import { STATUS_MEANINGS } from "#db/schema";

interface Row {
  key: string;
  label: string;
  colour: string;
  meaning: string;
}

/**
 * A status legend as a table of fields: text, colour and (for plans) meaning for each status, a
 * "Remove" box for existing ones, and two empty rows to add more. A plan's meanings say which
 * statuses count as complete (for "overdue") and how the collaborative's roll-up counts them; the
 * shared register's legend has none (`withMeaning` false).
 */
export function LegendFields({
  legend,
  values,
  errors,
  withMeaning = true,
}: {
  legend: (LegendEntry & { meaning?: string })[];
  values?: FormValues;
  errors?: FieldErrors;
  withMeaning?: boolean;
}) {
  const rows: Row[] = values
    ? valuesOf(values, "label").map((label, i) => ({
        key: valuesOf(values, "key")[i] ?? "",
        label,
        colour: valuesOf(values, "colour")[i] ?? "",
        meaning: valuesOf(values, "meaning")[i] ?? "",
      }))
    : [...legend.map((s) => ({ ...s, meaning: s.meaning ?? "" })), { key: "", label: "", colour: "grey", meaning: "in_progress" }, { key: "", label: "", colour: "grey", meaning: "in_progress" }];
  const removed = new Set(valuesOf(values, "remove"));
  return (
    <div className="peff-table-wrap">
      {/* The legend this form was drawn with (kept across a refused save): see `legendFingerprint`. */}
      <input type="hidden" name="loaded" value={valueOf(values, "loaded") || legendFingerprint(legend)} />
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Statuses (leave a new row empty to add nothing)</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Text</th>
            <th scope="col" className="nhsuk-table__header">Colour</th>
            {withMeaning ? <th scope="col" className="nhsuk-table__header">Means</th> : null}
            <th scope="col" className="nhsuk-table__header">Remove</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row, i) => {
            const n = i + 1;
            // Each message sits beside, and describes, the control it is about: the error summary links there.
            const error = errors?.[`label-${i}`];
            const colourError = errors?.[`colour-${i}`];
            const meaningError = errors?.[`meaning-${i}`];
            const removeError = errors?.[`remove-${i}`];
            return (
              <tr className="nhsuk-table__row" key={`${row.key}-${i}`}>
                <td className="nhsuk-table__cell">
                  <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
                    <input type="hidden" name="key" value={row.key} />
                    <label className="nhsuk-label" htmlFor={`label-${i}`}>
                      Status {n} text
                    </label>
                    <FieldMessage id={`label-${i}-error`} message={error} />
                    <input
                      className={`nhsuk-input${error ? " nhsuk-input--error" : ""}`}
                      id={`label-${i}`}
                      name="label"
                      defaultValue={row.label}
                      aria-describedby={error ? `label-${i}-error` : undefined}
                    />
                  </div>
                </td>
                <td className="nhsuk-table__cell">
                  <div className={`nhsuk-form-group${colourError ? " nhsuk-form-group--error" : ""}`}>
                    <label className="nhsuk-label" htmlFor={`colour-${i}`}>
                      Status {n} colour
                    </label>
                    <FieldMessage id={`colour-${i}-error`} message={colourError} />
                    <select
                      className={`nhsuk-select${colourError ? " nhsuk-select--error" : ""}`}
                      id={`colour-${i}`}
                      name="colour"
                      defaultValue={row.colour}
                      aria-describedby={colourError ? `colour-${i}-error` : undefined}
                    >
                      {LEGEND_COLOURS.map((c) => (
                        <option key={c} value={c}>
                          {c.charAt(0).toUpperCase() + c.slice(1)}
                        </option>
                      ))}
                    </select>
                  </div>
                </td>
                {withMeaning ? (
                  <td className="nhsuk-table__cell">
                    <div className={`nhsuk-form-group${meaningError ? " nhsuk-form-group--error" : ""}`}>
                      <label className="nhsuk-label" htmlFor={`meaning-${i}`}>
                        Status {n} means
                      </label>
                      <FieldMessage id={`meaning-${i}-error`} message={meaningError} />
                      <select
                        className={`nhsuk-select${meaningError ? " nhsuk-select--error" : ""}`}
                        id={`meaning-${i}`}
                        name="meaning"
                        defaultValue={row.meaning}
                        aria-describedby={meaningError ? `meaning-${i}-error` : undefined}
                      >
                        {STATUS_MEANINGS.map((m) => (
                          <option key={m} value={m}>
                            {STATUS_MEANING_LABELS[m]}
                          </option>
                        ))}
                      </select>
                    </div>
                  </td>
                ) : null}
                <td className="nhsuk-table__cell">
                  {row.key ? (
                    <div className={`nhsuk-form-group${removeError ? " nhsuk-form-group--error" : ""}`}>
                      {removeError ? (
                        <span className="nhsuk-error-message" id={`remove-${i}-error`}>
                          <span className="nhsuk-u-visually-hidden">Error:</span> {removeError}
                        </span>
                      ) : null}
                      <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                        <div className="nhsuk-checkboxes__item">
                          <input
                            className="nhsuk-checkboxes__input"
                            id={`remove-${i}`}
                            name="remove"
                            type="checkbox"
                            value={row.key}
                            defaultChecked={removed.has(row.key)}
                            aria-describedby={removeError ? `remove-${i}-error` : undefined}
                          />
                          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`remove-${i}`}>
                            Remove status {n}
                          </label>
                        </div>
                      </div>
                    </div>
                  ) : (
                    <span className="nhsuk-body-s">New</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  ) : null;
}
