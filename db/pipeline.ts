import type { Database } from "./client";

/** One parameterised statement. */
export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * Runs statements in ONE transaction on the owner connection and returns each one's rows. On
 * PostgreSQL the transaction is pipelined: BEGIN, the statements (prepared once per connection)
 * and COMMIT leave in one write, so a whole commit costs one round trip. On PGlite, which runs in
 * this process, they simply follow each other.
 *
 * This is a primitive for statements that do their own tenancy (the collaboration server's
 * `collab_append_update`, which sets the sender's context and drops to the app role before
 * inserting): anything else goes through `withTenant`. If a statement fails, the transaction
 * rolls back and the promise rejects with its error.
 */
export async function runInOneTransaction(database: Database, statements: Statement[]): Promise<Record<string, unknown>[][]> {
  if (statements.length === 0) return [];
  // One statement is a transaction of its own (its transaction-local settings end with it).
  if (statements.length === 1) return [await runOne(database, statements[0]!)];
  if (database.kind === "postgres" && database.pg) {
    const conn = await database.pg.reserve();
    try {
      const queries = [
        conn.unsafe("begin"),
        ...statements.map((s) => conn.unsafe(s.text, s.params as never[], { prepare: true })),
        conn.unsafe("commit"),
      ];
      const settled = await Promise.allSettled(queries);
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) {
        // COMMIT after an error ends the transaction as a rollback; make sure, then report.
        await conn.unsafe("rollback").catch(() => {});
        throw failed.reason;
      }
      return settled.slice(1, -1).map((r) => [...(r as PromiseFulfilledResult<Record<string, unknown>[]>).value]);
    } finally {
      conn.release();
    }
  }
  return database.pglite!.transaction(async (tx) => {
    const out: Record<string, unknown>[][] = [];
    for (const s of statements) out.push((await tx.query<Record<string, unknown>>(s.text, s.params)).rows);
    return out;
  });
}

async function runOne(database: Database, s: Statement): Promise<Record<string, unknown>[]> {
  if (database.kind === "postgres" && database.pg) return [...(await database.pg.unsafe(s.text, s.params as never[], { prepare: true }))];
  return (await database.pglite!.query<Record<string, unknown>>(s.text, s.params)).rows;
}
