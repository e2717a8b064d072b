/**
 * What of a PDF is read for its text. Past either limit the file is stored with no text, like a
 * Word file past its XML limit: the personal-data scan reads all of a file's text before it is
 * shared, so a partial text would pass pages nobody scanned as checked.
 */
export const PDF_TEXT_LIMITS = { pages: 2000, characters: 5_000_000 };

/**
 * A PDF's text, page by page, as unpdf's `extractText` merges it; empty past the limits. Runs in
 * the parse worker (see parse-in-worker.server.ts), which bounds its time and memory: pdf.js
 * inflates a page's streams whole, and a megabyte of PDF can inflate to gigabytes.
 */
export async function readPdfText({ bytes, limits = PDF_TEXT_LIMITS }: { bytes: Uint8Array; limits?: typeof PDF_TEXT_LIMITS }): Promise<string> {
  const { getDocumentProxy } = await import("unpdf");
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  if (pdf.numPages > limits.pages) return "";
  const pages: string[] = [];
  let characters = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
    characters += text.length;
    if (characters > limits.characters) return "";
    pages.push(text);
  }
  return pages.join("\n").replace(/[^\S\n]+/g, " ").replace(/ ?\n ?/g, "\n").replace(/\n{3,}/g, "\n\n");
}
