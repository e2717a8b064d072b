import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { appendRows, readRows } from "../../app/lib/register/model";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { connectClient, waitFor } from "./support/client";
import { ensureRegister, ORIGIN, sessionCookie } from "./support/server";
import { killed, spawnCollabProcess, type ChildServer } from "./support/spawn";

// PGlite is one process by nature (it does not lock its directory): the NOTIFY path is PostgreSQL's.
const postgres = Boolean(process.env.DATABASE_URL);

let database: Database;
let world: World;
const servers: ChildServer[] = [];

beforeAll(async () => {
  if (!postgres) return;
  database = await openTestDatabase();
  world = await createWorld(database);
  await ensureRegister(database, world.collaboratives.x);
  servers.push(await spawnCollabProcess({}), await spawnCollabProcess({}));
});
afterAll(async () => {
  for (const s of servers) {
    s.child.kill("SIGTERM");
    await killed(s.child);
  }
  await database?.close();
});

describe.skipIf(!postgres)("two server processes on one PostgreSQL", () => {
  it("converge: an update stored by one reaches the other's clients through NOTIFY", async () => {
    const document = `register:${world.collaboratives.x}`;
    const a = connectClient({ serverUrl: servers[0]!.serverUrl, document, cookie: await sessionCookie(database, world.people.leadA.id), origin: ORIGIN });
    const b = connectClient({ serverUrl: servers[1]!.serverUrl, document, cookie: await sessionCookie(database, world.people.leadA2.id), origin: ORIGIN });
    try {
      await Promise.all([a.synced(), b.synced()]);
      appendRows(a.doc, [{ barrier: "From process one" }]);
      appendRows(b.doc, [{ barrier: "From process two" }]);
      const same = () => JSON.stringify(readRows(a.doc)) === JSON.stringify(readRows(b.doc));
      await waitFor(() => same() && readRows(a.doc).length === 2, "convergence across processes");
      expect(readRows(b.doc).map((r) => r.barrier).sort()).toEqual(["From process one", "From process two"]);
    } finally {
      a.destroy();
      b.destroy();
    }
  });
});
