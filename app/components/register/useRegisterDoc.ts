import { unstable_usePrompt as usePrompt } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { colourFor, type PresenceIdentity } from "~/lib/presence";
import { readRows, rowsOf, touchedRowKeys, type RegisterRow } from "~/lib/register/model";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline";

/** The person as presence shows them (the server stamps it from the session: see server/collab/presence.ts). */
export type Me = PresenceIdentity;

export interface Focus {
  row: string;
  column: string;
}

export interface Peer {
  clientId: number;
  user: Me;
  focus: Focus | null;
}

/** What every row-shaped document's rows have (register rows, plan actions). */
export interface GridRow {
  key: string;
  position: number;
}

export interface RegisterDoc<R extends GridRow = RegisterRow> {
  doc: Y.Doc;
  rows: R[];
  state: ConnectionState;
  readOnly: boolean;
  /** The first full state has arrived from the server. */
  synced: boolean;
  /** Changes made while disconnected that have not been sent yet (leaving the page would lose them). */
  unsent: boolean;
  peers: Peer[];
  /** Polite announcement of other people's changes. */
  announcement: string;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  setFocus(focus: Focus | null): void;
  /** Ends the current undo step (leaving a cell, adding a row), so each is undone on its own. */
  stopCapturing(): void;
}

export { colourFor };

/**
 * Binds the page to a row-shaped Yjs document (the register; a plan, with `read` = readActions)
 * over the collaboration socket: rows, connection state, presence, per-person undo/redo (only
 * this person's own changes are undone) and announcements of other people's edits.
 */
export function useRegisterDoc<R extends GridRow = RegisterRow>(document: string, me: Me, initiallyReadOnly: boolean, read?: (doc: Y.Doc) => R[]): RegisterDoc<R> {
  const doc = useMemo(() => new Y.Doc(), []);
  const reader = useRef(read ?? (readRows as unknown as (doc: Y.Doc) => R[]));
  const [rows, setRows] = useState<R[]>([]);
  const [state, setState] = useState<ConnectionState>("connecting");
  const [readOnly, setReadOnly] = useState(initiallyReadOnly);
  const [synced, setSynced] = useState(false);
  const [unsent, setUnsent] = useState(false);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  const providerRef = useRef<WebsocketProvider | null>(null);
  const undoRef = useRef<Y.UndoManager | null>(null);

  useEffect(() => {
    let provider: WebsocketProvider | null = null;
    let cancelled = false;
    const undo = new Y.UndoManager(rowsOf(doc), { captureTimeout: 500 });
    undoRef.current = undo;
    const refreshHistory = () => setHistory({ canUndo: undo.canUndo(), canRedo: undo.canRedo() });
    undo.on("stack-item-added", refreshHistory);
    undo.on("stack-item-popped", refreshHistory);

    let pending: number | null = null;
    const refresh = () => {
      if (pending !== null) return;
      pending = requestAnimationFrame(() => {
        pending = null;
        setRows(reader.current(doc));
      });
    };
    doc.on("update", refresh);

    // The first full state arrives as one remote transaction touching every row: it is the page
    // loading, not someone's edit, so it is not announced ("Someone else changed row 1, 2, 3..."
    // was read out on every opening). Edits made while this page was disconnected are (the
    // server's answer on reconnecting carries only those).
    let firstSynced = false;
    const onTransaction = (tr: Y.Transaction) => {
      if (!provider || tr.origin !== provider || tr.local || !firstSynced) return;
      const keys = touchedRowKeys(tr, doc);
      if (keys.length === 0) return;
      const order = reader.current(doc).map((r) => r.key);
      const numbers = keys.map((k) => order.indexOf(k) + 1).filter((n) => n > 0);
      const editors = peersOf(provider)
        .filter((p) => p.focus && keys.includes(p.focus.row))
        .map((p) => p.user.name);
      const who = editors.length ? editors.join(" and ") : "Someone else";
      setAnnouncement(numbers.length ? `${who} changed row ${numbers.join(", ")}` : `${who} removed a row`);
    };
    doc.on("afterTransaction", onTransaction);

    // A local change goes out at once on a live connection. Made while disconnected, it waits in
    // the page until the server, on reconnecting, asks for what it lacks (its sync step 1): the
    // answer carries it. Until then leaving the page would lose it, so the page says so.
    const onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
      if (provider && origin !== provider && !provider.wsconnected) setUnsent(true);
    };
    doc.on("update", onLocalUpdate);

    void import("y-websocket").then(({ WebsocketProvider }) => {
      if (cancelled) return;
      const scheme = window.location.protocol === "https:" ? "wss" : "ws";
      provider = new WebsocketProvider(`${scheme}://${window.location.host}/collab`, document, doc, { maxBackoffTime: 5000 });
      providerRef.current = provider;
      provider.awareness.setLocalStateField("user", me);
      provider.awareness.setLocalStateField("focus", null);
      provider.on("status", ({ status }: { status: string }) => {
        if (status === "connected") setState("connected");
        else setState(navigator.onLine ? "reconnecting" : "offline");
      });
      provider.on("sync", (isSynced: boolean) => {
        if (!isSynced) return;
        firstSynced = true;
        // Rows and "synced" change in the same render: the page never shows a synced, empty grid
        // between the saved rows and the live ones.
        setRows(reader.current(doc));
        setSynced(true);
      });
      provider.on("connection-close", (event: CloseEvent | null) => {
        // A session that ended cannot come back by reconnecting: send the person to sign in.
        if (event?.code === 4401) window.location.assign(`/sign-in?reason=expired&redirectTo=${encodeURIComponent(window.location.pathname)}`);
      });
      const handlers = provider.messageHandlers as unknown as Record<number, (...args: unknown[]) => void>;
      handlers[2] = () => setReadOnly(true);
      const sync = handlers[0]!;
      handlers[0] = (encoder, decoder, ...rest) => {
        const { arr, pos } = decoder as { arr: Uint8Array; pos: number };
        const isStep1 = arr[pos] === 0; // the sync message's own type, read by the handler
        sync(encoder, decoder, ...rest);
        // The provider sends the handler's answer right after it returns, in the same task.
        if (isStep1) queueMicrotask(() => setUnsent(false));
      };
      provider.awareness.on("change", () => setPeers(peersOf(provider!).filter((p) => p.clientId !== doc.clientID)));
    });
    const onOffline = () => setState("offline");
    // A short loss of network often leaves the socket open (no status event follows): back
    // online, say what the connection really is.
    const onOnline = () => setState(provider?.wsconnected ? "connected" : "reconnecting");
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    return () => {
      cancelled = true;
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      doc.off("update", refresh);
      doc.off("afterTransaction", onTransaction);
      doc.off("update", onLocalUpdate);
      undo.destroy();
      provider?.destroy();
    };
  }, [doc, document, me]);

  // Leaving with changes not yet sent asks first: closing the tab (the browser's own question)
  // and following a link within the service.
  useEffect(() => {
    if (!unsent) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [unsent]);
  usePrompt({ when: unsent, message: "Your latest changes have not been sent yet: they will be lost if you leave this page. Leave anyway?" });

  return {
    doc,
    rows,
    state,
    readOnly,
    synced,
    unsent,
    peers,
    announcement,
    undo: () => undoRef.current?.undo(),
    redo: () => undoRef.current?.redo(),
    ...history,
    stopCapturing: () => undoRef.current?.stopCapturing(),
    setFocus: (focus) => providerRef.current?.awareness.setLocalStateField("focus", focus),
  };
}

function peersOf(provider: WebsocketProvider): Peer[] {
  const out: Peer[] = [];
  provider.awareness.getStates().forEach((state, clientId) => {
    const user = state.user as Me | undefined;
    if (user) out.push({ clientId, user, focus: (state.focus as Focus | null) ?? null });
  });
  return out;
}
