import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { collabUpdates, registerRows } from "../../db/schema";
import { withOwner } from "../../db/tenant";
import { importRegisterRows } from "../../app/domain/register/import-register-rows.server";
import { appendRows, readRows } from "../../app/lib/register/model";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { connectClient, waitFor, type TestClient } from "./support/client";
import { ensureRegister, ORIGIN, sessionCookie, startCollab, type RunningCollab } from "./support/server";

let database: Database;
let world: World;
let server: RunningCollab;
const clients: TestClient[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await ensureRegister(database, world.collaboratives.x);
  server = await startCollab(database, { connectsPerMinute: 1000, projectionDelayMs: 100 });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
  await database?.close();
});

const projected = () =>
  withOwner(database, (tx) => tx.select().from(registerRows).where(eq(registerRows.collaborativeId, world.collaboratives.x)).orderBy(asc(registerRows.position)));

async function waitForRows(check: (rows: Awaited<ReturnType<typeof projected>>) => boolean, what: string) {
  const start = Date.now();
  while (!check(await projected())) {
    if (Date.now() - start > 5_000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("a register import while the register is open", () => {
  it("reaches open pages live, and the open document projects again so the SQL copy keeps every row", async () => {
    const open = connectClient({ serverUrl: server.serverUrl, document: `register:${world.collaboratives.x}`, cookie: await sessionCookie(database, world.people.leadA.id), origin: ORIGIN });
    clients.push(open);
    await open.synced();
    const [typed] = appendRows(open.doc, [{ barrier: "Typed live" }]);
    // The first edit of a freshly loaded document is projected and attributed to its row too.
    await waitForRows((rows) => rows.some((r) => r.barrier === "Typed live"), "the typed row's projection");
    const [first] = await withOwner(database, (tx) =>
      tx.select().from(collabUpdates).where(eq(collabUpdates.document, `register:${world.collaboratives.x}`)).orderBy(asc(collabUpdates.id)),
    );
    expect(first).toMatchObject({ userId: world.people.leadA.id, rowKeys: [typed] });

    // Someone of another organisation of the collaborative imports, through a request.
    const outcome = await importRegisterRows(database, world.actors.leadA2, { name: "rows.csv", bytes: new TextEncoder().encode("Barrier\nImported while open\n") });
    expect(outcome).toMatchObject({ ok: true, imported: 1 });
    const importedAt = Math.max(...(await projected()).map((r) => r.projectedAt.getTime()));
    await waitFor(() => readRows(open.doc).some((r) => r.barrier === "Imported while open"), "the imported row, live");
    expect(readRows(open.doc).map((r) => r.barrier)).toEqual(["Typed live", "Imported while open"]);

    // The room projects its document again once it has the import (so a projection of its own
    // that raced the import cannot leave the row out).
    await waitForRows((rows) => rows.every((r) => r.projectedAt.getTime() > importedAt) && rows.length === 2, "the room's projection after the import");
    expect((await projected()).map((r) => r.barrier)).toEqual(["Typed live", "Imported while open"]);
  });
});
