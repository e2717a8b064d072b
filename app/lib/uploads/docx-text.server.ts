/**
 * A Word document's raw text, as mammoth reads it. Runs in the parse worker (see
 * parse-in-worker.server.ts): mammoth unpacks and parses document.xml whole and synchronously
 * (seconds for a few megabytes of XML), which on the event loop would stall every collaborative
 * edit the server relays meanwhile. The caller checks the zip's size first (DOCX_LIMITS).
 */
export async function readDocxText({ bytes }: { bytes: Uint8Array }): Promise<string> {
  const mammoth = await import("mammoth");
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value;
}
