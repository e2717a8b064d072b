import { describe, expect, it } from "vitest";
import { makePdf, makePdfBomb } from "../../../tests/support/pdf";
import { PARSE_LIMITS, parseInWorker, ParseLimitError } from "../workers/parse-in-worker.server";
import { extractText } from "./extract-text.server";
import { PDF_TEXT_LIMITS, readPdfText } from "./pdf-text.server";

describe("extractText from a PDF", () => {
  it("reads a PDF's text, page after page", async () => {
    expect(await extractText("pdf", makePdf(["Hello", "world"], ["Second page"]))).toBe("Hello\nworld\nSecond page");
  });

  it("gives no text for a PDF past the page or character limit, rather than a part of it", async () => {
    const pdf = makePdf(["One"], ["Two"], ["Three"]);
    expect(await readPdfText({ bytes: pdf, limits: { ...PDF_TEXT_LIMITS, pages: 3 } })).toBe("One\nTwo\nThree");
    expect(await readPdfText({ bytes: pdf, limits: { ...PDF_TEXT_LIMITS, pages: 2 } })).toBe("");
    expect(await readPdfText({ bytes: pdf, limits: { ...PDF_TEXT_LIMITS, characters: 11 } })).toBe("One\nTwo\nThree");
    expect(await readPdfText({ bytes: pdf, limits: { ...PDF_TEXT_LIMITS, characters: 10 } })).toBe("");
  });

  // pdf.js inflates a page's content into ArrayBuffers, which a worker's heap limit does not count.
  it("stops reading a PDF bomb once the process has grown by the memory limit", { timeout: 60_000 }, async () => {
    const bomb = makePdfBomb(2048);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const limits = { ...PARSE_LIMITS, memoryMb: 256 };
    const error = await parseInWorker("pdf", { bytes: bomb }, limits).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseLimitError);
    expect(error).toMatchObject({ reason: "memory" });
    expect(await extractText("pdf", bomb, limits)).toBe("");
    // The worker is gone: the next PDF is read as usual.
    expect(await extractText("pdf", makePdf(["After the bomb"]))).toBe("After the bomb");
  });
});
