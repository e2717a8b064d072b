import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import * as Y from "yjs";
import { base64Of, bytesValue, fromBase64 } from "#db/bytes";
import type { Database } from "#db/client";
import { collabSnapshots, collabUpdates } from "#db/schema";
import { withTenant, type TenantContext } from "#db/tenant";
import { loadDocumentState, NOTIFY_CHANNEL } from "~/domain/collab/document-store.server";

export { NOTIFY_CHANNEL };

/** Loads a document's stored state (see `loadDocumentState`). */
export async function loadDocument(database: Database, tenant: TenantContext, document: string): Promise<Uint8Array[]> {
  return withTenant(database, tenant, (tx) => loadDocumentState(tx, document));
}

/** Payloads of updates another process stored, by id (ids are all NOTIFY carries). */
export async function fetchUpdates(database: Database, tenant: TenantContext, document: string, ids: number[]): Promise<Uint8Array[]> {
  return withTenant(database, tenant, async (tx) => {
    const rows = await tx
      .select({ payload: base64Of(collabUpdates.payload) })
      .from(collabUpdates)
      .where(and(eq(collabUpdates.document, document), inArray(collabUpdates.id, ids), isNotNull(collabUpdates.payload)))
      .orderBy(collabUpdates.id);
    return rows.map((r) => fromBase64(r.payload));
  });
}

/**
 * Merges the snapshot and every stored update into a new snapshot and clears the merged
 * payloads, in one transaction. It merges what is in the database (not this process's memory),
 * so another process's updates are never dropped; the snapshot row lock serialises compactions.
 */
export async function compactDocument(
  database: Database,
  tenant: TenantContext,
  owner: { collaborativeId: string; orgId: string | null },
  document: string,
): Promise<number> {
  const { collaborativeId, orgId } = owner;
  return withTenant(database, tenant, async (tx) => {
    await tx.execute(sql`select 1 from collab_snapshots where document = ${document} for update`);
    const [snapshot] = await tx.select({ state: base64Of(collabSnapshots.state) }).from(collabSnapshots).where(eq(collabSnapshots.document, document));
    const pending = await tx
      .select({ id: collabUpdates.id, payload: base64Of(collabUpdates.payload) })
      .from(collabUpdates)
      .where(and(eq(collabUpdates.document, document), isNotNull(collabUpdates.payload)))
      .orderBy(collabUpdates.id);
    if (pending.length === 0) return 0;
    const parts = [...(snapshot ? [fromBase64(snapshot.state)] : []), ...pending.map((p) => fromBase64(p.payload))];
    const state = bytesValue(Y.mergeUpdates(parts));
    await tx
      .insert(collabSnapshots)
      .values({ document, collaborativeId, orgId, state })
      .onConflictDoUpdate({ target: collabSnapshots.document, set: { state, updatedAt: new Date() } });
    const ids = pending.map((p) => p.id);
    for (let i = 0; i < ids.length; i += 5000) {
      await tx.update(collabUpdates).set({ payload: null }).where(inArray(collabUpdates.id, ids.slice(i, i + 5000)));
    }
    return ids.length;
  });
}
