import type { Database } from "#db/client";
import { ACCESS_CHANGED } from "~/domain/collab/document-store.server";
import { NOTIFY_CHANNEL } from "./persistence";

export interface UpdateListener {
  /** A stored update's document and ids, unless this process stored it itself. */
  onUpdates(document: string, ids: number[]): void;
  /** Who may write the document changed (a plan archived, restored or deleted), in any process. */
  onAccessChanged(document: string): void;
  /** LISTEN was re-established after the connection dropped: announcements may have been missed. */
  onRelisten(): void;
}

/**
 * Listens for updates stored elsewhere: by other processes (PostgreSQL), or by this process's
 * requests on a person's behalf (a pulled plan action, on either database). NOTIFY carries ids
 * only ("<document> <ids> [<process id>]"): payloads are capped at 8 kB and the data path is the
 * table. "<document> access" says who may write it changed. Resolves once LISTEN is in effect.
 */
export async function listenForUpdates(database: Database, processId: string, listener: UpdateListener): Promise<() => Promise<void>> {
  const handle = (payload: string) => {
    const [document, idList, from] = payload.split(" ");
    if (!document || !idList || from === processId) return;
    if (idList === ACCESS_CHANGED) return listener.onAccessChanged(document);
    const ids = idList
      .split(",")
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0);
    if (ids.length) listener.onUpdates(document, ids);
  };
  if (database.kind === "postgres" && database.pg) {
    let listening = false;
    // postgres.js listens again by itself after its connection drops, and calls this each time.
    const onListen = () => {
      if (listening) listener.onRelisten();
      listening = true;
    };
    const { unlisten } = await database.pg.listen(NOTIFY_CHANNEL, handle, onListen);
    return unlisten;
  }
  if (database.pglite) return database.pglite.listen(NOTIFY_CHANNEL, handle);
  return async () => {};
}
