import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import * as Y from "yjs";
import { openDatabase, type Database } from "../../db/client";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { connectClient, waitFor } from "./support/client";
import { ensureRegister, ORIGIN, sessionCookie } from "./support/server";
import { killed, spawnCollabProcess, type ChildServer } from "./support/spawn";

/**
 * The server is killed (SIGKILL) in the middle of a burst of edits and restarted: every edit that
 * any other client had received is still there. On PGlite the server process owns the data
 * directory, so the fixtures are written first and the directory handed over.
 */
let dir: string | null = null;
let env: Record<string, string>;
let world: World;
let cookies: { writer: string; watcher: string; checker: string };

beforeAll(async () => {
  let database: Database;
  if (process.env.DATABASE_URL) {
    database = await openTestDatabase();
    env = {};
  } else {
    dir = await mkdtemp(path.join(os.tmpdir(), "peff-crash-"));
    const dump = await readFile(inject("pgliteDump")!);
    database = await openDatabase({ pgliteDir: path.join(dir, "data"), loadDataDir: new Blob([dump]) });
    env = { PGLITE_DIR: path.join(dir, "data"), DATABASE_URL: "" };
  }
  world = await createWorld(database);
  await ensureRegister(database, world.collaboratives.x);
  cookies = {
    writer: await sessionCookie(database, world.people.leadA.id),
    watcher: await sessionCookie(database, world.people.leadA2.id),
    checker: await sessionCookie(database, world.people.contributorA.id),
  };
  await database.close();
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("crash safety", () => {
  it("keeps every edit another client had received when the server is SIGKILLed mid-burst", async () => {
    const document = `register:${world.collaboratives.x}`;
    let server: ChildServer = await spawnCollabProcess(env);
    const writer = connectClient({ serverUrl: server.serverUrl, document, cookie: cookies.writer, origin: ORIGIN });
    const watcher = connectClient({ serverUrl: server.serverUrl, document, cookie: cookies.watcher, origin: ORIGIN });
    await Promise.all([writer.synced(), watcher.synced()]);
    const log = writer.doc.getArray<number>("burst");
    const seen = watcher.doc.getArray<number>("burst");

    let sent = 0;
    const burst = setInterval(() => log.push([sent++]), 2);
    await waitFor(() => seen.length >= 50, "watcher receives part of the burst", 10_000);
    server.child.kill("SIGKILL");
    await killed(server.child);
    clearInterval(burst);
    // Stop the clients reconnecting to a new server with their copies: the check must see only what the server stored.
    writer.provider.disconnect();
    watcher.provider.disconnect();
    const received = seen.toArray();
    expect(received.length).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(received.length);

    server = await spawnCollabProcess(env);
    try {
      const checker = connectClient({ serverUrl: server.serverUrl, document, cookie: cookies.checker, origin: ORIGIN, doc: new Y.Doc() });
      await checker.synced();
      const stored = new Set(checker.doc.getArray<number>("burst").toArray());
      expect(received.filter((n) => !stored.has(n))).toEqual([]);
      checker.destroy();
    } finally {
      server.child.kill("SIGKILL");
      await killed(server.child);
      writer.destroy();
      watcher.destroy();
    }
  }, 90_000);
});
