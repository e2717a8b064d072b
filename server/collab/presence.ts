import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { PresenceIdentity } from "~/lib/presence";

/**
 * Rewrites a connection's awareness update (y-protocols' encoding: a count, then per Yjs client
 * its id, clock and JSON state) before the room applies it:
 * - the `user` of every state is the connection's own identity, from its session, whatever the
 *   browser sent: presence and the "<name> changed row 3" announcements cannot be made to show
 *   someone else (a viewer's connection included);
 * - entries for Yjs clients that `mayUse` refuses (another person's) are dropped, so nobody can
 *   overwrite or remove someone else's presence.
 * Null when nothing is left. Throws on a malformed update (the connection is then closed).
 */
export function stampAwareness(update: Uint8Array, identity: PresenceIdentity, mayUse: (clientId: number) => boolean): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: { clientId: number; clock: number; state: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (!mayUse(clientId)) continue;
    // A null state is the client leaving; anything else must be an object we can stamp.
    if (state !== null && (typeof state !== "object" || Array.isArray(state))) throw new Error("awareness state is not an object");
    entries.push({ clientId, clock, state: JSON.stringify(state === null ? null : { ...state, user: identity }) });
  }
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes in awareness update");
  if (entries.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}
