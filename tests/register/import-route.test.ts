import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import type { Database } from "../../db/client";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { openRegister } from "../../app/domain/register/open-register.server";
import { action, loader } from "../../app/routes/register.import";
import { openTestDatabase } from "../support/db";
import { cookieHeader, testConfig } from "../support/config";
import { createWorld, TEST_PASSWORD, type TestUser, type World } from "../support/factories";

let database: Database;
let world: World;
const config = testConfig();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await openRegister(database, world.actors.leadA);
});
afterAll(async () => {
  await database?.close();
});

async function cookieFor(user: TestUser): Promise<string> {
  const result = await signIn(database, config, { email: user.email, password: TEST_PASSWORD, address: null });
  if (!result.ok) throw new Error("sign-in failed");
  return cookieHeader(result.setCookie);
}

/** A multipart upload of `file` in the form's "file" field, then `padding` more bytes of it in 1 MB chunks, counting what was pulled. */
function upload(cookie: string, filename: string, file: string, padding = 0) {
  const boundary = "----peff-register-test";
  const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${file}`);
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const chunk = new TextEncoder().encode("Another barrier\n".repeat(65536));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
    },
    pull(controller) {
      if (sent >= padding) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://localhost:3000/register/import", {
    method: "POST",
    body,
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    duplex: "half",
  } as RequestInit);
  return { request, sent: () => sent };
}

/** The action's answer: its data and status, whether returned or thrown (guarded() throws a DomainError's). */
async function post(request: Request) {
  const args = { request, context: { database, config } as unknown as AppLoadContext, params: {} };
  const answer = await action(args as never).catch((thrown: unknown) => thrown);
  const { data, init } = answer as { data: unknown; init?: { status?: number } | null };
  return { data, status: init?.status ?? 200 };
}

describe("the register import page's upload", () => {
  it("refuses a file over 5 MB on the file field, keeping none of it", async () => {
    const before = process.memoryUsage().arrayBuffers;
    const { request } = upload(await cookieFor(world.people.leadA), "register.csv", "Barrier\n", 40 * 1024 * 1024);
    expect(await post(request)).toEqual({ status: 413, data: { ok: false, errors: ["The file is larger than 5 MB. Import it in parts."] } });
    // request.formData() held all 40 MB before anything looked at it.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024);
  });

  it("imports a file under the limit", async () => {
    const { request } = upload(await cookieFor(world.people.leadA), "register.csv", "Barrier,Status\nUploaded barrier,Amber\n");
    expect(await post(request)).toMatchObject({ status: 200, data: { ok: true, imported: 1 } });
  });

  it("refuses someone who may not import before reading what they send", async () => {
    const { request, sent } = upload(await cookieFor(world.people.viewerA), "register.csv", "Barrier\n", 40 * 1024 * 1024);
    expect(await post(request)).toMatchObject({ status: 403 });
    expect(sent()).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("the register import page", () => {
  async function open(user: TestUser) {
    const request = new Request("http://localhost:3000/register/import", { headers: { cookie: await cookieFor(user) } });
    const args = { request, context: { database, config } as unknown as AppLoadContext, params: {} };
    return loader(args as never).catch((thrown: unknown) => thrown);
  }

  it("opens for someone who may import", async () => {
    expect(await open(world.people.leadA)).toBeNull();
  });

  it("answers a viewer with a 403 response (the access page), not a server error", async () => {
    const answer = await open(world.people.viewerA);
    // guarded() turns the refusal into Remix's thrown data; a bare DomainError would be a 500.
    expect(answer).toMatchObject({ init: { status: 403 } });
  });
});
