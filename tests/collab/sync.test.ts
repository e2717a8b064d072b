import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { collabSnapshots, collabUpdates, registerRows } from "../../db/schema";
import { appendRows, encodeRegister, readRows, rowsOf } from "../../app/lib/register/model";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { connectClient, waitFor, type TestClient } from "./support/client";
import { ensureRegister, ORIGIN, sessionCookie, startCollab, type RunningCollab } from "./support/server";

async function pendingUpdates(document: string) {
  const rows = await database.db.select({ payload: collabUpdates.payload }).from(collabUpdates).where(eq(collabUpdates.document, document));
  return rows.filter((r) => r.payload !== null).length;
}

let database: Database;
let world: World;
let server: RunningCollab;
let doc: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await ensureRegister(database, world.collaboratives.x);
  doc = `register:${world.collaboratives.x}`;
  server = await startCollab(database, { unloadDelayMs: 200, projectionDelayMs: 50 });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
  await database?.close();
});

async function client(userId: string, orgId?: string, yDoc?: Y.Doc) {
  const c = connectClient({ serverUrl: server.serverUrl, document: doc, cookie: await sessionCookie(database, userId, orgId), origin: ORIGIN, doc: yDoc });
  clients.push(c);
  return c;
}

const text = (c: TestClient) => JSON.stringify(readRows(c.doc));

describe("collaboration over real sockets", () => {
  it("two clients converge, and a late joiner receives everything", async () => {
    const a = await client(world.people.leadA.id);
    const b = await client(world.people.leadA2.id);
    await Promise.all([a.synced(), b.synced()]);
    const [key] = appendRows(a.doc, [{ barrier: "Poor access to services", characteristics: ["disability"] }]);
    appendRows(b.doc, [{ barrier: "Interpreters not booked" }]);
    await waitFor(() => rowsOf(a.doc).size === 2 && rowsOf(b.doc).size === 2, "both rows on both clients");
    (rowsOf(a.doc).get(key!)!.get("barrier") as Y.Text).insert(0, "Very ");
    (rowsOf(b.doc).get(key!)!.get("barrier") as Y.Text).insert(("Poor access to services").length, " for D/deaf people");
    await waitFor(() => text(a) === text(b) && text(a).includes("Very Poor access to services for D/deaf people"), "convergence");

    const late = await client(world.people.contributorA.id);
    await late.synced();
    await waitFor(() => text(late) === text(a), "late joiner state");
  });

  it("a client offline for a while merges its edits on reconnect", async () => {
    const a = await client(world.people.leadA.id);
    const b = await client(world.people.leadA2.id);
    await Promise.all([a.synced(), b.synced()]);
    b.provider.disconnect();
    appendRows(b.doc, [{ barrier: "Written offline" }]);
    appendRows(a.doc, [{ barrier: "Written online meanwhile" }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(text(a)).not.toContain("Written offline");
    b.provider.connect();
    await waitFor(() => text(a) === text(b) && text(a).includes("Written offline") && text(b).includes("Written online meanwhile"), "offline merge");
  });

  it("stores every update attributed to its sender before others see it", async () => {
    const a = await client(world.people.leadA.id);
    const b = await client(world.people.leadA2.id);
    await Promise.all([a.synced(), b.synced()]);
    const [key] = appendRows(a.doc, [{ barrier: "Attributed" }]);
    await waitFor(() => rowsOf(b.doc).has(key!), "row on b");
    const rows = await database.db.select().from(collabUpdates).where(eq(collabUpdates.document, doc));
    const mine = rows.find((r) => r.rowKeys.includes(key!));
    expect(mine?.userId).toBe(world.people.leadA.id);
  });

  it("gives viewers a read-only connection: told so, and their changes never reach anyone", async () => {
    const viewer = await client(world.people.viewerA.id);
    const lead = await client(world.people.leadA.id);
    await Promise.all([viewer.synced(), lead.synced()]);
    await waitFor(() => viewer.denials.includes("read-only"), "read-only notice");
    appendRows(viewer.doc, [{ barrier: "Viewer tried to add this" }]);
    appendRows(lead.doc, [{ barrier: "Lead added this" }]);
    await waitFor(() => text(viewer).includes("Lead added this"), "lead's edit reaches viewer");
    await new Promise((r) => setTimeout(r, 200));
    expect(text(lead)).not.toContain("Viewer tried to add this");
    const fresh = await client(world.people.leadA2.id);
    await fresh.synced();
    expect(text(fresh)).not.toContain("Viewer tried to add this");
  });

  it("projects the document's rows into SQL after edits settle", async () => {
    const a = await client(world.people.leadA.id);
    await a.synced();
    appendRows(a.doc, [{ barrier: "Projected barrier", edsOutcomes: ["1.1", "2.3"], status: "amber", themes: ["interpreting"] }]);
    let projected: (typeof registerRows.$inferSelect)[] = [];
    const started = Date.now();
    while (Date.now() - started < 3_000) {
      projected = await database.db.select().from(registerRows).where(eq(registerRows.collaborativeId, world.collaboratives.x)).orderBy(registerRows.position);
      if (projected.some((r) => r.barrier === "Projected barrier") && projected.length === readRows(a.doc).length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const expected = readRows(a.doc);
    expect(projected.map((r) => ({ key: r.rowKey, barrier: r.barrier, eds: r.edsOutcomes, status: r.status, themes: r.themes }))).toEqual(
      expected.map((r) => ({ key: r.key, barrier: r.barrier, eds: r.edsOutcomes, status: r.status, themes: r.themes })),
    );
  });

  it("compacts into a snapshot when the document closes, unloads it, and loads it back intact", async () => {
    const a = await client(world.people.leadA.id);
    await a.synced();
    appendRows(a.doc, [{ barrier: "Before compaction" }]);
    await waitFor(() => server.collab.rooms.has(doc), "room open");
    const expected = text(a);
    await new Promise((r) => setTimeout(r, 100));
    for (const c of clients.splice(0)) c.destroy();
    await waitFor(() => !server.collab.rooms.has(doc), "room unloaded", 5_000);
    let pending = 1;
    const started = Date.now();
    while (pending > 0 && Date.now() - started < 5_000) {
      const rows = await database.db.select({ payload: collabUpdates.payload }).from(collabUpdates).where(eq(collabUpdates.document, doc));
      pending = rows.filter((r) => r.payload !== null).length;
      if (pending) await new Promise((r) => setTimeout(r, 50));
    }
    expect(pending).toBe(0);
    const [snapshot] = await database.db.select().from(collabSnapshots).where(eq(collabSnapshots.document, doc));
    expect(snapshot?.state.byteLength).toBeGreaterThan(0);
    const again = await client(world.people.leadA2.id);
    await again.synced();
    expect(text(again)).toBe(expected);
  });

  it("answers a newcomer to a cold document from its stored snapshot and pending updates, then takes edits", async () => {
    const y = world.collaboratives.y;
    await ensureRegister(database, y);
    const document = `register:${y}`;
    // Stored as after a crash: a snapshot and two updates never compacted into it.
    const snapshot = encodeRegister([{ key: "first", barrier: "In the snapshot" }]);
    const writer = new Y.Doc();
    Y.applyUpdate(writer, snapshot);
    const payloads: Uint8Array[] = [];
    writer.on("update", (u: Uint8Array) => payloads.push(u));
    appendRows(writer, [{ barrier: "Pending one" }]);
    appendRows(writer, [{ barrier: "Pending two" }]);
    await database.db.insert(collabSnapshots).values({ document, collaborativeId: y, state: snapshot });
    for (const payload of payloads) await database.db.insert(collabUpdates).values({ document, collaborativeId: y, userId: world.people.leadB.id, payload });

    const cookie = await sessionCookie(database, world.people.leadB.id);
    const first = connectClient({ serverUrl: server.serverUrl, document, cookie, origin: ORIGIN });
    const second = connectClient({ serverUrl: server.serverUrl, document, cookie, origin: ORIGIN });
    clients.push(first, second);
    await first.synced();
    // "Synced" means everything stored, not just the snapshot.
    expect(readRows(first.doc).map((r) => r.barrier)).toEqual(["In the snapshot", "Pending one", "Pending two"]);
    await second.synced();
    const [key] = appendRows(first.doc, [{ barrier: "Added once open" }]);
    await waitFor(() => rowsOf(second.doc).has(key!), "an edit after a cold open reaches the other client");
  });

  it("decodes a cold document for those who may edit it, not for readers, and takes an edit before the decode", async () => {
    for (const c of clients.splice(0)) c.destroy();
    await waitFor(() => !server.collab.rooms.has(doc), "room unloaded");
    const viewer = await client(world.people.viewerA.id);
    await viewer.synced();
    const room = server.collab.rooms.get(doc)!;
    // Answered from the stored bytes; past the time an editor's open would have decoded it.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(room.decodeStarted).toBe(false);

    const lead = await client(world.people.leadA.id);
    await lead.synced();
    // An edit at once (before the room decoded ahead) is integrated, stored and passed on.
    appendRows(lead.doc, [{ barrier: "Typed as soon as the page opened" }]);
    await waitFor(() => text(viewer).includes("Typed as soon as the page opened"), "the editor's first edit reaches the reader");
    expect(room.decodeStarted).toBe(true);
    expect(text(viewer)).toBe(text(lead));

    // An editor who only reads still gets the document decoded ahead of their first edit.
    for (const c of clients.splice(0)) c.destroy();
    await waitFor(() => !server.collab.rooms.has(doc), "room unloaded again");
    const reader = await client(world.people.leadA2.id);
    await reader.synced();
    const reopened = server.collab.rooms.get(doc)!;
    await waitFor(() => reopened.decodeStarted, "decoded ahead for an editor", 3_000);
  });

  it("compacts past the threshold once edits pause, with the document still open", async () => {
    const eager = await startCollab(database, { compactAfterUpdates: 5, compactQuietMs: 100 });
    try {
      const a = connectClient({ serverUrl: eager.serverUrl, document: doc, cookie: await sessionCookie(database, world.people.leadA.id), origin: ORIGIN });
      clients.push(a);
      await a.synced();
      for (let i = 0; i < 8; i++) {
        appendRows(a.doc, [{ barrier: `Burst ${i}` }]);
        await new Promise((r) => setTimeout(r, 10));
      }
      let pending = await pendingUpdates(doc);
      const started = Date.now();
      while (pending > 0 && Date.now() - started < 5_000) {
        await new Promise((r) => setTimeout(r, 50));
        pending = await pendingUpdates(doc);
      }
      expect(pending).toBe(0);
      expect(eager.collab.rooms.has(doc)).toBe(true);
      const fresh = connectClient({ serverUrl: eager.serverUrl, document: doc, cookie: await sessionCookie(database, world.people.leadA2.id), origin: ORIGIN });
      clients.push(fresh);
      await fresh.synced();
      expect(readRows(fresh.doc).filter((r) => r.barrier.startsWith("Burst"))).toHaveLength(8);
    } finally {
      for (const c of clients.splice(0)) c.destroy();
      await eager.close();
    }
  });
});
