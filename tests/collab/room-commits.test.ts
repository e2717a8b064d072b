import { EventEmitter } from "node:events";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { WebSocket } from "ws";
import { messageYjsSyncStep2 } from "y-protocols/sync";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { DEFAULT_COLLAB_OPTIONS } from "../../server/collab";
import type { JournalEntry, UpdateJournal } from "../../server/collab/journal";
import { CLOSE, decodeMessage, MESSAGE_SYNC, syncStep1, updateMessage } from "../../server/collab/protocol";
import { Room, type Connection } from "../../server/collab/room";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { ensureRegister } from "./support/server";

/**
 * No client ever receives an edit that a crash could lose: a room broadcasts an update only once
 * its commit is done, and a sync answer, computed from the document (which holds the update being
 * stored), waits for that commit too. A failed commit closes the document. The journal here is a
 * stand-in whose commits the test completes (or fails) by hand.
 */

/** A socket as the room uses it: what it was sent, and how it was closed. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  sent: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;
  send(message: Uint8Array, done?: () => void) {
    this.sent.push(message);
    done?.();
  }
  close(code: number, reason: string) {
    if (this.readyState !== this.OPEN) return;
    this.readyState = 2;
    this.closedWith = { code, reason };
    this.emit("close");
  }
  /** A client's message arriving, as ws hands it over. */
  receive(message: Uint8Array) {
    this.emit("message", Buffer.from(message), true);
  }
  /** The Yjs payloads of the sync messages it was sent (updates and sync answers), in order. */
  payloads(): Uint8Array[] {
    return this.payloadsOf(this.sent);
  }
  /** The payloads of the sync answers (sync step 2) it was sent. */
  answers(): Uint8Array[] {
    return this.payloadsOf(this.sent.filter((m) => m[1] === messageYjsSyncStep2));
  }
  private payloadsOf(messages: Uint8Array[]) {
    return messages
      .filter((m) => m[0] === MESSAGE_SYNC)
      .flatMap((m) => {
        const message = decodeMessage(m);
        return message.kind === "update" ? [message.update] : [];
      });
  }
}

interface Commit {
  entries: JournalEntry[];
  resolve(): void;
  reject(error: Error): void;
}

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await ensureRegister(database, world.collaboratives.x);
});
afterAll(async () => {
  await database?.close();
});

function openRoom() {
  const commits: Commit[] = [];
  const journal = {
    append: (entries: JournalEntry[]) =>
      new Promise<number[]>((resolve, reject) =>
        commits.push({
          entries,
          resolve: () => resolve(entries.map((_, i) => i + 1)),
          reject,
        }),
      ),
  } as unknown as UpdateJournal;
  const x = world.collaboratives.x;
  const tenant = {
    userId: world.people.leadA.id,
    orgId: world.orgs.a,
    collaborativeId: x,
  };
  // A document type with no projection: only the order of commits and messages is under test.
  const type = {
    prefix: "register",
    isValidId: () => true,
    candidateContexts: () => [],
    access: async () => null,
  };
  const room = new Room(
    {
      database,
      journal,
      options: { ...DEFAULT_COLLAB_OPTIONS, compactAfterUpdates: 1_000_000 },
      onUnloaded: () => {},
      log: () => {},
    },
    { name: `register:${x}`, type, id: x },
    { collaborativeId: x, orgId: null, canWrite: true },
    tenant,
  );
  const join = () => {
    const ws = new FakeSocket();
    const conn: Connection = {
      ws: ws as unknown as WebSocket,
      tenant,
      sessionId: "session",
      role: "equality_lead",
      canWrite: true,
      identity: { id: tenant.userId, name: "Lead A", organisation: "Trust A", colour: "#005eb8" },
      awarenessIds: new Set(),
      revalidationSlot: 0,
      early: [],
      asked: false,
    };
    room.connect(conn);
    return ws;
  };
  return { room, commits, join };
}

/** An edit from a client of its own: the update it sends. */
function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const textOf = (payloads: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const p of payloads) Y.applyUpdate(doc, p);
  return doc.getText("t").toString();
};

describe("a room's commits", () => {
  it("broadcasts an update only once it is stored, and each of a sender's updates in the order sent", async () => {
    const { room, commits, join } = openRoom();
    const [a, watcher] = [join(), join()];
    await room.ready;
    // The second builds on the first: it replaces the text the first inserted.
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    doc.getText("t").insert(0, "draft");
    doc.transact(() => {
      doc.getText("t").delete(0, 5);
      doc.getText("t").insert(0, "final");
    });
    a.receive(updateMessage(updates[0]!));
    await vi.waitFor(() => expect(commits).toHaveLength(1));
    a.receive(updateMessage(updates[1]!));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(watcher.payloads()).toEqual([]);

    commits[0]!.resolve();
    await vi.waitFor(() => expect(watcher.payloads()).toEqual([updates[0]]));
    expect(a.payloads()).toEqual([]);
    await vi.waitFor(() => expect(commits).toHaveLength(2));
    expect(commits[1]!.entries.map((e) => e.payload)).toEqual([updates[1]]);
    commits[1]!.resolve();
    await vi.waitFor(() => expect(watcher.payloads()).toEqual([updates[0], updates[1]]));
    expect(textOf(watcher.payloads())).toBe("final");
    await room.shutdown();
  });

  it("sends a sync answer only once every update it carries is stored", async () => {
    const { room, commits, join } = openRoom();
    const [a] = [join()];
    await room.ready;
    a.receive(updateMessage(edit("stored")));
    await vi.waitFor(() => expect(commits).toHaveLength(1));
    commits[0]!.resolve();
    a.receive(updateMessage(edit("pending")));
    await vi.waitFor(() => expect(commits).toHaveLength(2));

    const newcomer = join();
    await new Promise((resolve) => setImmediate(resolve));
    newcomer.receive(syncStep1(new Y.Doc()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(newcomer.answers()).toEqual([]);

    commits[1]!.resolve();
    await vi.waitFor(() => expect(newcomer.answers()).toHaveLength(1));
    // Two clients' inserts at the start: Yjs orders them by client id.
    expect(["storedpending", "pendingstored"]).toContain(textOf(newcomer.answers()));
    await room.shutdown();
  });

  it("closes the document when a commit fails, and passes on nothing of it", async () => {
    const { room, commits, join } = openRoom();
    const [a, watcher] = [join(), join()];
    await room.ready;
    a.receive(updateMessage(edit("lost")));
    await vi.waitFor(() => expect(commits).toHaveLength(1));
    const newcomer = join();
    await new Promise((resolve) => setImmediate(resolve));
    newcomer.receive(syncStep1(new Y.Doc()));

    commits[0]!.reject(new Error("refused"));
    await vi.waitFor(() => expect(watcher.closedWith).toEqual(CLOSE.storageFailed));
    expect(a.closedWith).toEqual(CLOSE.storageFailed);
    expect(newcomer.closedWith).toEqual(CLOSE.storageFailed);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(watcher.payloads()).toEqual([]);
    expect(newcomer.payloads()).toEqual([]);
  });
});
