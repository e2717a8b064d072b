import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { addAttachment } from "../../app/domain/evidence/add-attachment.server";
import { getAttachment } from "../../app/domain/evidence/get-attachment.server";
import { getItem } from "../../app/domain/evidence/get-item.server";
import { parseMultipart } from "../../app/lib/uploads/parse-multipart.server";
import { MAX_ATTACHMENT_BYTES } from "../../app/lib/uploads/limits";
import { loader as fileLoader } from "../../app/routes/evidence.$id.files.$fileId";
import { cookieHeader, testConfig } from "../support/config";
import { PARSE_LIMITS } from "../../app/lib/workers/parse-in-worker.server";
import { openTestDatabase } from "../support/db";
import { createWorld, TEST_PASSWORD, type TestUser, type World } from "../support/factories";
import { makePdf, makePdfBomb } from "../support/pdf";
import { addItem } from "./support";

let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(async () => {
  await database?.close();
});

/** A multipart request whose file part streams `size` bytes in 1 MB chunks, counting what was pulled. */
function streamingUpload(size: number) {
  const boundary = "----peff-test";
  const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nattach\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const chunk = new Uint8Array(1024 * 1024).fill(0x41);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
    },
    pull(controller) {
      if (sent >= size) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      const n = Math.min(chunk.length, size - sent);
      sent += n;
      controller.enqueue(chunk.subarray(0, n));
    },
  });
  const request = new Request("http://localhost/evidence/x", { method: "POST", body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, duplex: "half" } as RequestInit);
  return { request, sent: () => sent };
}

describe("attachment limits", () => {
  it("refuses a 30 MB upload at 25 MB while streaming, keeping nothing of it", async () => {
    const before = process.memoryUsage().arrayBuffers;
    const { request } = streamingUpload(30 * 1024 * 1024);
    const parsed = await parseMultipart(request);
    expect(parsed.files).toEqual([]);
    expect(parsed.tooLarge).toEqual([{ field: "file", filename: "big.pdf" }]);
    expect(parsed.fields.intent).toEqual(["attach"]);
    // Nothing near 25 MB was retained.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024);
  });

  it("accepts a file just under the limit", async () => {
    const { request } = streamingUpload(MAX_ATTACHMENT_BYTES - 1000);
    const parsed = await parseMultipart(request);
    expect(parsed.tooLarge).toEqual([]);
    expect(parsed.files[0]!.bytes.length).toBe(MAX_ATTACHMENT_BYTES - 1000);
  });

  it("refuses wrong types and content that does not match its name, storing nothing", async () => {
    const id = await addItem(database, world.actors.leadA);
    await expect(addAttachment(database, world.actors.leadA, { itemId: id, filename: "run.exe", bytes: Buffer.from("MZ...") })).rejects.toMatchObject({ status: 422 });
    await expect(addAttachment(database, world.actors.leadA, { itemId: id, filename: "fake.pdf", bytes: Buffer.from("<html>") })).rejects.toMatchObject({ status: 422 });
    await expect(addAttachment(database, world.actors.leadA, { itemId: id, filename: "big.pdf", bytes: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x25) })).rejects.toMatchObject({ status: 413 });
    expect((await getItem(database, world.actors.leadA, { itemId: id })).attachments).toEqual([]);
    const ok = await addAttachment(database, world.actors.leadA, { itemId: id, filename: "<script>.pdf", bytes: makePdf(["Hello"]) });
    expect(ok.textLength).toBeGreaterThan(0);
    const files = (await getItem(database, world.actors.leadA, { itemId: id })).attachments;
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([["<script>.pdf", "application/pdf"]]);
  });

  // 2 MB that inflate to 2 GB: read on the main thread, as it was, the process grew by 4 GB.
  it("stores a PDF bomb with no text, the process growing by no more than the parse limit", { timeout: 120_000 }, async () => {
    const id = await addItem(database, world.actors.leadA);
    const bomb = makePdfBomb(2048);
    const before = process.memoryUsage.rss();
    const { textLength } = await addAttachment(database, world.actors.leadA, { itemId: id, filename: "bomb.pdf", bytes: bomb });
    const peak = process.resourceUsage().maxRSS * 1024;
    expect(textLength).toBe(0);
    // The limit, plus what pdf.js can allocate between two looks at the process (it doubles a buffer).
    expect(peak - before).toBeLessThan((PARSE_LIMITS.memoryMb + 512) * 2 ** 20);
    const [file] = (await getItem(database, world.actors.leadA, { itemId: id })).attachments;
    expect(file).toMatchObject({ filename: "bomb.pdf", size: bomb.length, unreadable: true });
  });

  it("gives back every byte of a stored file", async () => {
    const id = await addItem(database, world.actors.leadA);
    // A valid PDF followed by every byte value, repeated past the size where encodings fold lines.
    const bytes = Buffer.concat([makePdf(["Round trip"]), Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256))]);
    const { id: attachmentId } = await addAttachment(database, world.actors.leadA, { itemId: id, filename: "report.pdf", bytes });
    const file = await getAttachment(database, world.actors.leadA, { itemId: id, attachmentId });
    expect(file.contentType).toBe("application/pdf");
    expect(Buffer.compare(file.data, bytes)).toBe(0);
  });
});

/** A multipart request with one file part whose name is sent as browsers send it: UTF-8, as it is. */
function uploadNamed(filename: string, bytes: Uint8Array) {
  const boundary = "----peff-name";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`, "utf8"),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return new Request("http://localhost/evidence/x", { method: "POST", body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
}

/** The file route's answer to a signed-in person: its headers matter here, not only its body. */
async function download(user: TestUser, itemId: string, fileId: string): Promise<Response> {
  const config = testConfig();
  const signedIn = await signIn(database, config, { email: user.email, password: TEST_PASSWORD, address: null });
  if (!signedIn.ok) throw new Error("sign-in failed");
  const request = new Request(`http://localhost:3000/evidence/${itemId}/files/${fileId}`, { headers: { cookie: cookieHeader(signedIn.setCookie) } });
  return fileLoader({ request, context: { database, config } as unknown as AppLoadContext, params: { id: itemId, fileId } });
}

/** RFC 5987's ext-value: percent-encoded octets and attr-chars only (no ' ( ) * or spaces). */
const EXT_VALUE = /^UTF-8''(?:%[0-9A-F]{2}|[A-Za-z0-9!#$&+.^_`|~-])+$/;

describe("file names", () => {
  it("keeps a name with accents and typographic punctuation as the browser sent it", async () => {
    const name = "Café – Women’s health “final”.pdf";
    const parsed = await parseMultipart(uploadNamed(name, makePdf(["Hello"])));
    expect(parsed.files.map((f) => f.filename)).toEqual([name]);
    const itemId = await addItem(database, world.actors.leadA);
    const { id } = await addAttachment(database, world.actors.leadA, { itemId, filename: parsed.files[0]!.filename, bytes: parsed.files[0]!.bytes });
    expect((await getItem(database, world.actors.leadA, { itemId })).attachments.find((a) => a.id === id)?.filename).toBe(name);
  });

  it("shortens a very long name before its extension instead of refusing the file as the wrong type", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    const long = `${"Annual equality information report ".repeat(8)}2024-25.pdf`;
    expect(long.length).toBeGreaterThan(200);
    const { id } = await addAttachment(database, world.actors.leadA, { itemId, filename: long, bytes: makePdf(["Hello"]) });
    const stored = (await getItem(database, world.actors.leadA, { itemId })).attachments.find((a) => a.id === id)!;
    expect(stored.filename).toHaveLength(200);
    expect(stored.filename).toMatch(/^Annual equality information report .*\.pdf$/);
    expect(stored.contentType).toBe("application/pdf");
  });

  it("are given back in a well-formed Content-Disposition: readable in ASCII, exact when encoded", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    const name = "Women's health (final) * Café.pdf";
    const { id } = await addAttachment(database, world.actors.leadA, { itemId, filename: name, bytes: makePdf(["Hello"]) });
    const answer = await download(world.people.leadA, itemId, id);
    expect(answer.status).toBe(200);
    const header = answer.headers.get("content-disposition")!;
    const [, ascii, ext] = /^attachment; filename="([^"]*)"; filename\*=(.*)$/.exec(header)!;
    expect(ascii).toBe("Women's health (final) * Caf_.pdf");
    expect(ext).toMatch(EXT_VALUE);
    expect(decodeURIComponent(ext!.slice("UTF-8''".length))).toBe(name);
  });
});

describe("a file another organisation may not read", () => {
  // A download is a resource route: a refusal thrown as data() reached the browser as
  // {"message":"Unexpected Server Error"}; it must say why, in plain text.
  it("is refused with a plain message saying why, not a server error", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    const { id } = await addAttachment(database, world.actors.leadA, { itemId, filename: "private.pdf", bytes: makePdf(["Private notes"]) });
    const thrown = await download(world.people.leadA2, itemId, id).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toMatch(/\S/);
    expect(await download(world.people.leadA, itemId, id).then((r) => r.status)).toBe(200);
  });
});
