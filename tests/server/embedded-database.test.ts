import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_PGLITE_SHARED_BUFFERS, openDatabase, rowsOf, type Database } from "../../db/client";
import { loadEnv } from "../../server/env";

// The embedded database: created on first start (in a child process, so the serving process
// never carries initdb's memory), with a small buffer pool of its own.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "peff-embedded-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sharedBuffers = async (database: Database) =>
  rowsOf<{ shared_buffers: string }>(await database.db.execute(sql`show shared_buffers`))[0]!.shared_buffers;

it.skipIf(Boolean(process.env.DATABASE_URL))("creates a new data directory, then opens it with the default buffer pool; later opens reuse it", async () => {
  const pgliteDir = path.join(dir, "nested", "data");
  const first = await openDatabase({ pgliteDir });
  try {
    expect(existsSync(path.join(pgliteDir, "PG_VERSION"))).toBe(true);
    expect(await sharedBuffers(first)).toBe(DEFAULT_PGLITE_SHARED_BUFFERS);
    await first.db.execute(sql`create table kept (v text)`);
    await first.db.execute(sql`insert into kept values ('still here')`);
  } finally {
    await first.close();
  }
  const again = await openDatabase({ pgliteDir, sharedBuffers: "8MB" });
  try {
    expect(await sharedBuffers(again)).toBe("8MB");
    expect(rowsOf<{ v: string }>(await again.db.execute(sql`select v from kept`))).toEqual([{ v: "still here" }]);
  } finally {
    await again.close();
  }
}, 120_000);

it.skipIf(Boolean(process.env.DATABASE_URL))("says clearly when the data directory cannot be created", async () => {
  const file = path.join(dir, "a-file");
  await writeFile(file, "not a directory");
  await expect(openDatabase({ pgliteDir: path.join(file, "data") })).rejects.toThrow();
  const blocked = path.join(dir, "blocked");
  await writeFile(blocked, "");
  await expect(openDatabase({ pgliteDir: blocked })).rejects.toThrow(/Could not create the embedded database in .*blocked/);
}, 120_000);

it("checks PGLITE_SHARED_BUFFERS at start", () => {
  const env = (values: Record<string, string>) => loadEnv(values as NodeJS.ProcessEnv);
  expect(env({ PGLITE_SHARED_BUFFERS: "32MB" }).PGLITE_SHARED_BUFFERS).toBe("32MB");
  expect(env({}).PGLITE_SHARED_BUFFERS).toBeUndefined();
  expect(() => env({ PGLITE_SHARED_BUFFERS: "lots" })).toThrow(/PGLITE_SHARED_BUFFERS: a size such as 16MB/);
});
