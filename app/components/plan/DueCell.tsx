import { useId, useState } from "react";
import type * as Y from "yjs";
import type { PlanLegendEntry } from "#db/schema";
import { EditorPanel } from "~/components/register/editors";
import type { Me } from "~/components/register/useRegisterDoc";
import { formatDate } from "~/lib/labels";
import { formatDue, parseDueDate } from "~/lib/plan/dates";
import { changeDueDate, DueDateError, type PlanAction } from "~/lib/plan/model";
import { describedBy, FieldError } from "./FieldError";
import { dueTags, toInputDate } from "./progress";

/** The current due date, the original when it moved, and "Overdue" / "Slipped" written as words. */
export function DueView({ action, legend, today }: { action: PlanAction; legend: PlanLegendEntry[]; today: string }) {
  const tags = dueTags(action, legend, today);
  return (
    <span className="plan-due">
      {action.currentDue ? <span>{formatDue(action.currentDue)}</span> : <span className="register-muted">No date</span>}
      {action.originalDue && action.originalDue !== action.currentDue ? <span className="plan-due-original">Originally {formatDue(action.originalDue)}</span> : null}
      {tags.map((t) => (
        <strong key={t.text} className={`nhsuk-tag nhsuk-tag--${t.tone} plan-tag`}>
          {t.text}
        </strong>
      ))}
    </span>
  );
}

interface DueEditorProps {
  doc: Y.Doc;
  action: PlanAction;
  label: string;
  readOnly: boolean;
  me: Me;
  onDone(): void;
}

/**
 * Sets or moves the due date. Moving a date needs a reason (the model refuses without one); its
 * errors are shown with the field they are about, and what was typed is kept.
 */
export function DueEditor({ doc, action, label, readOnly, me, onDone }: DueEditorProps) {
  const id = useId();
  const [date, setDate] = useState(() => toInputDate(action.currentDue));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ date?: string; reason?: string }>({});
  const hasDate = action.currentDue !== null || action.originalDue !== null;

  const save = () => {
    try {
      changeDueDate(doc, action.key, date, reason, {
        id: me.id,
        name: me.name,
      });
      onDone();
    } catch (error) {
      if (!(error instanceof DueDateError)) throw error;
      const aboutDate = date.trim() !== "" && !parseDueDate(date).ok;
      setErrors(aboutDate || !hasDate ? { date: error.message } : { reason: error.message });
    }
  };

  return (
    <EditorPanel label={label} onDone={onDone}>
      <div className="plan-wide">
        {readOnly ? (
          <p className="nhsuk-body-s">{action.currentDue ? `Due ${formatDue(action.currentDue)}.` : "No due date yet."}</p>
        ) : (
          <>
            <div className={`nhsuk-form-group${errors.date ? " nhsuk-form-group--error" : ""}`}>
              <label className="nhsuk-label" htmlFor={`${id}-date`}>
                {hasDate ? "New due date" : "Due date"}
              </label>
              <div className="nhsuk-hint" id={`${id}-date-hint`}>
                For example, 31/12/2025, 2025-12-31 or December 2025. Leave empty for no date.
              </div>
              <FieldError id={`${id}-date-error`} message={errors.date} />
              <input
                id={`${id}-date`}
                className={`nhsuk-input nhsuk-input--width-10${errors.date ? " nhsuk-input--error" : ""}`}
                value={date}
                aria-describedby={describedBy(`${id}-date-hint`, errors.date && `${id}-date-error`)}
                aria-invalid={errors.date ? true : undefined}
                onChange={(e) => setDate(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    save();
                  }
                }}
              />
            </div>
            {hasDate ? (
              <div className={`nhsuk-form-group${errors.reason ? " nhsuk-form-group--error" : ""}`}>
                <label className="nhsuk-label" htmlFor={`${id}-reason`}>
                  Reason for the change
                </label>
                <div className="nhsuk-hint" id={`${id}-reason-hint`}>
                  Required when the date moves. It is kept with the plan.
                </div>
                <FieldError id={`${id}-reason-error`} message={errors.reason} />
                <textarea
                  id={`${id}-reason`}
                  className={`nhsuk-textarea${errors.reason ? " nhsuk-textarea--error" : ""}`}
                  rows={2}
                  value={reason}
                  aria-describedby={describedBy(`${id}-reason-hint`, errors.reason && `${id}-reason-error`)}
                  aria-invalid={errors.reason ? true : undefined}
                  onChange={(e) => setReason(e.target.value)}
                />
              </div>
            ) : null}
            <button type="button" className="nhsuk-button nhsuk-button--small" onClick={save}>
              Save due date
            </button>
          </>
        )}
        <DueHistory action={action} />
      </div>
    </EditorPanel>
  );
}

function DueHistory({ action }: { action: PlanAction }) {
  if (!action.dueChanges.length) return action.originalDue ? <p className="nhsuk-body-s">Originally due {formatDue(action.originalDue)}. The date has not moved.</p> : null;
  return (
    <>
      <h3 className="nhsuk-heading-xs">Changes to the due date</h3>
      <p className="nhsuk-body-s">Originally due {formatDue(action.originalDue)}.</p>
      <ul className="nhsuk-list register-compact">
        {action.dueChanges.map((c, i) => (
          <li key={`${c.at}-${i}`}>
            <strong>{formatDate(c.at)}</strong>, {c.authorName}: moved from {formatDue(c.from)} to {formatDue(c.to)}. Reason: {c.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
