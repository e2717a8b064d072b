import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { countLockUse } from "./pglite-locks";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  kind: "pglite" | "postgres";
  /**
   * The owner connection. Only migrations, seeding and the auth module use it directly;
   * everything else goes through `withTenant`, which drops to the app role.
   */
  db: Db;
  /** postgres.js client, when on PostgreSQL (LISTEN/NOTIFY). */
  pg?: postgres.Sql;
  /** The PGlite instance, when embedded. */
  pglite?: PGlite;
  /** Where the embedded database lives, or a redacted URL. */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  /** PGlite data directory; "memory://" for a throwaway database. */
  pgliteDir?: string;
  /** A PGlite dump to start from (tests). */
  loadDataDir?: Blob | File;
  /** Pool size on PostgreSQL. */
  max?: number;
  /** PGlite's buffer pool (PostgreSQL's `shared_buffers`), default `DEFAULT_PGLITE_SHARED_BUFFERS`. */
  sharedBuffers?: string;
}

/**
 * PGlite reads and writes real files, so the operating system's page cache already holds the hot
 * pages; PostgreSQL's default pool of 128 MB inside the WebAssembly memory was a second copy that
 * kept ~90 MB more resident in the app's process. A large process measurably lengthens the
 * collaboration server's latency tail on the machines we run on (README, "Measured").
 */
export const DEFAULT_PGLITE_SHARED_BUFFERS = "16MB";

/**
 * The one database client factory. PGlite does not lock its directory and two instances on one
 * directory silently diverge, so a process opens its database once (server/) and hands it down.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) {
    const pg = postgres(options.databaseUrl, {
      max: options.max ?? 10,
      onnotice: () => {},
      connection: { application_name: "peff" },
    });
    const db = drizzlePostgres({ client: pg, schema, casing: "snake_case" }) as unknown as Db;
    return {
      kind: "postgres",
      db,
      pg,
      location: redactUrl(options.databaseUrl),
      close: () => pg.end({ timeout: 5 }),
    };
  }
  const dir = options.pgliteDir ?? "./data";
  const inMemory = dir.startsWith("memory://");
  if (!inMemory) mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  if (!inMemory && !options.loadDataDir && !existsSync(path.join(dir, "PG_VERSION"))) await createPgliteDirectory(dir);
  const pglite = await PGlite.create({
    dataDir: inMemory ? undefined : dir,
    loadDataDir: options.loadDataDir,
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${options.sharedBuffers ?? DEFAULT_PGLITE_SHARED_BUFFERS}`],
  });
  countLockUse(pglite);
  // A new 16 MB WAL file is zero-filled by default, synchronously, inside whichever statement
  // needs it: on the embedded database that stalled everything for ~130 ms every few thousand
  // edits. Off, the file is only sized (the documented alternative; PGlite runs with fsync off).
  await pglite.exec("set wal_init_zero = off");
  const db = drizzlePglite({ client: pglite, schema, casing: "snake_case" }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    pglite,
    location: dir,
    close: () => pglite.close(),
  };
}

/** Runs PGlite's initdb in a short-lived child process (see pglite-create.mjs). */
function createPgliteDirectory(dir: string): Promise<void> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "pglite-create.mjs");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir], { stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`Could not create the embedded database in ${dir}: ${errors.trim() || `exit code ${code}`}`)),
    );
  });
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres";
  }
}

/** Rows of a raw `execute()`: PGlite answers `{ rows }`, postgres.js an array. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
