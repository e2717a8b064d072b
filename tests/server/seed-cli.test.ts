import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { collaboratives } from "../../db/schema";

// `npm run db:seed` resets the database: it must refuse when real (non-demo) data is there.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "peff-seed-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it.skipIf(Boolean(process.env.DATABASE_URL))("refuses to reseed a database holding a real collaborative, changing nothing", async () => {
  const pgliteDir = path.join(dir, "data");
  const database = await openDatabase({ pgliteDir });
  await migrateDatabase(database);
  await database.db.insert(collaboratives).values({ name: "A real forum", isDemo: false });
  await database.close();

  const run = spawnSync(process.execPath, ["--import", "tsx", "server/cli/seed.ts"], {
    env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: "", NODE_ENV: "development" },
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/Refusing to reseed .* 1 real \(non-demo\) collaborative/);

  const after = await openDatabase({ pgliteDir });
  const rows = await after.db.select({ name: collaboratives.name }).from(collaboratives);
  await after.close();
  expect(rows).toEqual([{ name: "A real forum" }]);
}, 180_000);
