import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Parsers } from "./parse.worker";

/**
 * What one parse may take. Found by measuring: the largest workbook the zip check lets through
 * (20 MB of sheet XML, 770,000 cells) needs 350 MB of heap, the process grows by 450 MB and it
 * takes 4 s on one core.
 */
export interface WorkerLimits {
  /** The worker's JavaScript heap: V8 stops the worker when it is full. */
  heapMb: number;
  /**
   * How much the whole process may grow while the worker runs. The heap limit does not count
   * ArrayBuffers (pdf.js inflates a PDF's streams into them), so this is what bounds a PDF bomb.
   */
  memoryMb: number;
  timeoutMs: number;
}

export const PARSE_LIMITS: WorkerLimits = { heapMb: 512, memoryMb: 768, timeoutMs: 30_000 };

export type ParseKind = keyof Parsers;
type Input<K extends ParseKind> = Parameters<Parsers[K]>[0];
type Output<K extends ParseKind> = Awaited<ReturnType<Parsers[K]>>;

/** The parse was stopped (too long, too much memory) or its worker died; a parser that finds the file unreadable throws its own error. */
export class ParseLimitError extends Error {
  constructor(
    readonly reason: "timeout" | "memory" | "crashed",
    options?: ErrorOptions,
  ) {
    super(`The parse was stopped: ${reason}`, options);
  }
}

/**
 * Runs a parser from parse.worker.ts in a worker thread, so a big workbook or a hostile PDF never
 * blocks the event loop (the collaboration server shares it). One parse at a time: the memory
 * check watches the process as a whole, and two cores gain nothing from more. A parser's own
 * error (an unreadable file) rejects with that error; a stopped parse with a ParseLimitError.
 */
export function parseInWorker<K extends ParseKind>(kind: K, input: Input<K>, limits = PARSE_LIMITS): Promise<Output<K>> {
  const turn = queue.then(() => run(kind, input, limits));
  queue = turn.catch(() => undefined);
  return turn;
}

let queue: Promise<unknown> = Promise.resolve();

const MB = 1024 * 1024;

function run<K extends ParseKind>(kind: K, input: Input<K>, limits: WorkerLimits): Promise<Output<K>> {
  return new Promise((resolve, reject) => {
    const start = process.memoryUsage.rss();
    const worker = new Worker(BOOT, {
      eval: true,
      execArgv: [],
      workerData: { ...workerPaths(), kind, input },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
    });
    let done = false;
    // Settle only once the worker has gone, so its memory is back before the next parse starts.
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(watch);
      void worker.terminate().then(settle, settle);
    };
    const timer = setTimeout(() => finish(() => reject(new ParseLimitError("timeout"))), limits.timeoutMs);
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() - start > limits.memoryMb * MB) finish(() => reject(new ParseLimitError("memory")));
    }, 20);
    worker.once("message", (reply: { ok: true; value: Output<K> } | { ok: false; message: string }) =>
      finish(() => (reply.ok ? resolve(reply.value) : reject(new Error(reply.message)))),
    );
    worker.once("error", (error: Error & { code?: string }) =>
      finish(() => reject(new ParseLimitError(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "crashed", { cause: error }))),
    );
    worker.once("exit", (code) => finish(() => reject(new ParseLimitError("crashed", { cause: new Error(`the worker exited with code ${code}`) }))));
  });
}

/**
 * The worker runs parse.worker.ts under tsx, as the server runs its own source. On Node 20 a
 * worker given `--import tsx` still cannot start on a .ts file, so this small script loads it.
 * The path is found from the project root because this module also runs bundled, from
 * build/server/index.js, where a path relative to it would point into build/.
 */
const BOOT = `
const { workerData } = require("node:worker_threads");
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));
`;

let paths: { tsx: string; entry: string } | undefined;
function workerPaths() {
  if (paths) return paths;
  let root = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(root, "package.json"))) {
    if (path.dirname(root) === root) throw new Error("parse-in-worker: no package.json above this module");
    root = path.dirname(root);
  }
  // tsx's API as an ES module: its CommonJS build (what require.resolve finds) cannot register here.
  const tsxPackage = createRequire(path.join(root, "package.json")).resolve("tsx/package.json");
  const api = (JSON.parse(readFileSync(tsxPackage, "utf8")) as { exports: Record<string, { import: { default: string } }> }).exports["./esm/api"]!;
  paths = {
    tsx: pathToFileURL(path.join(path.dirname(tsxPackage), api.import.default)).href,
    entry: pathToFileURL(path.join(root, "app/lib/workers/parse.worker.ts")).href,
  };
  return paths;
}
