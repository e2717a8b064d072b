import type { ReactNode } from "react";

interface BaseProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
  /** Show the label as a page heading (single-question pages). */
  labelClassName?: string;
}

function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <div className="nhsuk-hint" id={`${id}-hint`}>
      {hint}
    </div>
  ) : null;
}

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  return error ? (
    <span className="nhsuk-error-message" id={`${id}-error`}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {error}
    </span>
  ) : null;
}

export function TextInput({
  name,
  label,
  hint,
  error,
  id = name,
  labelClassName,
  type = "text",
  defaultValue,
  autoComplete,
  width,
  spellCheck,
  inputMode,
  required,
}: BaseProps & {
  type?: "text" | "email" | "password" | "url" | "date" | "search" | "tel" | "number";
  defaultValue?: string;
  autoComplete?: string;
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  spellCheck?: boolean;
  inputMode?: "numeric" | "text" | "email";
  required?: boolean;
}) {
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className={`nhsuk-label ${labelClassName ?? ""}`.trim()} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <input
        className={`nhsuk-input${width ? ` nhsuk-input--width-${width}` : ""}${error ? " nhsuk-input--error" : ""}`}
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        inputMode={inputMode}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
      />
    </div>
  );
}

export function Textarea({
  name,
  label,
  hint,
  error,
  id = name,
  defaultValue,
  rows = 5,
}: BaseProps & { defaultValue?: string; rows?: number }) {
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <textarea
        className={`nhsuk-textarea${error ? " nhsuk-textarea--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export function Select({
  name,
  label,
  hint,
  error,
  id = name,
  options,
  defaultValue,
  placeholder,
}: BaseProps & { options: Option[]; defaultValue?: string; placeholder?: string }) {
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <select
        className={`nhsuk-select${error ? " nhsuk-select--error" : ""}`}
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Radios or checkboxes in a fieldset with a legend; the first input carries the field id for the error summary link. */
export function Choices({
  type,
  name,
  legend,
  hint,
  error,
  id = name,
  options,
  defaultValue,
  small,
  legendClassName,
}: {
  type: "radio" | "checkbox";
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  id?: string;
  options: Option[];
  defaultValue?: string | string[];
  small?: boolean;
  legendClassName?: string;
}) {
  const chosen = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  const kind = type === "radio" ? "radios" : "checkboxes";
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`nhsuk-fieldset__legend ${legendClassName ?? "nhsuk-fieldset__legend--s"}`}>{legend}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <div className={`nhsuk-${kind}${small ? ` nhsuk-${kind}--small` : ""}`}>
          {options.map((o, i) => {
            const inputId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div className={`nhsuk-${kind}__item`} key={o.value}>
                <input
                  className={`nhsuk-${kind}__input`}
                  id={inputId}
                  name={name}
                  type={type}
                  value={o.value}
                  defaultChecked={chosen.has(o.value)}
                  aria-describedby={o.hint ? `${inputId}-item-hint` : undefined}
                />
                <label className={`nhsuk-label nhsuk-${kind}__label`} htmlFor={inputId}>
                  {o.label}
                </label>
                {o.hint ? (
                  <div className={`nhsuk-hint nhsuk-${kind}__hint`} id={`${inputId}-item-hint`}>
                    {o.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
