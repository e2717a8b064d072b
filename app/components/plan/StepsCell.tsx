import { useEffect, useId, useState } from "react";
import type * as Y from "yjs";
import type { PlanLegendEntry, PlanStep } from "#db/schema";
import { StatusTag } from "~/components/register/CellView";
import { EditorPanel } from "~/components/register/editors";
import { formatDue } from "~/lib/plan/dates";
import { removeStep, updateStep } from "~/lib/plan/model";
import { describedBy, FieldError } from "./FieldError";
import { NewStep, StatusOptions } from "./NewStep";
import { toInputDate } from "./progress";
import { readDue, readSteps } from "./steps";

/** Appendix C's numbered associated actions, each with its due date and status in words. */
export function StepsView({ steps, legend }: { steps: PlanStep[]; legend: PlanLegendEntry[] }) {
  if (!steps.length) return <span className="register-muted">None</span>;
  return (
    <ol className="nhsuk-list nhsuk-list--number register-compact plan-steps">
      {steps.map((s) => (
        <li key={s.key}>
          {s.text || <span className="register-muted">No text</span>}
          {s.due ? `, due ${formatDue(s.due)}` : null} <StatusTag status={s.status} legend={legend} />
        </li>
      ))}
    </ol>
  );
}

interface StepsEditorProps {
  doc: Y.Doc;
  rowKey: string;
  list: Y.Array<Y.Map<unknown>>;
  legend: PlanLegendEntry[];
  label: string;
  onDone(): void;
}

/** Add, change and remove steps. Text and status save as they change; a date once it can be read. */
export function StepsEditor({ doc, rowKey, list, legend, label, onDone }: StepsEditorProps) {
  const id = useId();
  const [steps, setSteps] = useState(() => readSteps(list));
  const [dues, setDues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    const observe = () => setSteps(readSteps(list));
    list.observeDeep(observe);
    return () => list.unobserveDeep(observe);
  }, [list]);

  const commitDue = (step: PlanStep) => {
    const typed = dues[step.key];
    if (typed === undefined) return;
    const due = readDue(typed);
    if (!due.ok) return setErrors((e) => ({ ...e, [step.key]: due.message }));
    updateStep(doc, rowKey, step.key, { due: due.due });
    setErrors(({ [step.key]: _, ...rest }) => rest);
    setDues(({ [step.key]: _, ...rest }) => rest);
  };

  return (
    <EditorPanel label={label} onDone={onDone}>
      <div className="plan-wide">
        {steps.length ? (
          <ol className="nhsuk-list plan-step-list">
            {steps.map((step, i) => {
              const n = i + 1;
              const f = `${id}-${step.key}`;
              const error = errors[step.key];
              return (
                <li key={step.key} className="plan-step">
                  <label className="nhsuk-label" htmlFor={`${f}-text`}>
                    Step {n}
                  </label>
                  <input id={`${f}-text`} className="nhsuk-input" value={step.text} onChange={(e) => updateStep(doc, rowKey, step.key, { text: e.target.value })} />
                  <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
                    <label className="nhsuk-label" htmlFor={`${f}-due`}>
                      Step {n} due date
                    </label>
                    <FieldError id={`${f}-due-error`} message={error} />
                    <input
                      id={`${f}-due`}
                      className={`nhsuk-input nhsuk-input--width-10${error ? " nhsuk-input--error" : ""}`}
                      value={dues[step.key] ?? toInputDate(step.due)}
                      aria-describedby={describedBy(error && `${f}-due-error`)}
                      aria-invalid={error ? true : undefined}
                      onChange={(e) => setDues({ ...dues, [step.key]: e.target.value })}
                      onBlur={() => commitDue(step)}
                      onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), commitDue(step))}
                    />
                  </div>
                  <label className="nhsuk-label" htmlFor={`${f}-status`}>
                    Step {n} status
                  </label>
                  <select
                    id={`${f}-status`}
                    className="nhsuk-select"
                    value={step.status ?? ""}
                    onChange={(e) => updateStep(doc, rowKey, step.key, { status: e.target.value || null })}
                  >
                    <StatusOptions legend={legend} />
                  </select>
                  <button
                    type="button"
                    className="register-link-button"
                    onClick={(e) => {
                      // The button goes with its step: keep focus in the panel, on "What the step is".
                      e.currentTarget.closest(".plan-wide")?.querySelector<HTMLElement>(".plan-step-new input")?.focus();
                      removeStep(doc, rowKey, step.key);
                    }}
                  >
                    Remove step {n}
                  </button>
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="nhsuk-body-s">No steps yet.</p>
        )}
        <NewStep doc={doc} rowKey={rowKey} legend={legend} />
      </div>
    </EditorPanel>
  );
}
