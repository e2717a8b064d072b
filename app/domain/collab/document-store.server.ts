import { sql } from "drizzle-orm";
import { fromBase64 } from "#db/bytes";
import { rowsOf, type Tx } from "#db/client";
import { collabUpdates } from "#db/schema";

/** The channel on which stored updates are announced (ids only; the table is the data path). */
export const NOTIFY_CHANNEL = "peff_collab";

/**
 * A document's snapshot plus every update not yet compacted, in ONE statement, so a compaction
 * committing in between cannot make us read the old snapshot and the cleared updates. (As base64:
 * see db/bytes.ts.)
 */
export async function loadDocumentState(tx: Tx, document: string): Promise<Uint8Array[]> {
  const result = await tx.execute(sql`
    select encode(state, 'base64') as payload, 0::bigint as id from collab_snapshots where document = ${document}
    union all
    select encode(payload, 'base64'), id from collab_updates where document = ${document} and payload is not null
    order by id`);
  return rowsOf<{ payload: string }>(result).map((r) => fromBase64(r.payload));
}

/**
 * Stores an update made by the server on a person's behalf (a pulled action), inside the caller's
 * tenant transaction, and announces it: the collaboration server integrates it into the open
 * document (in this process or another) when the transaction commits.
 */
export async function storeServerUpdate(
  tx: Tx,
  update: { collaborativeId: string; orgId: string | null; document: string; userId: string; payload: Uint8Array; rowKeys: string[] },
): Promise<number> {
  const [row] = await tx.insert(collabUpdates).values(update).returning({ id: collabUpdates.id });
  await tx.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${`${update.document} ${row!.id}`})`);
  return row!.id;
}

/** The announcement's second word when access changed rather than updates stored. */
export const ACCESS_CHANGED = "access";

/**
 * Tells every collaboration server (in this process or another) that who may write `document`
 * changed (a plan archived, restored or deleted): each checks its open connections to it again when the
 * transaction commits, as it does every few seconds for sessions and roles.
 */
export async function announceAccessChange(tx: Tx, document: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${`${document} ${ACCESS_CHANGED}`})`);
}
