import * as awarenessProtocol from "y-protocols/awareness";
import type * as Y from "yjs";
import { stampAwareness } from "./presence";
import { awarenessMessage } from "./protocol";
import type { Connection } from "./types";

/**
 * A room's presence (y-protocols awareness): who is here and in which cell. Each state is stamped
 * with its connection's identity from the session (presence.ts), and each Yjs client's presence
 * belongs to the connection that set it: another person's connection cannot change or remove it.
 */
export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** Which connection set each Yjs client's presence. */
  private readonly owners = new Map<number, Connection>();

  constructor(doc: Y.Doc, broadcast: (message: Uint8Array) => void) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const conn = origin as Connection | null;
      if (conn?.awarenessIds) {
        for (const id of [...added!, ...updated!]) {
          // Taken over by a new connection of the same person (a reconnect the server has not
          // seen close yet): the old one's leaving must not remove it.
          const previous = this.owners.get(id);
          if (previous && previous !== conn) previous.awarenessIds.delete(id);
          this.owners.set(id, conn);
          conn.awarenessIds.add(id);
        }
        for (const id of removed!) conn.awarenessIds.delete(id);
      }
      for (const id of removed!) this.owners.delete(id);
      broadcast(awarenessMessage(this.awareness, [...added!, ...updated!, ...removed!]));
    });
  }

  /** A connection's awareness update: stamped, and limited to the Yjs clients it may set. Throws when malformed. */
  receive(conn: Connection, update: Uint8Array) {
    const stamped = stampAwareness(update, conn.identity, (id) => this.mayUse(conn, id));
    if (stamped) awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, conn);
  }

  /** Whether anyone's presence is set. */
  get someoneHere(): boolean {
    return this.awareness.getStates().size > 0;
  }

  /** Everyone's presence in one message (for a newcomer, or a client that asks). */
  everyone(): Uint8Array {
    return awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]);
  }

  /** A connection left: the presence it set goes with it. */
  leave(conn: Connection) {
    awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
  }

  destroy() {
    this.awareness.destroy();
  }

  /** A connection may set the presence of a Yjs client nobody else's connection has set, or its person's own. */
  private mayUse(conn: Connection, clientId: number): boolean {
    const owner = this.owners.get(clientId);
    return !owner || owner === conn || owner.tenant.userId === conn.tenant.userId;
  }
}
