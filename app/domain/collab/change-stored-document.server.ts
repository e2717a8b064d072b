import * as Y from "yjs";
import type { Tx } from "#db/client";
import { loadDocumentState, storeServerUpdate } from "./document-store.server";

export interface StoredDocumentTarget {
  document: string;
  /** The document's owner: its collaborative, and its organisation when private (a plan). */
  collaborativeId: string;
  orgId: string | null;
  /** Who the change is attributed to (history). */
  userId: string;
}

/**
 * Changes a collaborative document from a request, on a person's behalf, inside the caller's
 * tenant transaction: reads the document as stored, applies `change` to it, stores what changed
 * as ONE update attributed to the person (announced, so open pages in any process receive it
 * live when the transaction commits), and hands the changed document to `project`, so the SQL
 * copy is rewritten in the same transaction. A change that fails stores nothing.
 *
 * `change` returns the row keys it touched (the history's attribution), which are returned.
 * Updates still in flight on the collaboration server commute with this one (Yjs
 * merges them), so building on the stored state loses nothing.
 */
export async function changeStoredDocument(
  tx: Tx,
  target: StoredDocumentTarget,
  change: (doc: Y.Doc) => string[],
  project: (doc: Y.Doc) => Promise<void>,
): Promise<string[]> {
  const doc = new Y.Doc();
  try {
    for (const part of await loadDocumentState(tx, target.document)) Y.applyUpdate(doc, part);
    const before = Y.encodeStateVector(doc);
    const rowKeys = change(doc);
    const payload = Y.encodeStateAsUpdate(doc, before);
    await storeServerUpdate(tx, { ...target, payload, rowKeys });
    await project(doc);
    return rowKeys;
  } finally {
    doc.destroy();
  }
}
