import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../../db/client";
import { openTestDatabase } from "../../support/db";
import { createWorld, type World } from "../../support/factories";
import { connectClient, type TestClient } from "./client";
import { ensureRegister, ORIGIN, sessionCookie, startCollab, type RunningCollab } from "./server";

/**
 * For one test file: a fresh world, a collaboration server on port 0, and collaborative x's
 * register; set up before the file's tests and closed (clients too) after them.
 */
export function useRegisterWorld() {
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
    server = await startCollab(database);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
    await database?.close();
  });

  return {
    get world() {
      return world;
    },
    /** A client of the register, signed in as `userId`, once synced. */
    async client(userId: string): Promise<TestClient> {
      const c = connectClient({ serverUrl: server.serverUrl, document: doc, cookie: await sessionCookie(database, userId), origin: ORIGIN });
      clients.push(c);
      await c.synced();
      return c;
    },
  };
}
