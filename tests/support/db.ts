import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../db/client";

/** A database for one test file: a private PGlite from the migrated dump, or the shared PostgreSQL. */
export async function openTestDatabase(options: { max?: number } = {}): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return openDatabase({ databaseUrl: url, max: options.max ?? 10 });
  const dumpPath = inject("pgliteDump");
  if (!dumpPath) throw new Error("The test global setup did not provide a PGlite dump");
  const bytes = await readFile(dumpPath);
  return openDatabase({ pgliteDir: "memory://", loadDataDir: new Blob([bytes]) });
}

/**
 * An empty, freshly migrated database of its own, for tests that need one (seeding). On
 * PostgreSQL a new database is created on the same server and dropped by `dispose`.
 */
export async function openScratchDatabase(): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openTestDatabase();
    return { database, dispose: () => database.close() };
  }
  const { createScratchDatabase } = await import("../../db/scratch");
  return createScratchDatabase(url, "peff_scratch", 2);
}
