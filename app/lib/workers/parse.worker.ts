import { parentPort, workerData } from "node:worker_threads";
import type { readFirstSheet } from "../tabular/xlsx.server";
import type { readDocxText } from "../uploads/docx-text.server";
import type { readPdfText } from "../uploads/pdf-text.server";

/**
 * A worker thread's entry (started by parse-in-worker.server.ts, never imported): runs one parser
 * on its input, answers, and is ended. Each parser's module is loaded only when asked for: a fresh
 * worker starts for every parse, and loading ExcelJS with the others took a PDF's parse from about
 * 150 to 520 ms. Imports stay relative: tsx resolves them here without the project's path aliases.
 */
const parsers = {
  xlsx: async (input: Parameters<typeof readFirstSheet>[0]) => (await import("../tabular/xlsx.server")).readFirstSheet(input),
  pdf: async (input: Parameters<typeof readPdfText>[0]) => (await import("../uploads/pdf-text.server")).readPdfText(input),
  docx: async (input: Parameters<typeof readDocxText>[0]) => (await import("../uploads/docx-text.server")).readDocxText(input),
};
export type Parsers = typeof parsers;

const { kind, input } = workerData as { kind: keyof Parsers; input: never };
parsers[kind](input).then(
  (value) => parentPort!.postMessage({ ok: true, value }),
  (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
