import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceSources } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { conflict, hasSqlState } from "~/domain/errors";
import { loadEditableSource } from "./get-source.server";

export const SOURCE_IN_USE = "Evidence items come from this source, so it cannot be deleted. Change it instead, or move those items to another source first.";

/**
 * Deletes a source no item comes from. Items of other organisations, private ones included, may
 * name it, and RLS hides those: the foreign key (23503) is what knows, so it is asked, not counted.
 */
export async function deleteSource(database: Database, actor: Actor, sourceId: string): Promise<void> {
  await withTenant(database, tenantOf(actor), async (tx) => {
    await loadEditableSource(tx, actor, sourceId);
    try {
      await tx.delete(evidenceSources).where(eq(evidenceSources.id, sourceId));
    } catch (error) {
      if (hasSqlState(error, "23503")) throw conflict(SOURCE_IN_USE);
      throw error;
    }
  });
}
