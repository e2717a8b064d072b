import { describe, expect, it } from "vitest";
import { makeZip, type ZipPart } from "../../../tests/support/zip";
import { toXlsx } from "../tabular/xlsx.server";
import { PARSE_LIMITS, parseInWorker } from "../workers/parse-in-worker.server";
import { extractText } from "./extract-text.server";
import { checkZipSize, DOCX_LIMITS, ZIP_LIMITS } from "./zip-size.server";

const DOCX_PARTS = (body: string): ZipPart[] => [
  {
    name: "[Content_Types].xml",
    text: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  },
  {
    name: "_rels/.rels",
    text: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  },
  { name: "word/document.xml", text: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>` },
];
const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
/** XML that zips to a few kilobytes and unpacks past the limit: spaces between paragraphs are still XML to parse. */
const bomb = () => paragraph("Start") + " ".repeat(ZIP_LIMITS.xml + 1024) + paragraph("End");

describe("checkZipSize", () => {
  it("passes the workbooks and documents people upload, zip64 ones too", async () => {
    expect(await checkZipSize(await toXlsx([{ name: "S", headers: ["Title"], rows: [["A"]] }]))).toBe("ok");
    expect(await checkZipSize(makeZip(DOCX_PARTS(paragraph("Hello"))))).toBe("ok");
    expect(await checkZipSize(makeZip(DOCX_PARTS(paragraph("Hello")), { zip64: true }))).toBe("ok");
  });

  it("refuses a zip whose parts unpack past the limit, from its directory", async () => {
    const zip = makeZip(DOCX_PARTS(bomb()));
    expect(zip.length).toBeLessThan(100 * 1024);
    expect(await checkZipSize(zip)).toBe("too-large");
    expect(await checkZipSize(makeZip(DOCX_PARTS(bomb()), { zip64: true }))).toBe("too-large");
  });

  it("refuses a zip whose directory understates what a part unpacks to, without unpacking it all", async () => {
    const parts = DOCX_PARTS(bomb()).map((p) => (p.name === "word/document.xml" ? { ...p, claims: 1000 } : p));
    expect(await checkZipSize(makeZip(parts))).toBe("too-large");
    expect(await checkZipSize(makeZip(parts, { zip64: true }))).toBe("too-large");
  });

  it("says a file is unreadable when it is not a whole zip", async () => {
    const zip = makeZip(DOCX_PARTS(paragraph("Hello")));
    expect(await checkZipSize(new TextEncoder().encode("Title\nA\n"))).toBe("unreadable");
    expect(await checkZipSize(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe("unreadable");
    expect(await checkZipSize(zip.subarray(0, zip.length - 30))).toBe("unreadable");
    expect(await checkZipSize(zip.subarray(40))).toBe("unreadable");
  });
});

describe("extractText from a .docx", () => {
  it("reads a document's text", async () => {
    expect(await extractText("docx", makeZip(DOCX_PARTS(paragraph("Hello") + paragraph("world"))))).toBe("Hello\n\nworld");
  });

  // mammoth parses synchronously: on the event loop a long document would stall the collaboration server.
  it("reads it in the parse worker, whose limits stop it", async () => {
    const docx = makeZip(DOCX_PARTS(paragraph("Hello")));
    expect(await extractText("docx", docx, { ...PARSE_LIMITS, timeoutMs: 1 })).toBe("");
    expect(await parseInWorker("docx", { bytes: docx })).toBe("Hello\n\n");
  });

  it("gives no text for a zip bomb rather than unpacking it", async () => {
    expect(await extractText("docx", makeZip(DOCX_PARTS(bomb())))).toBe("");
  });

  it("gives no text for a document whose XML is past what mammoth may parse, though a workbook could have it", async () => {
    const body = paragraph("Start") + " ".repeat(DOCX_LIMITS.xml + 1024) + paragraph("End");
    expect(DOCX_LIMITS.xml).toBeLessThan(ZIP_LIMITS.xml);
    expect(await checkZipSize(makeZip(DOCX_PARTS(body)))).toBe("ok");
    expect(await extractText("docx", makeZip(DOCX_PARTS(body)))).toBe("");
  });
});
