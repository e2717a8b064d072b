import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { MAX_ATTACHMENT_BYTES } from "./limits";

export interface UploadedFile {
  field: string;
  filename: string;
  bytes: Buffer;
}

export interface ParsedMultipart {
  fields: Record<string, string[]>;
  files: UploadedFile[];
  /** Files refused for size: their bytes beyond the limit were never kept. */
  tooLarge: { field: string; filename: string }[];
}

/**
 * Parses a multipart request as it streams. Each file is counted chunk by chunk and dropped as
 * soon as it passes `maxFileBytes` (busboy stops handing us its bytes; the rest of the body is
 * read and discarded, so memory stays flat and the browser still gets our answer).
 */
export async function parseMultipart(request: Request, options: { maxFileBytes?: number; maxFiles?: number } = {}): Promise<ParsedMultipart> {
  const max = options.maxFileBytes ?? MAX_ATTACHMENT_BYTES;
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !contentType.startsWith("multipart/form-data")) return { fields: {}, files: [], tooLarge: [] };
  // Browsers send a file's name as UTF-8; busboy reads it as latin1 unless told, so "Café
  // report.pdf" was stored as "CafÃ© report.pdf".
  const bb = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { fileSize: max, files: options.maxFiles ?? 5, fields: 200, fieldSize: 1024 * 1024 } });
  const result: ParsedMultipart = { fields: {}, files: [], tooLarge: [] };
  const done = new Promise<void>((resolve, reject) => {
    bb.on("field", (name, value) => (result.fields[name] ??= []).push(value));
    bb.on("file", (field, stream, info) => {
      const chunks: Buffer[] = [];
      let over = false;
      stream.on("data", (chunk: Buffer) => {
        if (!over) chunks.push(chunk);
      });
      stream.on("limit", () => {
        over = true;
        chunks.length = 0;
        result.tooLarge.push({ field, filename: info.filename ?? "" });
      });
      stream.on("end", () => {
        if (!over && info.filename) result.files.push({ field, filename: info.filename ?? "", bytes: Buffer.concat(chunks) });
      });
    });
    bb.on("close", resolve);
    bb.on("error", reject);
  });
  Readable.fromWeb(request.body as NodeWebStream).pipe(bb);
  await done;
  return result;
}
