import type { WebSocket } from "ws";
import type * as Y from "yjs";
import type { TenantContext } from "#db/tenant";
import type { Tx } from "#db/client";
import type { ActingContext } from "~/domain/auth/actor";
import type { PresenceIdentity } from "~/lib/presence";

/** What a connection may do with a document, decided inside the tenant transaction (RLS underneath). */
export interface DocumentAccess {
  collaborativeId: string;
  /** Set when the document is private to one organisation (a plan); null when the collaborative shares it. */
  orgId: string | null;
  canWrite: boolean;
}

/**
 * A kind of collaborative document ("register:<collaborativeId>", "plan:<planId>"...). Adding a
 * kind is one module implementing this and one line in `registry.ts`.
 */
export interface DocumentType {
  /** The part of the document name before the colon. */
  prefix: string;
  /** Checks the id's syntax; false answers 404 before any database work. */
  isValidId(id: string): boolean;
  /**
   * Which of the person's acting contexts could own this document (most likely first). The
   * server tries them in turn through `access`, each inside its own tenant transaction.
   */
  candidateContexts(id: string, contexts: ActingContext[], active: ActingContext): ActingContext[];
  /** Null when the document does not exist or this context may not read it (RLS hides it). */
  access(tx: Tx, id: string, context: Pick<ActingContext, "orgId" | "collaborativeId" | "role">): Promise<DocumentAccess | null>;
  /** Keys of the parts a transaction changed (rows of a register), recorded with each stored update. */
  changedKeys?(transaction: Y.Transaction, doc: Y.Doc): string[];
  /**
   * Why an incoming update breaks a rule of the document that Yjs cannot (an append-only log), or
   * null; judged before it is applied. The connection is then closed and nothing of it is kept.
   */
  checkUpdate?(doc: Y.Doc, update: Uint8Array, sender: PresenceIdentity): string | null;
  /** Writes the document into relational tables, in the same tenant transaction. */
  project?(tx: Tx, doc: Y.Doc, access: DocumentAccess, id: string): Promise<void>;
}

/** One WebSocket connection to a document, as the room and the revalidation see it. */
export interface Connection {
  ws: WebSocket;
  tenant: TenantContext;
  sessionId: string;
  role: string;
  canWrite: boolean;
  /** Who this connection is in presence, from its session (see presence.ts). */
  identity: PresenceIdentity;
  /** The Yjs clients whose presence this connection set. */
  awarenessIds: Set<number>;
  /** Which of the revalidation ticks checks this connection (see revalidate.ts). */
  revalidationSlot: number;
  /** Messages that arrived while the document was loading, handled once it is. */
  early: Uint8Array[] | null;
  /** Our sync step 1 was sent to it, or need not be (see `ask`). */
  asked: boolean;
}
