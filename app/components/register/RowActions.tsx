import { useEffect, useRef } from "react";
import type { Peer } from "./useRegisterDoc";

/** Who else is in a cell, by name (the coloured outline is only a second cue). */
export function PeerTags({ id, peers }: { id: string; peers: Peer[] }) {
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

/** Move and delete buttons of a row; reachable once the cell is "edited" (Enter). */
export function RowActions(props: { index: number; count: number; canMove: boolean; canDelete: boolean; tabbable: boolean; onMove(by: -1 | 1): void; onDelete(): void }) {
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
