import type * as Y from "yjs";
import { EditorPanel } from "~/components/register/editors";
import { useCellTabIndex } from "~/components/register/RegisterGrid";
import { LiveOnly } from "~/components/WithoutJavaScript";
import type { Me } from "~/components/register/useRegisterDoc";
import { formatDateTime } from "~/lib/labels";
import { resolveSourceChange, SOURCE_FIELDS, sourceChanges, type PlanAction, type SourceChange } from "~/lib/plan/model";
import { labelOf, type RegisterOptions } from "~/lib/register/options";
import { decisionText, sourceKeyOf, sourceLabel, type CurrentSourceView } from "./progress";

const GONE = "The source was removed or is no longer shared.";

function changesOf(action: PlanAction, sources: Record<string, CurrentSourceView>): { current: CurrentSourceView | undefined; changes: SourceChange[] } {
  if (!action.source) return { current: undefined, changes: [] };
  const current = sources[sourceKeyOf(action.source)];
  return {
    current,
    changes: current ? sourceChanges(action.source.snapshot, current.snapshot) : [],
  };
}

/**
 * Where a pulled action came from, and a clear "Source updated" when the source changed since
 * (reviewing the change opens the live plan's panel, so its button needs JavaScript).
 */
export function SourceView({ action, sources, rowNumber, open }: { action: PlanAction; sources: Record<string, CurrentSourceView>; rowNumber: number; open(): void }) {
  const tabIndex = useCellTabIndex();
  if (!action.source) return <span className="register-muted">Written in this plan</span>;
  const { current, changes } = changesOf(action, sources);
  return (
    <span className="plan-source">
      {current ? (
        <a href={current.href} tabIndex={tabIndex}>
          {sourceLabel(action.source, current)}
        </a>
      ) : (
        <span>{sourceLabel(action.source, current)}</span>
      )}
      {!current ? <span className="register-muted">{GONE}</span> : null}
      {changes.length ? (
        <>
          <strong className="nhsuk-tag nhsuk-tag--orange plan-tag">Source updated</strong>
          <LiveOnly>
            <button type="button" tabIndex={-1} className="register-link-button" onClick={open}>
              Review the change
              <span className="nhsuk-u-visually-hidden"> to the source of row {rowNumber}</span>
            </button>
          </LiveOnly>
        </>
      ) : null}
    </span>
  );
}

interface SourcePanelProps {
  doc: Y.Doc;
  action: PlanAction;
  sources: Record<string, CurrentSourceView>;
  options: RegisterOptions;
  label: string;
  readOnly: boolean;
  me: Me;
  onDone(): void;
}

/** The source's changes field by field ("As pulled" and "Now"), the choice, and earlier choices. */
export function SourcePanel({ doc, action, sources, options, label, readOnly, me, onDone }: SourcePanelProps) {
  const { current, changes } = changesOf(action, sources);
  const decide = (choice: "take" | "keep") => {
    if (!current) return;
    resolveSourceChange(doc, action.key, current.snapshot, choice, {
      id: me.id,
      name: me.name,
    });
    onDone();
  };
  const show = (field: SourceChange["field"], value: string | string[]) => {
    if (!Array.isArray(value)) return value || "Empty";
    if (!value.length) return "None";
    const choices = field === "characteristics" ? options.characteristics : field === "edsOutcomes" ? options.edsOutcomes : field === "psedAims" ? options.psedAims : [];
    return value.map((v) => labelOf(choices, v)).join("; ");
  };
  const fieldLabel = (field: string) => SOURCE_FIELDS.find((f) => f.field === field)?.label ?? field;

  return (
    <EditorPanel label={label} onDone={onDone}>
      <div className="plan-wide">
        {!action.source ? (
          <p className="nhsuk-body-s">This action was written in this plan, not pulled from shared intelligence.</p>
        ) : (
          <>
            <p className="nhsuk-body-s">
              {current ? <a href={current.href}>{sourceLabel(action.source, current)}</a> : sourceLabel(action.source, current)}
              {formatDateTime(action.source.pulledAt) ? `, pulled ${formatDateTime(action.source.pulledAt)}` : null}
            </p>
            {!current ? <p className="nhsuk-body-s">{GONE}</p> : null}
            {changes.length ? (
              <>
                <table className="nhsuk-table plan-source-changes">
                  <caption className="nhsuk-table__caption nhsuk-table__caption--s">Source updated: what changed since it was pulled</caption>
                  <thead className="nhsuk-table__head">
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">As pulled</th>
                      <th scope="col">Now</th>
                    </tr>
                  </thead>
                  <tbody className="nhsuk-table__body">
                    {changes.map((c) => (
                      <tr key={c.field}>
                        <th scope="row">{c.label}</th>
                        <td>{show(c.field, c.before)}</td>
                        <td>{show(c.field, c.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {readOnly ? (
                  <p className="nhsuk-body-s">An equality lead or contributor decides whether the plan takes the change.</p>
                ) : (
                  <div className="plan-source-choice">
                    <button type="button" className="nhsuk-button nhsuk-button--small" onClick={() => decide("take")}>
                      Take the change
                    </button>
                    <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => decide("keep")}>
                      Keep our wording
                    </button>
                  </div>
                )}
              </>
            ) : current ? (
              <p className="nhsuk-body-s">The source has not changed since it was pulled or last reviewed.</p>
            ) : null}
            {action.sourceDecisions.length ? (
              <>
                <h3 className="nhsuk-heading-xs">Earlier decisions</h3>
                <ul className="nhsuk-list register-compact">
                  {action.sourceDecisions.map((d, i) => (
                    <li key={`${d.at}-${i}`}>
                      <strong>{formatDateTime(d.at)}</strong>, {d.authorName} {decisionText(d)} ({d.fields.map(fieldLabel).join(", ")})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </div>
    </EditorPanel>
  );
}
