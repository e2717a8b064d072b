import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type * as Y from "yjs";
import { positionBetween, rowsOf } from "~/lib/register/model";
import { useHydrated } from "~/lib/use-hydrated";
import type { GridColumn } from "./columns";
import { PeerTags, RowActions } from "./RowActions";
import type { GridRow, RegisterDoc } from "./useRegisterDoc";

export interface EditorArgs<R, C> {
  row: R;
  column: C;
  /** The row's Y.Map in the document. */
  ymap: Y.Map<unknown>;
  /** "<column>, row <n>": the editor's accessible name. */
  label: string;
  /** Only readable columns open when the person cannot edit; their panels then show, not change. */
  readOnly: boolean;
  onDone(): void;
}

/** How a document's column kinds are shown and edited (the grid itself handles "actions"). */
export interface CellRenderers<R, C> {
  /** A cell when it is not being edited; `open` opens its editor (for a button in the cell). */
  view(row: R, column: C, open: () => void): ReactNode;
  editor(args: EditorArgs<R, C>): ReactNode;
}

interface GridProps<R extends GridRow, C extends GridColumn> {
  register: RegisterDoc<R>;
  rows: R[];
  columns: C[];
  /** The grid's accessible name. */
  label: string;
  cells: CellRenderers<R, C>;
  /** True when rows are shown in the shared order (moving rows only makes sense then). */
  sharedOrder: boolean;
  /** Set by the toolbar's "Add row": the new row to focus. */
  focusRow: string | null;
}

/**
 * Whether the grid around a cell moves focus itself (the live grid's roving tabindex): links and
 * buttons in its cells then leave the tab order and are reached through the cell. False in the
 * plain table drawn before the page's JavaScript runs, where they are tabbed to as anywhere else.
 */
const GridMovesFocus = createContext(true);

/** The tabIndex of a link or button shown in a grid cell (see GridMovesFocus). */
export function useCellTabIndex(): -1 | undefined {
  return useContext(GridMovesFocus) ? -1 : undefined;
}

/**
 * A row-shaped Yjs document (the register, a plan) as a WAI-ARIA grid: one cell is in the tab
 * order; arrows, Home/End and Ctrl+Home/End move; Enter (or F2) edits the cell; Escape leaves the
 * editor and returns to the cell. Ctrl+Z / Ctrl+Y undo and redo this person's own changes.
 *
 * Until the page has hydrated (which is all a browser without JavaScript ever shows) it is a plain
 * table instead: no grid roles or roving tabindex, so the links in its cells are in the normal tab
 * order, and no row actions column (its buttons need JavaScript). The first render in the browser
 * is the server's; the grid takes over just after (see useHydrated).
 */
export function RegisterGrid<R extends GridRow, C extends GridColumn>({ register, rows, columns, label, cells, sharedOrder, focusRow }: GridProps<R, C>) {
  const interactive = useHydrated();
  const [active, setActive] = useState({ r: 0, c: 0 });
  const [editing, setEditing] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const moveFocus = useRef(false);
  const focusedRow = useRef<string | null>(null);
  const hashDone = useRef(false);
  /** Bumped whenever focus should follow the active cell (even when the active cell did not change). */
  const [focusTick, setFocusTick] = useState(0);

  const r = Math.min(active.r, Math.max(rows.length - 1, 0));
  const c = active.c;
  const current = rows[r];
  const canOpen = (col: C | undefined) => !!col && (!register.readOnly || (col.kind !== "actions" && !!col.readable));

  // Declared before the effects that ask for focus: effects run in order, and when the grid mounts
  // already interactive (a client-side navigation to "/plans/<id>#row-<key>") this one would
  // otherwise run in the same flush, after they set moveFocus but with the old active cell, and
  // focus row 1 instead of the row asked for.
  useEffect(() => {
    if (!moveFocus.current || editing) return;
    moveFocus.current = false;
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${r}-${c}"]`)?.focus();
  }, [r, c, editing, focusTick]);

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

  // A link to "#row-<key>" (a pulled plan action's source) lands on that row once it has arrived
  // and the grid has taken over (before, its cells cannot take focus).
  useEffect(() => {
    if (!interactive || hashDone.current || rows.length === 0) return;
    hashDone.current = true;
    const key = window.location.hash.startsWith("#row-") ? decodeURIComponent(window.location.hash.slice(5)) : null;
    const index = key ? rows.findIndex((row) => row.key === key) : -1;
    if (index < 0) return;
    moveFocus.current = true;
    setActive({ r: index, c: 0 });
    setFocusTick((t) => t + 1);
  }, [rows, interactive]);

  const go = (nr: number, nc: number) => {
    moveFocus.current = true;
    setFocusTick((t) => t + 1);
    setActive({ r: Math.max(0, Math.min(rows.length - 1, nr)), c: Math.max(0, Math.min(columns.length - 1, nc)) });
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
      if (e.key === "Escape" && columns[c]?.kind === "actions") leave();
      return;
    }
    const edit = () => canOpen(columns[c]) && setEditing(true);
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(r + 1, c),
      ArrowUp: () => go(r - 1, c),
      ArrowRight: () => go(r, c + 1),
      ArrowLeft: () => go(r, c - 1),
      Home: () => go(mod ? 0 : r, 0),
      End: () => go(mod ? rows.length - 1 : r, columns.length - 1),
      PageDown: () => go(r + 10, c),
      PageUp: () => go(r - 10, c),
      Enter: edit,
      F2: edit,
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

  /** The WAI-ARIA grid's roles, focus and handlers: only once hydrated (before, the native table's semantics and tab order). */
  const gridOnly = <P extends object>(props: P): Partial<P> => (interactive ? props : {});
  const shown = interactive ? columns : columns.filter((col) => col.kind !== "actions");

  return (
    <GridMovesFocus.Provider value={interactive}>
      <table
        ref={tableRef}
        {...gridOnly({ role: "grid", "aria-rowcount": rows.length + 1, "aria-readonly": register.readOnly || undefined, onKeyDown })}
        aria-label={label}
        className="nhsuk-table register-grid"
      >
        <thead className="nhsuk-table__head">
          <tr {...gridOnly({ role: "row", "aria-rowindex": 1 })}>
            <th {...gridOnly({ role: "columnheader" })} scope="col" className="register-rownum">
              Row
            </th>
            {shown.map((col) => (
              <th {...gridOnly({ role: "columnheader" })} scope="col" key={col.id}>
                {col.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row, ri) => (
            <tr {...gridOnly({ role: "row", "aria-rowindex": ri + 2 })} key={row.key} id={`row-${row.key}`}>
              <th {...gridOnly({ role: "rowheader" })} scope="row" className="register-rownum">
                {ri + 1}
              </th>
              {shown.map((col, ci) => {
                const isActive = interactive && ri === r && ci === c;
                const here = interactive ? register.peers.filter((p) => p.focus?.row === row.key && p.focus.column === col.id) : [];
                const open = () => {
                  if (!canOpen(col)) return;
                  setActive({ r: ri, c: ci });
                  setEditing(true);
                };
                const ymap = isActive && editing && current && col.kind !== "actions" ? rowsOf(register.doc).get(row.key) : undefined;
                return (
                  <td
                    key={col.id}
                    {...gridOnly({
                      role: "gridcell",
                      "data-cell": `${ri}-${ci}`,
                      tabIndex: isActive && !editing ? 0 : -1,
                      "aria-label": `${col.label}, row ${ri + 1}`,
                      "aria-describedby": here.length ? `peers-${row.key}-${col.id}` : undefined,
                      style: here[0] ? { boxShadow: `inset 0 0 0 3px ${here[0].user.colour}` } : undefined,
                      onFocus: () => {
                        if (!isActive) setActive({ r: ri, c: ci });
                        register.setFocus({ row: row.key, column: col.id });
                      },
                      onDoubleClick: open,
                    })}
                    className={`register-cell${isActive ? " register-cell--active" : ""}`}
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
                    ) : ymap ? (
                      cells.editor({ row, column: col, ymap, label: `${col.label}, row ${ri + 1}`, readOnly: register.readOnly, onDone: leave })
                    ) : (
                      cells.view(row, col, open)
                    )}
                    <PeerTags id={`peers-${row.key}-${col.id}`} peers={here} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </GridMovesFocus.Provider>
  );
}
