import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import type { LegendEntry } from "#db/schema";
import { positionBetween, rowsOf, type RegisterRow } from "~/lib/register/model";
import type { RegisterOptions } from "~/lib/register/options";
import { CellView } from "./CellView";
import { COLUMNS, type Column } from "./columns";
import { EvidenceEditor, SetEditor, StatusEditor, UpdatesEditor } from "./editors";
import { TextEditor } from "./TextCell";
import type { Me, Peer, RegisterDoc } from "./useRegisterDoc";

interface GridProps {
  register: RegisterDoc;
  rows: RegisterRow[];
  /** True when rows are shown in the shared order (moving rows only makes sense then). */
  sharedOrder: boolean;
  options: RegisterOptions;
  legend: LegendEntry[];
  me: Me;
  /** Set by the toolbar's "Add row": the new row to focus. */
  focusRow: string | null;
}

/**
 * The register as a WAI-ARIA grid: one cell is in the tab order; arrows, Home/End and
 * Ctrl+Home/End move; Enter (or F2) edits the cell; Escape leaves the editor and returns to the
 * cell. Ctrl+Z / Ctrl+Y undo and redo this person's own changes.
 */
export function RegisterGrid({ register, rows, sharedOrder, options, legend, me, focusRow }: GridProps) {
  const [active, setActive] = useState({ r: 0, c: 0 });
  const [editing, setEditing] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const moveFocus = useRef(false);
  const focusedRow = useRef<string | null>(null);
  /** Bumped whenever focus should follow the active cell (even when the active cell did not change). */
  const [focusTick, setFocusTick] = useState(0);

  const r = Math.min(active.r, Math.max(rows.length - 1, 0));
  const c = active.c;
  const current = rows[r];

  useEffect(() => {
    if (!focusRow) return;
    const index = rows.findIndex((row) => row.key === focusRow);
    if (index >= 0 && focusedRow.current !== focusRow) {
      focusedRow.current = focusRow;
      moveFocus.current = true;
      setActive({ r: index, c: 0 });
      setFocusTick((t) => t + 1);
    }
  }, [focusRow, rows]);

  useEffect(() => {
    if (!moveFocus.current || editing) return;
    moveFocus.current = false;
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${r}-${c}"]`)?.focus();
  }, [r, c, editing, focusTick]);

  const go = (nr: number, nc: number) => {
    moveFocus.current = true;
    setFocusTick((t) => t + 1);
    setActive({ r: Math.max(0, Math.min(rows.length - 1, nr)), c: Math.max(0, Math.min(COLUMNS.length - 1, nc)) });
  };

  const leave = () => {
    register.stopCapturing();
    moveFocus.current = true;
    setFocusTick((t) => t + 1);
    setEditing(false);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === "z" || e.key === "Z" || e.key === "y")) {
      e.preventDefault();
      if (e.key === "y" || e.shiftKey) register.redo();
      else register.undo();
      return;
    }
    if (editing) {
      if (e.key === "Escape" && COLUMNS[c]?.kind === "actions") leave();
      return;
    }
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(r + 1, c),
      ArrowUp: () => go(r - 1, c),
      ArrowRight: () => go(r, c + 1),
      ArrowLeft: () => go(r, c - 1),
      Home: () => go(mod ? 0 : r, 0),
      End: () => go(mod ? rows.length - 1 : r, COLUMNS.length - 1),
      PageDown: () => go(r + 10, c),
      PageUp: () => go(r - 10, c),
      Enter: () => !register.readOnly && setEditing(true),
      F2: () => !register.readOnly && setEditing(true),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const moveRow = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= rows.length) return;
    const [before, after] = by < 0 ? [rows[target - 1], rows[target]] : [rows[target], rows[target + 1]];
    rowsOf(register.doc).get(rows[index]!.key)?.set("position", positionBetween(before?.position, after?.position));
    go(target, c);
  };

  return (
    <table ref={tableRef} role="grid" aria-label="Shared barrier register" aria-rowcount={rows.length + 1} aria-readonly={register.readOnly || undefined} className="nhsuk-table register-grid" onKeyDown={onKeyDown}>
      <thead className="nhsuk-table__head">
        <tr role="row" aria-rowindex={1}>
          <th role="columnheader" scope="col" className="register-rownum">
            Row
          </th>
          {COLUMNS.map((col) => (
            <th role="columnheader" scope="col" key={col.id}>
              {col.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row, ri) => (
          <tr role="row" aria-rowindex={ri + 2} key={row.key}>
            <th role="rowheader" scope="row" className="register-rownum">
              {ri + 1}
            </th>
            {COLUMNS.map((col, ci) => {
              const isActive = ri === r && ci === c;
              const here = register.peers.filter((p) => p.focus?.row === row.key && p.focus.column === col.id);
              return (
                <td
                  role="gridcell"
                  key={col.id}
                  data-cell={`${ri}-${ci}`}
                  tabIndex={isActive && !editing ? 0 : -1}
                  aria-label={`${col.label}, row ${ri + 1}`}
                  aria-describedby={here.length ? `peers-${row.key}-${col.id}` : undefined}
                  className={`register-cell${isActive ? " register-cell--active" : ""}`}
                  style={here[0] ? { boxShadow: `inset 0 0 0 3px ${here[0].user.colour}` } : undefined}
                  onFocus={() => {
                    if (!isActive) setActive({ r: ri, c: ci });
                    register.setFocus({ row: row.key, column: col.id });
                  }}
                  onDoubleClick={() => !register.readOnly && (setActive({ r: ri, c: ci }), setEditing(true))}
                >
                  {col.kind === "actions" ? (
                    <RowActions
                      index={ri}
                      count={rows.length}
                      canMove={sharedOrder && !register.readOnly}
                      canDelete={!register.readOnly}
                      tabbable={isActive && editing}
                      onMove={(by) => moveRow(ri, by)}
                      onDelete={() => {
                        rowsOf(register.doc).delete(row.key);
                        leave();
                      }}
                    />
                  ) : isActive && editing && current ? (
                    <Editor column={col} rowKey={row.key} rowIndex={ri} doc={register.doc} options={options} legend={legend} me={me} onDone={leave} />
                  ) : (
                    <CellView row={row} column={col} options={options} legend={legend} />
                  )}
                  <PeerTags id={`peers-${row.key}-${col.id}`} peers={here} />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PeerTags({ id, peers }: { id: string; peers: Peer[] }) {
  if (!peers.length) return null;
  return (
    <span id={id} className="register-peer-tags">
      {peers.map((p) => (
        <span key={p.clientId} className="register-peer-tag" style={{ backgroundColor: p.user.colour }}>
          {p.user.name} is here
        </span>
      ))}
    </span>
  );
}

function RowActions(props: { index: number; count: number; canMove: boolean; canDelete: boolean; tabbable: boolean; onMove(by: -1 | 1): void; onDelete(): void }) {
  const tab = props.tabbable ? 0 : -1;
  const n = props.index + 1;
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (props.tabbable) ref.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
  }, [props.tabbable]);
  return (
    <span className="register-actions" ref={ref}>
      {props.canMove ? (
        <>
          <button type="button" tabIndex={tab} className="register-link-button" disabled={props.index === 0} onClick={() => props.onMove(-1)}>
            Move up<span className="nhsuk-u-visually-hidden"> row {n}</span>
          </button>
          <button type="button" tabIndex={tab} className="register-link-button" disabled={props.index === props.count - 1} onClick={() => props.onMove(1)}>
            Move down<span className="nhsuk-u-visually-hidden"> row {n}</span>
          </button>
        </>
      ) : null}
      {props.canDelete ? (
        <button type="button" tabIndex={tab} className="register-link-button" onClick={props.onDelete}>
          Delete<span className="nhsuk-u-visually-hidden"> row {n}</span>
        </button>
      ) : null}
    </span>
  );
}

interface EditorProps {
  column: Column;
  rowKey: string;
  rowIndex: number;
  doc: Y.Doc;
  options: RegisterOptions;
  legend: LegendEntry[];
  me: Me;
  onDone(): void;
}

function Editor({ column, rowKey, rowIndex, doc, options, legend, me, onDone }: EditorProps) {
  const ymap = rowsOf(doc).get(rowKey);
  if (!ymap) return null;
  const label = `${column.label}, row ${rowIndex + 1}`;
  switch (column.kind) {
    case "text":
      return <TextEditor text={ymap.get(column.field) as Y.Text} label={label} long={column.long} onDone={onDone} />;
    case "set": {
      const choices = column.field === "characteristics" ? options.characteristics : column.field === "edsOutcomes" ? options.edsOutcomes : options.psedAims;
      return <SetEditor set={ymap.get(column.field) as Y.Map<boolean>} label={label} choices={choices} free={column.free} onDone={onDone} />;
    }
    case "status":
      return <StatusEditor row={ymap} legend={legend} label={label} onDone={onDone} />;
    case "evidence":
      return <EvidenceEditor list={ymap.get("evidence") as Y.Array<Y.Map<unknown>>} label={label} onDone={onDone} />;
    case "updates":
      return <UpdatesEditor list={ymap.get("updates") as Y.Array<Y.Map<unknown>>} label={label} me={me} onDone={onDone} />;
    case "actions":
      return null;
  }
}
