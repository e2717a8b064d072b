import { sql } from "drizzle-orm";
import type { Tx } from "./client";

/**
 * Waits for, then holds until the transaction ends, the lock named `name` (a transaction-level
 * advisory lock on its hash). For writers that rewrite or judge a whole set of rows together (a
 * document's projection, a collaborative's members) and so must take turns, where no single row
 * could be locked instead. Names are "<kind>:<id>"; a hash collision only makes two unrelated
 * writers wait for each other, never lets two of one kind in at once.
 */
export async function takeTurn(tx: Tx, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
}
