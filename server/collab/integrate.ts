import * as Y from "yjs";
import type { DocumentType } from "./types";

/**
 * Updates up to this size are stored and passed on exactly as they arrived, once they integrate:
 * an edit's update is its change and nothing else, and having Yjs encode the change again (what
 * it does for every `update` listener) was the largest share of what a stored edit allocated.
 * Larger ones (a reconnecting client's sync may repeat much of what the document already has)
 * are re-encoded to what was new, so storage and other clients receive only that.
 */
export const AS_RECEIVED_MAX_BYTES = 4096;

/** What an update changed: the bytes to store and pass on, and the rows it touched. */
export interface Integrated {
  payload: Uint8Array;
  rowKeys: string[];
}

interface Integration {
  keys: Set<string>;
  changed: boolean;
  /** The re-encoded change, for large updates only. */
  parts: Uint8Array[] | null;
}

/** Applies incoming updates to a room's document and tells what each changed. */
export class Integrator {
  private current: Integration | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly type: Pick<DocumentType, "changedKeys">,
  ) {
    // One listener for the document's life (adding and removing one per update allocated too).
    doc.on("afterTransaction", (transaction: Y.Transaction) => this.observe(transaction));
  }

  /** Applies `update`; null if it brought nothing new and nothing waiting for missing parts. */
  apply(update: Uint8Array, origin: unknown): Integrated | null {
    const current: Integration = { keys: new Set(), changed: false, parts: update.length > AS_RECEIVED_MAX_BYTES ? [] : null };
    const onUpdate = (part: Uint8Array) => current.parts!.push(part);
    if (current.parts) this.doc.on("update", onUpdate);
    this.current = current;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      this.current = null;
      if (current.parts) this.doc.off("update", onUpdate);
    }
    if (!current.changed) {
      // Nothing integrated: either already known, or waiting for missing parts; keep the latter.
      const store = this.doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
      return store.pendingStructs || store.pendingDs ? { payload: update, rowKeys: [] } : null;
    }
    const parts = current.parts;
    const payload = !parts ? update : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
    return { payload, rowKeys: [...current.keys] };
  }

  private observe(transaction: Y.Transaction) {
    const current = this.current;
    if (!current) return;
    // The test Yjs itself uses before emitting `update`: something deleted, or a clock moved.
    current.changed ||= transaction.deleteSet.clients.size > 0 || clockMoved(transaction);
    for (const key of this.type.changedKeys?.(transaction, this.doc) ?? []) current.keys.add(key);
  }
}

function clockMoved(transaction: Y.Transaction): boolean {
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
}
