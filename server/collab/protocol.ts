import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as authProtocol from "y-protocols/auth";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type * as Y from "yjs";

/** Message types of the y-websocket protocol. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Close codes and reasons, documented in the README ("Close codes"). */
export const CLOSE = {
  goingAway: { code: 1001, reason: "Server shutting down" },
  reloading: { code: 1012, reason: "Reloading the document: reconnecting" },
  tooBig: { code: 1009, reason: "Message too large" },
  full: { code: 1013, reason: "Document full: too many people connected" },
  malformed: { code: 4400, reason: "Malformed message" },
  refused: { code: 4422, reason: "Change refused" },
  sessionEnded: { code: 4401, reason: "Session ended: sign in again" },
  accessRemoved: { code: 4403, reason: "Access to this document was removed" },
  accessChanged: { code: 4409, reason: "Access changed: reconnecting" },
  storageFailed: { code: 1011, reason: "Could not store the change: reconnecting" },
  loadFailed: { code: 1011, reason: "Could not load the document: reconnecting" },
} as const;

export const READ_ONLY_REASON = "read-only";

export function syncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function syncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

/** A sync step 2 carrying an update as it is (bytes already in hand: no document needed). */
export function syncStep2FromUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/**
 * A sync update message, written straight into one array of its exact size (every stored edit is
 * sent in one, to everyone else in the room: an encoder grows and copies, allocating twice).
 */
export function updateMessage(update: Uint8Array): Uint8Array {
  let lengthBytes = 1;
  for (let n = update.length; n > 0x7f; n = Math.floor(n / 0x80)) lengthBytes++;
  const message = new Uint8Array(2 + lengthBytes + update.length);
  message[0] = MESSAGE_SYNC;
  message[1] = syncProtocol.messageYjsUpdate;
  let at = 2;
  for (let n = update.length; ; n = Math.floor(n / 0x80)) {
    message[at++] = n > 0x7f ? 0x80 | (n & 0x7f) : n;
    if (n <= 0x7f) break;
  }
  message.set(update, at);
  return message;
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

/** Tells a y-websocket client it may not write (its provider reports it as "permission denied: read-only"). */
export function readOnlyMessage(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AUTH);
  authProtocol.writePermissionDenied(e, READ_ONLY_REASON);
  return encoding.toUint8Array(e);
}

export type Incoming =
  | { kind: "sync-step1"; stateVector: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "query-awareness" };

/** Decodes one client message; throws on anything malformed (the connection is then closed). */
export function decodeMessage(data: Uint8Array): Incoming {
  const d = decoding.createDecoder(data);
  const type = decoding.readVarUint(d);
  let out: Incoming;
  if (type === MESSAGE_SYNC) {
    const sub = decoding.readVarUint(d);
    if (sub === syncProtocol.messageYjsSyncStep1) out = { kind: "sync-step1", stateVector: decoding.readVarUint8Array(d) };
    else if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate) out = { kind: "update", update: decoding.readVarUint8Array(d) };
    else throw new Error(`unknown sync message ${sub}`);
  } else if (type === MESSAGE_AWARENESS) out = { kind: "awareness", update: decoding.readVarUint8Array(d) };
  else if (type === MESSAGE_QUERY_AWARENESS) out = { kind: "query-awareness" };
  else throw new Error(`unknown message type ${type}`);
  if (decoding.hasContent(d)) throw new Error("trailing bytes");
  return out;
}
