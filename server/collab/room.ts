import type { WebSocket } from "ws";
import * as Y from "yjs";
import type { Database } from "#db/client";
import type { TenantContext } from "#db/tenant";
import type { UpdateJournal } from "./journal";
import { Integrator, type Integrated } from "./integrate";
import { fetchUpdates, loadDocument } from "./persistence";
import { CLOSE, decodeMessage, readOnlyMessage, syncStep1, syncStep2, updateMessage } from "./protocol";
import type { DocumentName } from "./registry";
import { RoomPresence } from "./room-presence";
import { StoredState } from "./stored-state";
import type { Connection, DocumentAccess } from "./types";
import { Upkeep, type UpkeepOptions } from "./upkeep";

export interface CollabOptions extends UpkeepOptions {
  maxMessageBytes: number;
  maxClientsPerDocument: number;
  connectsPerMinute: number;
  unloadDelayMs: number;
  revalidateMs: number;
}

export type { Connection };

interface RoomDeps {
  database: Database;
  journal: UpdateJournal;
  options: CollabOptions;
  onUnloaded(room: Room): void;
  log(message: string, error?: unknown): void;
}

type Job = { kind: "update"; conn: Connection; update: Uint8Array } | { kind: "remote"; payloads: Uint8Array[] } | { kind: "reply"; run: () => void };

/**
 * How long announced ids wait before being fetched, so that a burst of another process's updates
 * is fetched in one query. (Our own announcements carry our process id and are dropped on arrival.)
 */
const ANNOUNCE_SETTLE_MS = 5;

/**
 * How long the room waits for a new connection's sync step 1 before asking for its state anyway.
 * y-websocket sends its step 1 at once; this is for clients that wait for the server's.
 */
const ASK_FALLBACK_MS = 500;

/**
 * How long after answering an empty newcomer from the stored bytes the room decodes the document
 * for an editor, if nothing needed it sooner. Decoding a 2,000-row register takes the server
 * 60-100 ms; started at once, it competes for the CPU with the newcomer decoding the same bytes
 * when both run on one machine (the embedded database's local set-up; the benchmark), and the
 * newcomer's first edit cannot come sooner than its page has rendered anyway.
 */
const DECODE_AHEAD_MS = 1_000;

interface Stored extends Integrated {
  conn: Connection;
}

/**
 * One open document: its Yjs state, awareness, and connections. Incoming updates go through a
 * queue: integrated, stored (by the process's journal, which commits many documents' updates
 * together), and only then broadcast, so no client ever receives an edit that a crash could
 * lose. Sync answers to newcomers wait in the same queue, for the same reason.
 *
 * Loading reads the stored bytes; decoding them into the Y.Doc happens right after, off the
 * newcomers' path: an empty client is answered from the bytes (see StoredState), everything else
 * waits for the decode.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly presence = new RoomPresence(this.doc, (message) => this.broadcast(message, null));
  readonly conns = new Map<WebSocket, Connection>();
  /** The stored state has been read (false: it could not be). */
  readonly ready: Promise<boolean>;
  /** The stored state is in `doc` (started on first need, see `decoded`). */
  private decoding: Promise<void> | null = null;
  private stored: StoredState | null = null;
  private jobs: Job[] = [];
  private draining: Promise<void> | null = null;
  /** Projection and compaction after updates are stored. */
  private readonly upkeep: Upkeep;
  private readonly integrator: Integrator;
  private unloadTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private unloading = false;
  private announced = new Set<number>();
  private announceTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: RoomDeps,
    readonly name: DocumentName,
    readonly access: DocumentAccess,
    private loader: TenantContext,
  ) {
    this.upkeep = new Upkeep(deps, name, access, this.doc);
    this.integrator = new Integrator(this.doc, name.type);
    this.ready = this.load();
  }

  private async load(): Promise<boolean> {
    try {
      this.stored = new StoredState(await loadDocument(this.deps.database, this.loader, this.name.name));
      return true;
    } catch (error) {
      this.deps.log(`could not load ${this.name.name}`, error);
      this.shutdownNow(CLOSE.loadFailed);
      return false;
    }
  }

  /**
   * Resolves once the stored state is in `doc`, starting the decode on first call. It is started by
   * whatever first needs the document (an edit, a reconnecting client, another process's update)
   * or a second after someone who may edit was answered from the bytes; never for readers alone,
   * and never before a waiting empty client has been answered from the bytes, which is what makes
   * a cold document open fast.
   */
  private decoded(): Promise<void> {
    this.decoding ??= this.ready.then((ok) => (ok ? this.decode() : undefined));
    return this.decoding;
  }

  /** Whether the stored state has been (or is being) decoded into `doc`. */
  get decodeStarted(): boolean {
    return this.decoding !== null;
  }

  private decode(): Promise<void> {
    return new Promise((resolve) =>
      setImmediate(() => {
        try {
          if (!this.closed) this.stored?.decodeInto(this.doc);
        } catch (error) {
          this.deps.log(`could not decode ${this.name.name}`, error);
          this.shutdownNow(CLOSE.loadFailed);
        }
        this.stored = null;
        resolve();
      }),
    );
  }

  /** Adds a connection at once (so no message is missed) and serves it once the document is loaded. */
  connect(conn: Connection) {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
    conn.ws.on("message", (data: Buffer, isBinary: boolean) => {
      // A view of the received bytes, not a copy (ws hands over a fresh buffer per message).
      const bytes = isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(0);
      if (conn.early) conn.early.push(bytes);
      else this.onMessage(conn, bytes);
    });
    conn.ws.on("close", () => this.disconnect(conn));
    void this.ready.then((ok) => {
      if (conn.ws.readyState !== conn.ws.OPEN) return;
      if (!ok) return conn.ws.close(CLOSE.loadFailed.code, CLOSE.loadFailed.reason);
      if (this.conns.size >= this.deps.options.maxClientsPerDocument) {
        conn.ws.close(CLOSE.full.code, CLOSE.full.reason);
        return;
      }
      this.conns.set(conn.ws, conn);
      setTimeout(() => this.ask(conn), ASK_FALLBACK_MS);
      if (!conn.canWrite) this.send(conn, readOnlyMessage());
      if (this.presence.someoneHere) this.send(conn, this.presence.everyone());
      const early = conn.early ?? [];
      conn.early = null;
      for (const message of early) this.onMessage(conn, message);
    });
  }

  /**
   * Asks the client for what it has that we lack (our sync step 1: how a client that edited
   * offline hands its edits over), once per connection. It needs our state vector, so the decode.
   */
  private ask(conn: Connection) {
    if (conn.asked || !this.conns.has(conn.ws)) return;
    conn.asked = true;
    void this.decoded().then(() => this.send(conn, syncStep1(this.doc)));
  }

  private onMessage(conn: Connection, data: Uint8Array) {
    if (!this.conns.has(conn.ws)) return;
    try {
      const message = decodeMessage(data);
      switch (message.kind) {
        case "sync-step1": {
          const empty = StoredState.isEmpty(message.stateVector);
          // A client that starts empty has nothing to give (what it writes from now on comes as
          // updates): it is not asked, and the document is not decoded for it, so a reader
          // opening a large register never costs the server a decode.
          if (empty) conn.asked = true;
          else this.ask(conn);
          if (this.stored && empty) {
            // An editor is likely to need the decoded document: decode it a little after the
            // answer has left (a large answer would otherwise wait behind the decode).
            const parts = this.stored.answerEmpty();
            const ahead = () => {
              if (conn.canWrite) setTimeout(() => void this.decoded(), DECODE_AHEAD_MS);
            };
            parts.forEach((part, i) => this.send(conn, part, i === parts.length - 1 ? ahead : undefined));
            break;
          }
          const answer = () => {
            try {
              this.send(conn, syncStep2(this.doc, message.stateVector));
            } catch {
              conn.ws.close(CLOSE.malformed.code, CLOSE.malformed.reason);
            }
          };
          if (this.stored || this.jobs.length || this.draining) this.enqueue({ kind: "reply", run: answer });
          else answer();
          break;
        }
        case "update":
          // Read-only connections were told so when they joined; their updates are dropped.
          if (conn.canWrite) this.enqueue({ kind: "update", conn, update: message.update });
          break;
        case "awareness":
          this.presence.receive(conn, message.update);
          break;
        case "query-awareness":
          this.send(conn, this.presence.everyone());
          break;
      }
    } catch {
      conn.ws.close(CLOSE.malformed.code, CLOSE.malformed.reason);
    }
  }

  /**
   * Updates stored by another process (announced by NOTIFY with their ids). They are fetched
   * outside the queue, so local edits never wait behind the fetch, then integrated in turn.
   */
  applyRemote(ids: number[]) {
    for (const id of ids) this.announced.add(id);
    this.announceTimer ??= setTimeout(() => void this.fetchAnnounced(), ANNOUNCE_SETTLE_MS);
  }

  private async fetchAnnounced() {
    this.announceTimer = null;
    const ids = [...this.announced];
    this.announced.clear();
    if (!ids.length || this.closed) return;
    try {
      const payloads = await fetchUpdates(this.deps.database, this.upkeep.writer ?? this.loader, this.name.name, ids);
      if (payloads.length) this.enqueue({ kind: "remote", payloads });
    } catch (error) {
      this.deps.log(`could not fetch remote updates of ${this.name.name}`, error);
    }
  }

  private enqueue(job: Job) {
    this.jobs.push(job);
    if (!this.draining) this.draining = this.drain();
  }

  private async drain() {
    try {
      await this.decoded();
      while (this.jobs.length && !this.closed) await this.runBatch(this.jobs.splice(0));
    } finally {
      // Cleared in the same turn as the loop's last check, so no job is ever left unserved.
      this.draining = null;
    }
  }

  private async runBatch(batch: Job[]) {
    const stored: Stored[] = [];
    const remote: Uint8Array[] = [];
    const replies: (() => void)[] = [];
    // Connections refused in this batch: what they sent after the refused update may build on it.
    const refused = new Set<Connection>();
    for (const job of batch) {
      if (job.kind === "reply") replies.push(job.run);
      else if (job.kind === "remote") remote.push(...job.payloads);
      else if (!refused.has(job.conn)) {
        try {
          const refusal = this.name.type.checkUpdate?.(this.doc, job.update, job.conn.identity);
          if (refusal) {
            refused.add(job.conn);
            // Close codes' reasons are at most 123 bytes.
            job.conn.ws.close(CLOSE.refused.code, `${CLOSE.refused.reason}: ${refusal}`.slice(0, 120));
            continue;
          }
          const result = this.integrator.apply(job.update, job.conn);
          if (result) stored.push({ conn: job.conn, ...result });
        } catch {
          job.conn.ws.close(CLOSE.malformed.code, CLOSE.malformed.reason);
        }
      }
    }
    if (stored.length) {
      try {
        await this.deps.journal.append(
          stored.map((s) => ({ tenant: s.conn.tenant, owner: this.access, document: this.name.name, payload: s.payload, rowKeys: s.rowKeys })),
        );
      } catch (error) {
        // The change is in memory but not stored: drop this copy of the document; clients
        // reconnect, and sync sends their unstored edits again.
        this.deps.log(`could not store an update to ${this.name.name}`, error);
        this.shutdownNow(CLOSE.storageFailed);
        return;
      }
      for (const s of stored) this.broadcast(updateMessage(s.payload), s.conn);
      this.upkeep.stored(stored.length, stored.at(-1)!.conn.tenant, stored.some((s) => s.rowKeys.length > 0));
    }
    let remoteRows = false;
    for (const payload of remote) {
      // Already stored by the process that received it: integrate and pass on.
      const result = this.integrator.apply(payload, "remote");
      if (result) this.broadcast(updateMessage(result.payload), null);
      if (result?.rowKeys.length) remoteRows = true;
    }
    if (remoteRows) this.upkeep.changedElsewhere();
    for (const reply of replies) reply();
  }

  private disconnect(conn: Connection) {
    if (!this.conns.delete(conn.ws)) return;
    this.presence.leave(conn);
    if (this.conns.size === 0 && !this.closed) {
      this.unloadTimer = setTimeout(() => void this.unload(), this.deps.options.unloadDelayMs);
    }
  }

  /** Everything stored, projected and compacted; then the document leaves memory. */
  async flush() {
    while (this.draining) await this.draining;
    await this.upkeep.flush();
  }

  async unload() {
    if (this.unloading || this.closed) return;
    this.unloading = true;
    this.deps.onUnloaded(this);
    await this.flush();
    this.closed = true;
    this.destroy();
  }

  /** A role lowered to read-only: keep the connection, drop its writes from now on, and say so. */
  downgrade(conn: Connection, role: string) {
    conn.role = role;
    conn.canWrite = false;
    this.send(conn, readOnlyMessage());
  }

  /**
   * Graceful shutdown: flush first, then close the connections. Also used to reload a document
   * that may have missed another process's announcements: its clients reconnect to a fresh copy.
   */
  async shutdown(close: { code: number; reason: string } = CLOSE.goingAway) {
    if (this.closed) return;
    this.unloading = true;
    this.deps.onUnloaded(this);
    await this.flush();
    this.shutdownNow(close);
  }

  private shutdownNow(close: { code: number; reason: string }) {
    this.closed = true;
    this.deps.onUnloaded(this);
    for (const conn of this.conns.values()) conn.ws.close(close.code, close.reason);
    this.destroy();
  }

  private destroy() {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    if (this.announceTimer) clearTimeout(this.announceTimer);
    this.upkeep.cancel();
    this.presence.destroy();
    this.doc.destroy();
  }

  broadcast(message: Uint8Array, except: Connection | null) {
    for (const conn of this.conns.values()) if (conn !== except) this.send(conn, message);
  }

  send(conn: Connection, message: Uint8Array, sent?: () => void) {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(message, sent);
    else sent?.();
  }
}
