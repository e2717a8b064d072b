import type { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Database } from "#db/client";
import { withTenant, type TenantContext } from "#db/tenant";
import { appendUpdates, compactDocument, fetchUpdates, loadDocument, type StoredUpdate } from "./persistence";
import { awarenessMessage, CLOSE, decodeMessage, readOnlyMessage, syncStep1, syncStep2, updateMessage } from "./protocol";
import type { DocumentName } from "./registry";
import type { DocumentAccess } from "./types";

export interface CollabOptions {
  maxMessageBytes: number;
  maxClientsPerDocument: number;
  connectsPerMinute: number;
  unloadDelayMs: number;
  compactAfterUpdates: number;
  projectionDelayMs: number;
  revalidateMs: number;
}

export interface Connection {
  ws: WebSocket;
  tenant: TenantContext;
  sessionId: string;
  role: string;
  canWrite: boolean;
  awarenessIds: Set<number>;
  /** Messages that arrived while the document was loading, handled once it is. */
  early: Uint8Array[] | null;
}

interface RoomDeps {
  database: Database;
  options: CollabOptions;
  onUnloaded(room: Room): void;
  log(message: string, error?: unknown): void;
}

type Job = { kind: "update"; conn: Connection; update: Uint8Array } | { kind: "remote"; ids: number[] } | { kind: "reply"; run: () => void };

/**
 * One open document: its Yjs state, awareness, and connections. Incoming updates go through a
 * queue: integrated, stored (batched per drain, one transaction per sender), and only then
 * broadcast, so no client ever receives an edit that a crash could lose. Sync answers to
 * newcomers wait in the same queue, for the same reason.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Map<WebSocket, Connection>();
  readonly ready: Promise<boolean>;
  private jobs: Job[] = [];
  private draining: Promise<void> | null = null;
  private writer: TenantContext | null = null;
  private sinceCompaction = 0;
  private compacting: Promise<unknown> | null = null;
  private projection = { dirtySince: 0, timer: null as NodeJS.Timeout | null, running: null as Promise<void> | null };
  private unloadTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private unloading = false;
  /** Ids this process stored; their NOTIFY echo is ignored. */
  readonly ownIds = new Set<number>();

  constructor(
    private readonly deps: RoomDeps,
    readonly name: DocumentName,
    readonly access: DocumentAccess,
    private loader: TenantContext,
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const conn = origin as Connection | null;
      if (conn?.awarenessIds) {
        for (const id of added!) conn.awarenessIds.add(id);
        for (const id of removed!) conn.awarenessIds.delete(id);
      }
      const changed = [...added!, ...updated!, ...removed!];
      this.broadcast(awarenessMessage(this.awareness, changed), null);
    });
    this.ready = this.load();
  }

  private async load(): Promise<boolean> {
    try {
      const parts = await loadDocument(this.deps.database, this.loader, this.name.name);
      this.doc.transact(() => {
        for (const part of parts) Y.applyUpdate(this.doc, part);
      }, "load");
      return true;
    } catch (error) {
      this.deps.log(`could not load ${this.name.name}`, error);
      this.shutdownNow(CLOSE.loadFailed);
      return false;
    }
  }

  /** Adds a connection at once (so no message is missed) and serves it once the document is loaded. */
  connect(conn: Connection) {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
    conn.ws.on("message", (data: Buffer, isBinary: boolean) => {
      const bytes = isBinary ? new Uint8Array(data) : new Uint8Array(0);
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
      this.send(conn, syncStep1(this.doc));
      if (!conn.canWrite) this.send(conn, readOnlyMessage());
      const states = [...this.awareness.getStates().keys()];
      if (states.length) this.send(conn, awarenessMessage(this.awareness, states));
      const early = conn.early ?? [];
      conn.early = null;
      for (const message of early) this.onMessage(conn, message);
    });
  }

  private onMessage(conn: Connection, data: Uint8Array) {
    if (!this.conns.has(conn.ws)) return;
    try {
      const message = decodeMessage(data);
      switch (message.kind) {
        case "sync-step1": {
          const answer = () => {
            try {
              this.send(conn, syncStep2(this.doc, message.stateVector));
            } catch {
              conn.ws.close(CLOSE.malformed.code, CLOSE.malformed.reason);
            }
          };
          if (this.jobs.length || this.draining) this.enqueue({ kind: "reply", run: answer });
          else answer();
          break;
        }
        case "update":
          // Read-only connections were told so when they joined; their updates are dropped.
          if (conn.canWrite) this.enqueue({ kind: "update", conn, update: message.update });
          break;
        case "awareness":
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, conn);
          break;
        case "query-awareness":
          this.send(conn, awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
          break;
      }
    } catch {
      conn.ws.close(CLOSE.malformed.code, CLOSE.malformed.reason);
    }
  }

  /** Updates stored by another process (announced by NOTIFY with their ids). */
  applyRemote(ids: number[]) {
    const fresh = ids.filter((id) => !this.ownIds.delete(id));
    if (fresh.length) this.enqueue({ kind: "remote", ids: fresh });
  }

  private enqueue(job: Job) {
    this.jobs.push(job);
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
  }

  private async drain() {
    while (this.jobs.length && !this.closed) {
      const batch = this.jobs.splice(0);
      const stored: (StoredUpdate & { conn: Connection })[] = [];
      const remote: number[] = [];
      const replies: (() => void)[] = [];
      for (const job of batch) {
        if (job.kind === "reply") replies.push(job.run);
        else if (job.kind === "remote") remote.push(...job.ids);
        else {
          try {
            const result = this.integrate(job.update, job.conn);
            if (result) stored.push({ conn: job.conn, tenant: job.conn.tenant, ...result });
          } catch {
            job.conn.ws.close(CLOSE.malformed.code, CLOSE.malformed.reason);
          }
        }
      }
      if (stored.length) {
        try {
          const ids = await appendUpdates(this.deps.database, this.access, this.name.name, stored);
          for (const id of ids) this.ownIds.add(id);
        } catch (error) {
          // The change is in memory but not stored: drop this copy of the document; clients
          // reconnect, and sync sends their unstored edits again.
          this.deps.log(`could not store an update to ${this.name.name}`, error);
          this.shutdownNow(CLOSE.storageFailed);
          return;
        }
        this.writer = stored.at(-1)!.tenant;
        for (const s of stored) this.broadcast(updateMessage(s.payload), s.conn);
        this.afterStored(stored.length);
      }
      if (remote.length) await this.integrateRemote(remote);
      for (const reply of replies) reply();
    }
  }

  /** Applies an update; returns what actually changed (null if nothing new) and which rows it touched. */
  private integrate(update: Uint8Array, origin: unknown): { payload: Uint8Array; rowKeys: string[] } | null {
    const parts: Uint8Array[] = [];
    const keys = new Set<string>();
    const onUpdate = (u: Uint8Array) => parts.push(u);
    const onTransaction = (tr: Y.Transaction) => {
      for (const k of this.name.type.changedKeys?.(tr, this.doc) ?? []) keys.add(k);
    };
    this.doc.on("update", onUpdate);
    this.doc.on("afterTransaction", onTransaction);
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      this.doc.off("update", onUpdate);
      this.doc.off("afterTransaction", onTransaction);
    }
    if (parts.length === 0) {
      // Nothing integrated: either already known, or waiting for missing parts; keep the latter.
      const store = this.doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
      return store.pendingStructs || store.pendingDs ? { payload: update, rowKeys: [] } : null;
    }
    return { payload: parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts), rowKeys: [...keys] };
  }

  private async integrateRemote(ids: number[]) {
    const tenant = this.writer ?? this.loader;
    try {
      const payloads = await fetchUpdates(this.deps.database, tenant, this.name.name, ids);
      for (const payload of payloads) {
        const result = this.integrate(payload, "remote");
        if (result) this.broadcast(updateMessage(result.payload), null);
      }
    } catch (error) {
      this.deps.log(`could not fetch remote updates of ${this.name.name}`, error);
    }
  }

  private afterStored(count: number) {
    this.sinceCompaction += count;
    if (this.sinceCompaction >= this.deps.options.compactAfterUpdates && !this.compacting) void this.compact();
    this.scheduleProjection();
  }

  private async compact() {
    if (!this.writer) return;
    const writer = this.writer;
    this.sinceCompaction = 0;
    this.compacting = compactDocument(this.deps.database, writer, this.access, this.name.name)
      .catch((error) => this.deps.log(`compaction of ${this.name.name} failed`, error))
      .finally(() => {
        this.compacting = null;
      });
    await this.compacting;
  }

  /** Projects after edits settle: 300 ms after the last one, and at most a second after the first. */
  private scheduleProjection() {
    if (!this.name.type.project) return;
    const now = Date.now();
    if (!this.projection.dirtySince) this.projection.dirtySince = now;
    if (this.projection.timer) clearTimeout(this.projection.timer);
    const wait = Math.max(0, Math.min(this.deps.options.projectionDelayMs, this.projection.dirtySince + 900 - now));
    this.projection.timer = setTimeout(() => void this.project(), wait);
  }

  async project(): Promise<void> {
    if (this.projection.timer) clearTimeout(this.projection.timer);
    this.projection.timer = null;
    if (!this.projection.dirtySince || !this.writer || !this.name.type.project) return;
    await this.projection.running;
    this.projection.dirtySince = 0;
    const writer = this.writer;
    this.projection.running = withTenant(this.deps.database, writer, (tx) => this.name.type.project!(tx, this.doc, this.access, this.name.id))
      .catch((error) => this.deps.log(`projection of ${this.name.name} failed`, error))
      .finally(() => {
        this.projection.running = null;
      });
    await this.projection.running;
  }

  private disconnect(conn: Connection) {
    if (!this.conns.delete(conn.ws)) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    if (this.conns.size === 0 && !this.closed) {
      this.unloadTimer = setTimeout(() => void this.unload(), this.deps.options.unloadDelayMs);
    }
  }

  /** Everything stored, projected and compacted; then the document leaves memory. */
  async flush() {
    while (this.draining) await this.draining;
    await this.project();
    await this.compacting;
    if (this.sinceCompaction > 0) await this.compact();
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

  /** Graceful shutdown: flush first, then close the connections. */
  async shutdown() {
    if (this.closed) return;
    this.unloading = true;
    this.deps.onUnloaded(this);
    await this.flush();
    this.shutdownNow(CLOSE.goingAway);
  }

  private shutdownNow(close: { code: number; reason: string }) {
    this.closed = true;
    this.deps.onUnloaded(this);
    for (const conn of this.conns.values()) conn.ws.close(close.code, close.reason);
    this.destroy();
  }

  private destroy() {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    if (this.projection.timer) clearTimeout(this.projection.timer);
    this.awareness.destroy();
    this.doc.destroy();
  }

  broadcast(message: Uint8Array, except: Connection | null) {
    for (const conn of this.conns.values()) if (conn !== except) this.send(conn, message);
  }

  send(conn: Connection, message: Uint8Array) {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(message);
  }
}
