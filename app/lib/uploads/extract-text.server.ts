import type { AttachmentExt } from "./limits";
import { checkZipSize, DOCX_LIMITS } from "./zip-size.server";

/**
 * The text of a PDF or DOCX, for search and the personal-data scan; other kinds have none.
 * A file that cannot be read still uploads (with no text) rather than being refused: people
 * attach what they have, and the page says no text was found.
 */
export async function extractText(ext: AttachmentExt, bytes: Uint8Array): Promise<string> {
  try {
    if (ext === "pdf") {
      const { extractText: pdfText, getDocumentProxy } = await import("unpdf");
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await pdfText(pdf, { mergePages: true });
      return normalise(text);
    }
    if (ext === "docx") {
      // mammoth unpacks and parses the XML whole: a bomb would take the server's memory with it.
      if ((await checkZipSize(bytes, DOCX_LIMITS)) !== "ok") return "";
      const mammoth = await import("mammoth");
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return normalise(value);
    }
  } catch {
    return "";
  }
  return "";
}

const normalise = (text: string) => text.replaceAll("\u0000", "").replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n").trim();
