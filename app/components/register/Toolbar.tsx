import type { LegendEntry } from "#db/schema";
import type { RowView } from "~/lib/register/view";
import { StatusTag } from "./CellView";
import { COLUMNS, type GridColumn } from "./columns";
import type { ConnectionState, GridRow, Peer, RegisterDoc } from "./useRegisterDoc";

export type View = RowView;

const STATE_TEXT: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  connected: "Connected: changes are saved as you type.",
  reconnecting: "Reconnecting: your changes are kept and will be sent when the connection returns.",
  offline: "Offline: your changes are kept on this page and will be sent when you are back online.",
};

/** For someone who reads only (a viewer, an archived plan): nothing of theirs is saved or sent. */
const READ_ONLY_STATE_TEXT: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  connected: "Connected: other people's changes appear as they are made.",
  reconnecting: "Reconnecting: other people's changes will appear when the connection returns.",
  offline: "Offline: other people's changes will appear when you are back online.",
};

/** `what` names the document in "You can read this register but not change it." */
export function ConnectionBanner({ state, readOnly, unsent = false, what = "register" }: { state: ConnectionState; readOnly: boolean; unsent?: boolean; what?: string }) {
  return (
    <p role="status" className={`register-connection register-connection--${state}`} data-state={state} data-unsent={unsent || undefined}>
      <strong>{(readOnly && !unsent ? READ_ONLY_STATE_TEXT : STATE_TEXT)[state]}</strong>
      {unsent ? " Some of your changes are not sent yet: keep this page open until it says Connected." : null}
      {readOnly ? ` You can read this ${what} but not change it.` : null}
    </p>
  );
}

export function PresenceList({ peers, rowNumber, columns = COLUMNS }: { peers: Peer[]; rowNumber(key: string): number; columns?: GridColumn[] }) {
  return (
    <div className="register-presence">
      <h2 className="nhsuk-heading-s">Here now</h2>
      {peers.length === 0 ? (
        <p className="nhsuk-body-s">Only you.</p>
      ) : (
        <ul className="nhsuk-list register-presence-list">
          {peers.map((p) => {
            const column = columns.find((c) => c.id === p.focus?.column);
            const row = p.focus ? rowNumber(p.focus.row) : 0;
            return (
              <li key={p.clientId}>
                <span className="register-swatch" style={{ backgroundColor: p.user.colour }} aria-hidden="true" />
                <strong>{p.user.name}</strong> ({p.user.organisation}){row > 0 && column ? `: row ${row}, ${column.label}` : ""}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function Legend({ legend }: { legend: LegendEntry[] }) {
  return (
    <div className="register-legend">
      <h2 className="nhsuk-heading-s">Status legend</h2>
      <ul className="nhsuk-list register-legend-list">
        {legend.map((s) => (
          <li key={s.key}>
            <StatusTag status={s.key} legend={legend} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Add a row, undo and redo this person's own changes; nothing for people who only read. */
export function EditButtons({ register, onAdd, addLabel }: { register: RegisterDoc<GridRow>; onAdd(): void; addLabel: string }) {
  if (register.readOnly) return null;
  return (
    <div className="register-toolbar-buttons">
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onAdd} disabled={!register.synced}>
        {addLabel}
      </button>
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={register.undo} disabled={!register.canUndo}>
        Undo my last change
      </button>
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={register.redo} disabled={!register.canRedo}>
        Redo
      </button>
    </div>
  );
}

export function Toolbar({ register, view, onView, onAdd, legend }: { register: RegisterDoc; view: View; onView(v: View): void; onAdd(): void; legend: LegendEntry[] }) {
  return (
    <div className="register-toolbar">
      <EditButtons register={register} onAdd={onAdd} addLabel="Add row" />
      <div className="register-toolbar-view">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="register-filter">
            Filter rows
          </label>
          <input id="register-filter" className="nhsuk-input nhsuk-input--width-20" type="search" value={view.filter} onChange={(e) => onView({ ...view, filter: e.target.value })} />
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="register-status-filter">
            Status
          </label>
          <select id="register-status-filter" className="nhsuk-select" value={view.status} onChange={(e) => onView({ ...view, status: e.target.value })}>
            <option value="">Any status</option>
            {legend.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
            <option value="none">No status</option>
          </select>
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="register-sort">
            Sort by
          </label>
          <select id="register-sort" className="nhsuk-select" value={view.sort} onChange={(e) => onView({ ...view, sort: e.target.value as View["sort"] })}>
            <option value="shared">Shared order</option>
            <option value="barrier">Barrier (A to Z)</option>
            <option value="status">Status</option>
          </select>
        </div>
      </div>
    </div>
  );
}
