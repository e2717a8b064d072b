import { appendFileSync, rmSync } from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

// y-websocket adds a process "exit" listener per provider (to tell peers it left); one process
// here holds many clients, so Node's leak warning at eleven listeners is a false alarm.
process.setMaxListeners(10_000);

export const ORIGIN = "http://localhost:3000";

export interface BenchServer {
  name: "ours" | "reference";
  child: ChildProcess;
  port: number;
  cookies: string[];
  documents: string[];
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

/** The servers to measure: both, or the one named by BENCH_ONLY (reference | ours). */
export function servers(): BenchServer["name"][] {
  const only = process.env.BENCH_ONLY;
  return only === "reference" || only === "ours" ? [only] : ["reference", "ours"];
}

/**
 * Starts a server in its own process: ours (persisting, authenticated) or y-websocket 1.5.4's.
 * BENCH_NODE_ARGS adds Node flags to ours (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"; ours is
 * stopped with SIGTERM, which also lets a profile be written; the reference with SIGKILL).
 * BENCH_SERVER_LOG=<file> appends the server's output there (with BENCH_NODE_ARGS=--trace-gc, its
 * garbage collections).
 */
export async function startServer(name: BenchServer["name"], env: Record<string, string> = {}): Promise<BenchServer> {
  const extra = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const args = name === "ours" ? [...extra, "--expose-gc", "--import", "tsx", "bench/collab/our-server.ts"] : ["--expose-gc", "bench/collab/reference-server.cjs"];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  const info = await new Promise<{ port: number; cookies?: string[]; documents?: string[]; tempDir?: string }>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (process.env.BENCH_SERVER_LOG) appendFileSync(process.env.BENCH_SERVER_LOG, chunk);
      out += chunk.toString();
      const json = /^\{.*\}$/m.exec(out);
      const plain = /listening (\d+)/.exec(out);
      if (json) resolve(JSON.parse(json[0]));
      else if (plain) resolve({ port: Number(plain[1]) });
    });
    child.on("exit", (code) => reject(new Error(`${name} server exited (${code})`)));
  });
  const docs = Number(env.BENCH_DOCS ?? 1);
  return {
    name,
    child,
    port: info.port,
    cookies: info.cookies ?? [""],
    documents: info.documents ?? Array.from({ length: docs }, (_, i) => `bench-doc-${i}`),
    memory: async () => (await (await fetch(`http://127.0.0.1:${info.port}/memory`)).json()) as NodeJS.MemoryUsage,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => {
          if (info.tempDir) rmSync(info.tempDir, { recursive: true, force: true });
          resolve();
        });
        child.kill(name === "ours" ? "SIGTERM" : "SIGKILL");
      }),
  };
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** The same y-websocket client for both servers (our cookie and Origin are ignored by the reference). */
export function connect(server: BenchServer, document: string, cookie: string): Client {
  const headers = { cookie, origin: ORIGIN };
  const Socket = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}`, server.name === "ours" ? `collab/${document}` : document, doc, {
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { doc, provider };
}

export function synced(client: Client): Promise<void> {
  return new Promise((resolve) => (client.provider.synced ? resolve() : client.provider.once("sync", (s: boolean) => s && resolve())));
}

/**
 * Measures edit propagation: each edit writes its send time into a shared map; every other
 * client records (receive time - send time) when the change arrives. Same process, same clock.
 */
export function instrument(clients: Client[], samples: number[]) {
  for (const c of clients) {
    const map = c.doc.getMap<number>("bench");
    map.observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const key of event.keysChanged) samples.push(now - map.get(key)!);
    });
  }
}

let counter = 0;
export function edit(client: Client) {
  client.doc.getMap<number>("bench").set(`${client.doc.clientID}-${counter++ % 50}`, performance.now());
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "n/a");
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function summary(label: string, samples: number[]) {
  return { label, n: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99), max: Math.max(...samples) };
}

/**
 * Appends one result as a JSON line to the file named by BENCH_REPORT, when set: how
 * `npm run bench:collab-all` gathers every benchmark's figures for its summary.
 */
export function report(benchmark: string, server: BenchServer["name"], figures: Record<string, number>) {
  if (process.env.BENCH_REPORT) appendFileSync(process.env.BENCH_REPORT, JSON.stringify({ benchmark, server, ...figures }) + "\n");
}

export function printTable(rows: ReturnType<typeof summary>[]) {
  for (const r of rows) console.log(`${r.label.padEnd(28)} n=${String(r.n).padStart(6)}  p50=${fmt(r.p50)} ms  p99=${fmt(r.p99)} ms  max=${fmt(r.max)} ms`);
}

/** How many times a tail benchmark runs each server (RUNS, default 1): its p99 varies run to run. */
export const RUNS = Math.max(1, Number(process.env.RUNS ?? 1));

/** Each run measures every server in turn: [run number, server] pairs, RUNS times over. */
export function runsOfServers(): [number, BenchServer["name"]][] {
  return Array.from({ length: RUNS }, (_, i) => servers().map((name): [number, BenchServer["name"]] => [i + 1, name])).flat();
}

/** With several runs, each server's p50 and p99 across them: lowest, median and highest. */
export function printRuns(rows: (ReturnType<typeof summary> & { server: string })[]) {
  if (RUNS < 2) return;
  for (const server of new Set(rows.map((r) => r.server))) {
    const mine = rows.filter((r) => r.server === server);
    const spread = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `${fmt(sorted[0]!)} / ${fmt(sorted[Math.floor(sorted.length / 2)]!)} / ${fmt(sorted.at(-1)!)}`;
    };
    console.log(`${server} over ${mine.length} runs (lowest / median / highest): p50 ${spread(mine.map((r) => r.p50))} ms, p99 ${spread(mine.map((r) => r.p99))} ms`);
  }
}
