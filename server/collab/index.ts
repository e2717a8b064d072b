import { randomUUID } from "node:crypto";
import type http from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { Database } from "#db/client";
import type { AppConfig } from "~/lib/config";
import { colourFor } from "~/lib/presence";
import { log } from "../log";
import { AttemptLimiter, authorizeUpgrade, COLLAB_PREFIX, type Authorization } from "./authorize";
import { CLOSE } from "./protocol";
import { UpdateJournal } from "./journal";
import { registerListener } from "./listeners";
import { listenForUpdates } from "./notify";
import { recheckRoom, REVALIDATION_SLOTS, revalidateConnections } from "./revalidate";
import { Room, type CollabOptions, type Connection } from "./room";

export type { CollabOptions };

export const DEFAULT_COLLAB_OPTIONS: CollabOptions = {
  maxMessageBytes: 8 * 1024 * 1024,
  maxClientsPerDocument: 100,
  connectsPerMinute: 120,
  unloadDelayMs: 5_000,
  compactAfterUpdates: 500,
  compactQuietMs: 1_000,
  projectionDelayMs: 300,
  revalidateMs: 2_000,
};

export interface CollabServer {
  rooms: Map<string, Room>;
  /** Flushes every open document (stored, projected, compacted), then closes its connections. */
  close(): Promise<void>;
}

/**
 * The collaboration server: Yjs over WebSocket at /collab/<document>, on the app's own HTTP
 * server. Upgrades on other paths (Vite's hot reload) are left alone.
 */
export async function attachCollabServer(options: {
  database: Database;
  config: AppConfig;
  httpServer: http.Server;
  options?: Partial<CollabOptions>;
  trustProxy?: boolean;
}): Promise<CollabServer> {
  const { database, config, httpServer } = options;
  const settings = { ...DEFAULT_COLLAB_OPTIONS, ...options.options };
  const wss = new WebSocketServer({ noServer: true, maxPayload: settings.maxMessageBytes });
  const rooms = new Map<string, Room>();
  const limiter = new AttemptLimiter(settings.connectsPerMinute);
  let closing = false;
  let nextSlot = 0;
  // Names this process in the announcements of the updates it stores (PostgreSQL).
  const processId = randomUUID();

  const deps = {
    database,
    journal: new UpdateJournal(database, processId),
    options: settings,
    onUnloaded: (room: Room) => {
      if (rooms.get(room.name.name) === room) rooms.delete(room.name.name);
    },
    log: (message: string, error?: unknown) => log.error(`collab: ${message}${error ? `: ${String(error)}` : ""}`),
  };

  function onUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer) {
    const path = (req.url ?? "").split("?")[0]!;
    if (!path.startsWith(COLLAB_PREFIX)) return;
    const address = clientAddress(req, options.trustProxy ?? false);
    if (closing) return refuse(socket, 503, "Server shutting down");
    if (!limiter.allow(address)) return refuse(socket, 429, "Too many connection attempts: wait a minute");
    authorizeUpgrade(database, config, req).then(
      (auth) => {
        if (!auth.ok) return refuse(socket, auth.status, auth.reason);
        wss.handleUpgrade(req, socket, head, (ws) => accept(ws, auth));
      },
      (error) => {
        deps.log("upgrade check failed", error);
        refuse(socket, 500, "Server error");
      },
    );
  }

  function accept(ws: WebSocket, auth: Extract<Authorization, { ok: true }>) {
    ws.on("error", () => ws.terminate());
    const conn: Connection = {
      ws,
      tenant: { userId: auth.userId, orgId: auth.context.orgId, collaborativeId: auth.context.collaborativeId },
      sessionId: auth.sessionId,
      role: auth.context.role,
      canWrite: auth.access.canWrite,
      identity: { id: auth.userId, name: auth.userName, organisation: auth.context.orgName, colour: colourFor(auth.userId) },
      awarenessIds: new Set(),
      revalidationSlot: nextSlot++ % REVALIDATION_SLOTS,
      early: [],
      asked: false,
    };
    let room = rooms.get(auth.document.name);
    if (!room) {
      room = new Room(deps, auth.document, auth.access, conn.tenant);
      rooms.set(auth.document.name, room);
    }
    room.connect(conn);
  }

  /** Open documents may have missed another process's updates: their clients reconnect to fresh copies. */
  const reloadAll = (why: string) => {
    log.warn(`collab: ${why}; reloading ${rooms.size} open document(s)`);
    for (const room of rooms.values()) void room.shutdown(CLOSE.reloading);
  };
  // Listening, then registered, then serving: whatever another process stores after this
  // process can hold a document is announced to it (see the 0017 migration).
  const stopListening = await listenForUpdates(database, processId, {
    onUpdates: (document, ids) => rooms.get(document)?.applyRemote(ids),
    onAccessChanged: (document) => {
      const room = rooms.get(document);
      if (room) recheckRoom(database, room).catch((error) => deps.log(`could not check access to ${document} again`, error));
    },
    onRelisten: () => reloadAll("listening again after the database connection dropped"),
  });
  const registration = await registerListener(database, processId, () => reloadAll("registered again after the registration lapsed"));
  httpServer.on("upgrade", onUpgrade);
  let slot = 0;
  const tick = setInterval(() => {
    slot = (slot + 1) % REVALIDATION_SLOTS;
    if (slot === 0) limiter.sweep();
    revalidateConnections(database, config, rooms, slot).catch((error) => deps.log("revalidation failed", error));
  }, settings.revalidateMs / REVALIDATION_SLOTS);
  tick.unref();

  return {
    rooms,
    async close() {
      closing = true;
      clearInterval(tick);
      httpServer.off("upgrade", onUpgrade);
      await registration.stop().catch((error) => deps.log("could not remove the listener registration", error));
      await stopListening();
      await Promise.all([...rooms.values()].map((room) => room.shutdown()));
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0]!.trim() : "";
  return forwarded || req.socket.remoteAddress || "unknown";
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Answers the upgrade request with a plain HTTP error and closes the socket: no WebSocket. */
function refuse(socket: Duplex, status: number, reason: string) {
  if (!socket.writable) return socket.destroy();
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
