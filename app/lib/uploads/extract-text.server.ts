import { parseInWorker, type WorkerLimits } from "../workers/parse-in-worker.server";
import type { AttachmentExt } from "./limits";
import { checkZipSize, DOCX_LIMITS } from "./zip-size.server";

/**
 * The text of a PDF or DOCX, for search and the personal-data scan; other kinds have none.
 * A file that cannot be read still uploads (with no text) rather than being refused: people
 * attach what they have, and the page says no text was found. Both are read in the parse worker;
 * `limits` bound it (PARSE_LIMITS unless a test passes others).
 */
export async function extractText(ext: AttachmentExt, bytes: Uint8Array, limits?: WorkerLimits): Promise<string> {
  try {
    if (ext === "pdf") {
      // In a worker with bounded memory and time: a small PDF can inflate to gigabytes (a PDF
      // bomb). A PDF it stops, or one past PDF_TEXT_LIMITS, is stored with no text.
      return normalise(await parseInWorker("pdf", { bytes }, limits));
    }
    if (ext === "docx") {
      // mammoth unpacks and parses the XML whole: a zip bomb is turned away before a worker starts.
      if ((await checkZipSize(bytes, DOCX_LIMITS)) !== "ok") return "";
      return normalise(await parseInWorker("docx", { bytes }, limits));
    }
  } catch {
    return "";
  }
  return "";
}

const normalise = (text: string) => text.replaceAll("\u0000", "").replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n").trim();
