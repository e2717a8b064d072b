import type { PGlite } from "@electric-sql/pglite";
import type { Database } from "./client";
import { isIdle } from "./pglite-locks";
import { OutputBuffer, ProtocolWriter, readExchange } from "./pglite-protocol";

/**
 * A statement prepared once per connection and executed many times, with text parameters.
 * Declare every parameter `$n::text` and cast it in the SQL (`$1::text::uuid`): postgres.js
 * re-serialises a value by its described type (the string "true" for a boolean becomes false).
 */
export interface Prepared {
  /** Unique per statement text. */
  name: string;
  text: string;
}

/** Parameters in text form, as Postgres reads them (see `textArray`). */
export type TextParams = (string | null)[];

/**
 * Executes `statement` once per parameter list, all in ONE transaction on the owner connection,
 * and returns each execution's rows as arrays of text values. If any execution fails, nothing is
 * kept and the promise rejects with its error.
 *
 * - PostgreSQL: BEGIN, the executions (prepared per connection) and COMMIT leave in one write,
 *   so a commit costs one round trip.
 * - PGlite: the executions and one Sync go into the engine in one call, which makes them one
 *   implicit transaction (the extended protocol commits at Sync). PGlite's own `query()` makes
 *   six calls and a re-parse per statement; this is about twice as fast, which is what the
 *   collaboration server's every stored edit pays. The messages and the answer are written and
 *   read directly (`pglite-protocol.ts`).
 *
 * This is a primitive for statements that do their own tenancy (`collab_append_update` sets the
 * sender's context and drops to the app role before inserting); anything else uses `withTenant`.
 */
export async function executeMany(database: Database, statement: Prepared, paramLists: TextParams[]): Promise<(string | null)[][][]> {
  if (paramLists.length === 0) return [];
  if (database.kind === "postgres" && database.pg) return executeOnPostgres(database.pg, statement, paramLists);
  return executeOnPglite(database.pglite!, statement, paramLists);
}

async function executeOnPostgres(pg: NonNullable<Database["pg"]>, statement: Prepared, paramLists: TextParams[]) {
  const rowsOf = (rows: Record<string, unknown>[]) => rows.map((r) => Object.values(r).map((v) => (v === null ? null : String(v))));
  if (paramLists.length === 1) return [rowsOf(await pg.unsafe(statement.text, paramLists[0] as never[], { prepare: true }))];
  const conn = await pg.reserve();
  try {
    const queries = [conn.unsafe("begin"), ...paramLists.map((p) => conn.unsafe(statement.text, p as never[], { prepare: true })), conn.unsafe("commit")];
    const settled = await Promise.allSettled(queries);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) {
      // COMMIT after an error ends the transaction as a rollback; make sure, then report.
      await conn.unsafe("rollback").catch(() => {});
      throw failed.reason;
    }
    return settled.slice(1, -1).map((r) => rowsOf([...(r as PromiseFulfilledResult<Record<string, unknown>[]>).value]));
  } finally {
    conn.release();
  }
}

/** Per PGlite instance (one backend session each): its prepared statements and reused buffers. */
interface Session {
  prepared: Set<string>;
  writer: ProtocolWriter;
  output: OutputBuffer;
}
const sessions = new WeakMap<PGlite, Session>();

function executeOnPglite(pglite: PGlite, statement: Prepared, paramLists: TextParams[]) {
  // Nobody in the engine or waiting for it: the exchange runs now, as one synchronous call.
  // Otherwise both locks, as PGlite's own query() takes them: never inside someone else's
  // open transaction.
  if (isIdle(pglite)) return exchange(pglite, statement, paramLists);
  return pglite._runExclusiveTransaction(() => pglite.runExclusive(() => exchange(pglite, statement, paramLists)));
}

async function exchange(pglite: PGlite, statement: Prepared, paramLists: TextParams[]) {
  let session = sessions.get(pglite);
  if (!session) sessions.set(pglite, (session = { prepared: new Set(), writer: new ProtocolWriter(), output: new OutputBuffer() }));
  const { prepared, writer, output } = session;
  writer.reset();
  if (!prepared.has(statement.name)) writer.parse(statement.name, statement.text);
  for (const values of paramLists) writer.bind(statement.name, values).execute();
  writer.sync();
  output.reset();
  // The raw stream hands the backend's output over as it is, skipping PGlite's parser; the
  // engine runs within this call (the promise only reports an engine failure). syncToFs: false,
  // as PGlite's own query() does for its inner calls. Its file systems in Node (the data
  // directory, memory://) write through, so the sync is a no-op, but asking for it queues
  // behind another lock: at 500 edits a second that alone made the slowest 1% take 200 ms.
  const ran = pglite.execProtocolRawStream(writer.bytes(), { syncToFs: false, onRawData: (chunk) => output.append(chunk) });
  const { results, parsed, error } = readExchange(output.bytes());
  await ran;
  if (parsed) prepared.add(statement.name);
  if (error) throw error;
  return results;
}

/** A text[] parameter in Postgres's array literal form: every element quoted, `"` and `\` escaped. */
export function textArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}
