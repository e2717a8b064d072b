import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as encoding from "lib0/encoding";
import type { Database } from "../../db/client";
import { memberships, sessions } from "../../db/schema";
import { sha256 } from "../../app/domain/auth/crypto.server";
import { appendRows, readRows } from "../../app/lib/register/model";
import { openTestDatabase } from "../support/db";
import { createUser, createWorld, type World } from "../support/factories";
import { REVALIDATION_SLOTS } from "../../server/collab/revalidate";
import { connectClient, waitFor, type TestClient } from "./support/client";
import { ensureRegister, ORIGIN, sessionCookie, startCollab, type RunningCollab } from "./support/server";

let database: Database;
let world: World;
let server: RunningCollab;
let doc: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await ensureRegister(database, world.collaboratives.x);
  await ensureRegister(database, world.collaboratives.y);
  doc = `register:${world.collaboratives.x}`;
  server = await startCollab(database, { maxMessageBytes: 64 * 1024, connectsPerMinute: 1000 });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
  await database?.close();
});

/** Attempts an upgrade; resolves with the HTTP status of a refusal, or the open socket. */
function attempt(path: string, headers: Record<string, string>): Promise<{ status: number; body: string } | { ws: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers });
    ws.on("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on("open", () => resolve({ ws }));
    ws.on("error", (e) => (e.message.includes("Unexpected server response") ? undefined : reject(e)));
  });
}

const closed = (ws: WebSocket) => new Promise<{ code: number; reason: string }>((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));

describe("refused upgrades", () => {
  it("refuses without a session (401), with an ended session (401), from a foreign Origin (403)", async () => {
    expect(await attempt(`/collab/${doc}`, { origin: ORIGIN })).toMatchObject({ status: 401 });
    const cookie = await sessionCookie(database, world.people.leadA.id);
    const token = cookie.split("=")[1]!;
    await database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, sha256(token)));
    expect(await attempt(`/collab/${doc}`, { origin: ORIGIN, cookie })).toMatchObject({ status: 401 });
    const good = await sessionCookie(database, world.people.leadA.id);
    expect(await attempt(`/collab/${doc}`, { origin: "http://evil.example", cookie: good })).toMatchObject({ status: 403 });
    expect(await attempt(`/collab/${doc}`, { cookie: good })).toMatchObject({ status: 403 });
  });

  it("refuses another collaborative's document and unknown documents (404)", async () => {
    const cookie = await sessionCookie(database, world.people.leadA.id);
    expect(await attempt(`/collab/register:${world.collaboratives.y}`, { origin: ORIGIN, cookie })).toMatchObject({ status: 404 });
    expect(await attempt(`/collab/register:00000000-0000-4000-8000-000000000000`, { origin: ORIGIN, cookie })).toMatchObject({ status: 404 });
    expect(await attempt(`/collab/nonsense:1`, { origin: ORIGIN, cookie })).toMatchObject({ status: 404 });
    const opened = await attempt(`/collab/${doc}`, { origin: ORIGIN, cookie });
    expect("ws" in opened).toBe(true);
    if ("ws" in opened) opened.ws.close();
  });

  it("limits connection attempts per address per minute (429)", async () => {
    const limited = await startCollab(database, { connectsPerMinute: 2 });
    try {
      const cookie = await sessionCookie(database, world.people.leadA.id);
      const url = (p: string) => new WebSocket(`ws://127.0.0.1:${limited.port}${p}`, { headers: { origin: ORIGIN, cookie } });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          await new Promise<number>((resolve) => {
            const ws = url(`/collab/${doc}`);
            ws.on("open", () => {
              ws.close();
              resolve(101);
            });
            ws.on("unexpected-response", (_q, res) => resolve(res.statusCode ?? 0));
            ws.on("error", () => undefined);
          }),
        );
      }
      expect(statuses).toEqual([101, 101, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("limits and bad input", () => {
  it("closes only the connection that sends a malformed message", async () => {
    const cookie = await sessionCookie(database, world.people.leadA.id);
    const bystander = connectClient({ serverUrl: server.serverUrl, document: doc, cookie, origin: ORIGIN });
    clients.push(bystander);
    await bystander.synced();
    const opened = await attempt(`/collab/${doc}`, { origin: ORIGIN, cookie });
    if (!("ws" in opened)) throw new Error("should open");
    const closing = closed(opened.ws);
    opened.ws.send(Buffer.from([0, 2, 50, 1, 2, 3]));
    expect(await closing).toEqual({ code: 4400, reason: "Malformed message" });

    const second = await attempt(`/collab/${doc}`, { origin: ORIGIN, cookie });
    if (!("ws" in second)) throw new Error("should open");
    const closing2 = closed(second.ws);
    second.ws.send(Buffer.from([9, 9, 9]));
    expect((await closing2).code).toBe(4400);

    appendRows(bystander.doc, [{ barrier: "Still served" }]);
    const other = connectClient({ serverUrl: server.serverUrl, document: doc, cookie, origin: ORIGIN });
    clients.push(other);
    await waitFor(() => readRows(other.doc).some((r) => r.barrier === "Still served"), "bystander still served");
  });

  it("closes a connection that sends an oversized message (1009)", async () => {
    const cookie = await sessionCookie(database, world.people.leadA.id);
    const opened = await attempt(`/collab/${doc}`, { origin: ORIGIN, cookie });
    if (!("ws" in opened)) throw new Error("should open");
    const closing = closed(opened.ws);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, new Uint8Array(100 * 1024));
    opened.ws.send(encoding.toUint8Array(e));
    expect((await closing).code).toBe(1009);
  });

  it("closes connections beyond the per-document limit (1013)", async () => {
    const small = await startCollab(database, { maxClientsPerDocument: 1 });
    try {
      const cookie = await sessionCookie(database, world.people.leadA.id);
      const first = connectClient({ serverUrl: small.serverUrl, document: doc, cookie, origin: ORIGIN });
      clients.push(first);
      await first.synced();
      const second = new WebSocket(`ws://127.0.0.1:${small.port}/collab/${doc}`, { headers: { origin: ORIGIN, cookie } });
      expect(await closed(second)).toEqual({ code: 1013, reason: "Document full: too many people connected" });
    } finally {
      await small.close();
    }
  });
});

describe("revocation", () => {
  it("closes every socket of a removed member within 5 seconds", async () => {
    const person = await createUser(database, [[world.orgs.a, "equality_lead"]]);
    const cookie = await sessionCookie(database, person.id);
    // More sockets than the revalidation has turns (REVALIDATION_SLOTS), so every turn has one.
    const sockets = Array.from({ length: REVALIDATION_SLOTS + 2 }, () => connectClient({ serverUrl: server.serverUrl, document: doc, cookie, origin: ORIGIN }));
    clients.push(...sockets);
    await Promise.all(sockets.map((c) => c.synced()));
    const started = Date.now();
    await database.db.delete(memberships).where(eq(memberships.userId, person.id));
    await waitFor(() => sockets.every((c) => c.closes.some((x) => x.code === 4403)), "close on removal", 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("closes the socket of a session that ended", async () => {
    const person = await createUser(database, [[world.orgs.a, "contributor"]]);
    const cookie = await sessionCookie(database, person.id);
    const c = connectClient({ serverUrl: server.serverUrl, document: doc, cookie, origin: ORIGIN });
    clients.push(c);
    await c.synced();
    await database.db.delete(sessions).where(eq(sessions.userId, person.id));
    await waitFor(() => c.closes.some((x) => x.code === 4401), "close on session end", 5_000);
  });

  it("downgrades a lowered role to read-only within 5 seconds", async () => {
    const person = await createUser(database, [[world.orgs.a, "equality_lead"]]);
    const c = connectClient({ serverUrl: server.serverUrl, document: doc, cookie: await sessionCookie(database, person.id), origin: ORIGIN });
    const watcher = connectClient({ serverUrl: server.serverUrl, document: doc, cookie: await sessionCookie(database, world.people.leadA.id), origin: ORIGIN });
    clients.push(c, watcher);
    await Promise.all([c.synced(), watcher.synced()]);
    await database.db.update(memberships).set({ role: "viewer" }).where(eq(memberships.userId, person.id));
    await waitFor(() => c.denials.includes("read-only"), "downgrade notice", 5_000);
    appendRows(c.doc, [{ barrier: "After downgrade" }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(readRows(watcher.doc).some((r) => r.barrier === "After downgrade")).toBe(false);
  });
});
