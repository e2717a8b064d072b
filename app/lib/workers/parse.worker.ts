import { parentPort, workerData } from "node:worker_threads";
import { readFirstSheet } from "../tabular/xlsx.server";
import { readPdfText } from "../uploads/pdf-text.server";

/**
 * A worker thread's entry (started by parse-in-worker.server.ts, never imported): runs one parser
 * on its input, answers, and is ended. Imports stay relative: tsx resolves them here without the
 * project's path aliases.
 */
const parsers = { xlsx: readFirstSheet, pdf: readPdfText };
export type Parsers = typeof parsers;

const { kind, input } = workerData as { kind: keyof Parsers; input: never };
parsers[kind](input).then(
  (value) => parentPort!.postMessage({ ok: true, value }),
  (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
