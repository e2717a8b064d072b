import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

// y-websocket adds a process "exit" listener per provider (to tell peers it left); one process
// here holds many clients, so Node's leak warning at eleven listeners is a false alarm.
process.setMaxListeners(10_000);

export interface ClientOptions {
  /** ws://host:port/collab */
  serverUrl: string;
  document: string;
  cookie?: string;
  origin?: string;
  doc?: Y.Doc;
  connect?: boolean;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events seen, newest last. */
  closes: { code: number; reason: string }[];
  /** Reasons the server gave for refusing writes ("read-only"). */
  denials: string[];
  synced(): Promise<void>;
  destroy(): void;
}

/** A WebSocket class that sends our Cookie and Origin headers (Node has no browser to do it). */
function socketWith(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

/** A y-websocket client as browsers use it, over real sockets (BroadcastChannel off). */
export function connectClient(options: ClientOptions): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const provider = new WebsocketProvider(options.serverUrl, options.document, doc, {
    WebSocketPolyfill: socketWith(headers) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 300,
  });
  const closes: TestClient["closes"] = [];
  const denials: string[] = [];
  provider.on("connection-close", (event: CloseEvent | null) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  // y-websocket logs permission denials; record them instead.
  const handlers = provider.messageHandlers as unknown as Record<number, (encoder: unknown, decoder: decoding.Decoder) => void>;
  handlers[2] = (_encoder: unknown, decoder: decoding.Decoder) => {
    decoding.readVarUint(decoder); // permission-denied tag
    denials.push(decoding.readVarString(decoder));
  };
  return {
    doc,
    provider,
    closes,
    denials,
    synced: () =>
      new Promise<void>((resolve) => {
        if (provider.synced) resolve();
        else provider.once("sync", (s: boolean) => s && resolve());
      }),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until `check` holds, polling; throws with `what` after the timeout. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - start;
}
