import { useId, useState } from "react";
import type * as Y from "yjs";
import type { PlanLegendEntry } from "#db/schema";
import { addStep } from "~/lib/plan/model";
import { describedBy, FieldError } from "./FieldError";
import { readDue } from "./steps";

export function StatusOptions({ legend }: { legend: PlanLegendEntry[] }) {
  return (
    <>
      <option value="">No status</option>
      {legend.map((s) => (
        <option key={s.key} value={s.key}>
          {s.label} ({s.colour})
        </option>
      ))}
    </>
  );
}

/** The "Add a step" form: what the step is (required), an optional due date and a status. */
export function NewStep({ doc, rowKey, legend }: { doc: Y.Doc; rowKey: string; legend: PlanLegendEntry[] }) {
  const id = useId();
  const [draft, setDraft] = useState({ text: "", due: "", status: "" });
  const [errors, setErrors] = useState<{ text?: string; due?: string }>({});
  const add = () => {
    const due = readDue(draft.due);
    const problems = { text: draft.text.trim() ? undefined : "Enter what the step is", due: due.ok ? undefined : due.message };
    setErrors(problems);
    if (problems.text || !due.ok) return;
    addStep(doc, rowKey, { text: draft.text.trim(), due: due.due, status: draft.status || null });
    setDraft({ text: "", due: "", status: "" });
  };
  return (
    <fieldset className="nhsuk-fieldset plan-step-new">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Add a step</legend>
      <div className={`nhsuk-form-group${errors.text ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label" htmlFor={`${id}-text`}>
          What the step is
        </label>
        <FieldError id={`${id}-text-error`} message={errors.text} />
        <input
          id={`${id}-text`}
          className={`nhsuk-input${errors.text ? " nhsuk-input--error" : ""}`}
          value={draft.text}
          aria-describedby={describedBy(errors.text && `${id}-text-error`)}
          onChange={(e) => setDraft({ ...draft, text: e.target.value })}
        />
      </div>
      <div className={`nhsuk-form-group${errors.due ? " nhsuk-form-group--error" : ""}`}>
        <label className="nhsuk-label" htmlFor={`${id}-due`}>
          Due date (optional)
        </label>
        <div className="nhsuk-hint" id={`${id}-due-hint`}>
          For example, 31/12/2025 or December 2025
        </div>
        <FieldError id={`${id}-due-error`} message={errors.due} />
        <input
          id={`${id}-due`}
          className={`nhsuk-input nhsuk-input--width-10${errors.due ? " nhsuk-input--error" : ""}`}
          value={draft.due}
          aria-describedby={describedBy(`${id}-due-hint`, errors.due && `${id}-due-error`)}
          onChange={(e) => setDraft({ ...draft, due: e.target.value })}
        />
      </div>
      <label className="nhsuk-label" htmlFor={`${id}-status`}>
        Status of the step
      </label>
      <select id={`${id}-status`} className="nhsuk-select" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
        <StatusOptions legend={legend} />
      </select>
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small plan-step-add" onClick={add}>
        Add step
      </button>
    </fieldset>
  );
}
