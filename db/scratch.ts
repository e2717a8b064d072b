import postgres from "postgres";
import { openDatabase, type Database } from "./client";
import { migrateDatabase } from "./migrate";

/**
 * A new, migrated database on the PostgreSQL server at `url`, dropped by `dispose` (tests that
 * seed, benchmarks). Its name starts with `prefix` and is unique.
 */
export async function createScratchDatabase(url: string, prefix: string, max = 4): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await admin.unsafe(`create database "${name}"`);
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: scratchUrl.toString(), max });
  await migrateDatabase(database, scratchUrl.toString());
  return {
    database,
    dispose: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** A benchmark's database: a scratch one on `DATABASE_URL` when set, else a fresh in-memory PGlite. */
export async function openBenchDatabase(prefix: string): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) return createScratchDatabase(url, prefix);
  const database = await openDatabase({ pgliteDir: "memory://" });
  await migrateDatabase(database);
  return { database, dispose: () => database.close() };
}
