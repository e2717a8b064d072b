import * as Y from "yjs";
import { syncStep2FromUpdate, updateMessage } from "./protocol";

/** A Yjs update with no structs and no deletions: the state of a document never edited. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * A document as it was read from the database (snapshot, then the updates not yet compacted), kept
 * as bytes until the room has decoded it. A newcomer with an empty document (every fresh page
 * load) is answered from these bytes directly, so the first sync of a cold document costs a read,
 * not a decode and a re-encode: a 2,000-row register answers in milliseconds instead of a few
 * hundred. Anything else (a reconnecting client, an incoming edit) waits for the decode.
 */
export class StoredState {
  constructor(private readonly parts: Uint8Array[]) {}

  /** True for a sync step 1 from a client that has nothing yet. */
  static isEmpty(stateVector: Uint8Array): boolean {
    return Y.decodeStateVector(stateVector).size === 0;
  }

  /**
   * The answer to an empty client's sync step 1: every stored part but the last as an update,
   * the last as the sync step 2, in stored order, so the client integrates them in order and is
   * "synced" only once it has all of them.
   */
  answerEmpty(): Uint8Array[] {
    const parts = this.parts.length ? this.parts : [EMPTY_UPDATE];
    return parts.map((part, i) => (i < parts.length - 1 ? updateMessage(part) : syncStep2FromUpdate(part)));
  }

  /** Applies the stored parts to the room's document (one transaction). */
  decodeInto(doc: Y.Doc) {
    doc.transact(() => {
      for (const part of this.parts) Y.applyUpdate(doc, part);
    }, "load");
  }
}
