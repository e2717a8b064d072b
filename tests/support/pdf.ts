import { constants, deflateRawSync } from "node:zlib";

/**
 * A minimal PDF whose page shows `lines` in Helvetica (and a page more for each of `morePages`):
 * a few hundred bytes, generated in the test rather than committed as a binary.
 */
export function makePdf(lines: string[], ...morePages: string[][]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const pages = [lines, ...morePages];
  const content = (page: string[]) => Buffer.from(["BT", "/F1 12 Tf", "72 720 Td", "14 TL", ...page.map((l) => `(${escape(l)}) '`), "ET"].join("\n"), "latin1");
  return pdfFile(pages.map((page) => ({ content: content(page) })));
}

/**
 * A one-page PDF of a few megabytes whose page content inflates to `megabytes` MB of zeros: a "PDF
 * bomb". Deflating that much would take seconds and the memory it is meant to test, so one
 * megabyte of zeros is deflated and flushed (which makes the piece independent of what came
 * before) and repeated; zlib's checksum of n zeros is (n mod 65521) << 16 | 1.
 */
export function makePdfBomb(megabytes: number): Buffer {
  const piece = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE((((megabytes * 1024 * 1024) % 65521) * 65536 + 1) >>> 0);
  const zlib = Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(megabytes).fill(piece), deflateRawSync(Buffer.alloc(0)), checksum]);
  return pdfFile([{ content: zlib, filter: "/FlateDecode" }]);
}

/** A PDF with a page per content stream. Offsets in the xref table are computed, so strict readers accept it. */
function pdfFile(pages: { content: Buffer; filter?: string }[]): Buffer {
  const latin1 = (s: string) => Buffer.from(s, "latin1");
  const pageIds = pages.map((_, i) => 4 + 2 * i);
  const objects: Buffer[] = [
    latin1("<< /Type /Catalog /Pages 2 0 R >>"),
    latin1(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`),
    latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
    ...pages.flatMap(({ content, filter }, i) => [
      latin1(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${pageIds[i]! + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`),
      Buffer.concat([latin1(`<< /Length ${content.length}${filter ? ` /Filter ${filter}` : ""} >>\nstream\n`), content, latin1("\nendstream")]),
    ]),
  ];
  const parts = [latin1("%PDF-1.4\n")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const object = Buffer.concat([latin1(`${i + 1} 0 obj\n`), body, latin1("\nendobj\n")]);
    parts.push(object);
    length += object.length;
  });
  parts.push(latin1(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`));
  parts.push(latin1(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
