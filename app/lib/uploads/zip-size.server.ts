import { createInflateRaw } from "node:zlib";

/**
 * What an .xlsx or .docx may unpack to before we hand it to ExcelJS or mammoth. Both inflate each
 * part whole into memory and parse the XML ones (mammoth needed 17 s and 1.4 GB for a 20 MB
 * document.xml that zips to 72 KB), so a small upload must not be allowed to unpack to gigabytes.
 * Genuine files are far inside these: a 20,000-row tracker is 13 MB of XML.
 */
export const ZIP_LIMITS = { total: 100 * 1024 * 1024, xml: 20 * 1024 * 1024 };

/**
 * Tighter for a Word document's text: mammoth holds about 70 bytes per byte of XML while it
 * parses (1.4 GB for 20 MB), and a long report's document.xml is a few megabytes. A larger one
 * is stored with no text, so sharing lists it as not checked.
 */
export const DOCX_LIMITS = { total: 100 * 1024 * 1024, xml: 6 * 1024 * 1024 };

export type ZipCheck = "ok" | "too-large" | "unreadable";

const XML_PART = /\.(xml|rels|vml)$/i;

/**
 * Whether a zip unpacks within `limits`, found without unpacking it: its central directory says
 * what each part unpacks to. That can lie (JSZip only notices once it has inflated the lot), so
 * each compressed part is also inflated here, in zlib's thread pool and into nothing, stopping as
 * soon as it passes its declared size: the work is bounded by the limits, not by the file.
 */
export async function checkZipSize(bytes: Uint8Array, limits = ZIP_LIMITS): Promise<ZipCheck> {
  let parts: Part[];
  try {
    parts = centralDirectory(bytes);
  } catch {
    return "unreadable";
  }
  let total = 0;
  let xml = 0;
  for (const part of parts) {
    total += part.size;
    if (XML_PART.test(part.name)) xml += part.size;
    if (total > limits.total || xml > limits.xml) return "too-large";
  }
  for (const part of parts) {
    // A stored part is its own bytes; JSZip refuses methods other than stored and deflate outright.
    if (part.method !== 8 || part.compressed === 0) continue;
    const inflated = await inflatedSize(bytes.subarray(part.start, part.start + part.compressed), part.size);
    if (inflated === null) return "unreadable";
    if (inflated > part.size) return "too-large";
  }
  return "ok";
}

interface Part {
  name: string;
  method: number;
  /** What it unpacks to (for a stored part, its own length: a declared size cannot make it bigger). */
  size: number;
  compressed: number;
  /** Where its data starts in the file. */
  start: number;
}

/** The parts a zip's central directory lists; throws when the file is not a zip (DataView reads past its end throw too). */
function centralDirectory(bytes: Uint8Array): Part[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  // The end record is the last 22 bytes, plus a comment of up to 64 KB.
  let end = bytes.length - 22;
  const earliest = Math.max(0, end - 0xffff);
  while (end >= earliest && u32(end) !== 0x06054b50) end--;
  if (end < earliest) throw new Error("not a zip");
  let count = u16(end + 10);
  let size = u32(end + 12);
  let offset = u32(end + 16);
  let endOfDirectory = end;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const record = u64(end - 20 + 8);
    if (u32(end - 20) !== 0x07064b50 || u32(record) !== 0x06064b50) throw new Error("bad zip64 end record");
    [count, size, offset, endOfDirectory] = [u64(record + 32), u64(record + 40), u64(record + 48), record];
  }
  // Offsets count from the zip's own start, which is later than the file's when something is prepended (JSZip allows it).
  const base = endOfDirectory - size - offset;
  if (base < 0) throw new Error("central directory out of place");
  const parts: Part[] = [];
  let at = base + offset;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) throw new Error("bad central directory entry");
    const method = u16(at + 10);
    let compressed = u32(at + 20);
    let unpacked = u32(at + 24);
    let local = u32(at + 42);
    const [nameLength, extraLength, commentLength] = [u16(at + 28), u16(at + 30), u16(at + 32)];
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (unpacked === 0xffffffff || compressed === 0xffffffff || local === 0xffffffff) {
      // Zip64 keeps the full values in extra field 1, in this order, each only if its own field is full.
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd && u16(extra) !== 1) extra += 4 + u16(extra + 2);
      if (extra + 4 > extraEnd) throw new Error("zip64 sizes missing");
      let field = extra + 4;
      if (unpacked === 0xffffffff) [unpacked, field] = [u64(field), field + 8];
      if (compressed === 0xffffffff) [compressed, field] = [u64(field), field + 8];
      if (local === 0xffffffff) local = u64(field);
    }
    local += base;
    if (u32(local) !== 0x04034b50) throw new Error("bad local header");
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > bytes.length) throw new Error("part runs past the end");
    parts.push({ name, method, size: method === 0 ? compressed : unpacked, compressed, start });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** How many bytes raw deflate data inflates to, counting no further than just past `limit`; null when it is not deflate data. */
function inflatedSize(data: Uint8Array, limit: number): Promise<number | null> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on("end", () => resolve(size));
    inflate.on("error", () => resolve(null));
    inflate.end(data);
  });
}
