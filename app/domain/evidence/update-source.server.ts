import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceSources } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { conflict, isUniqueViolation } from "~/domain/errors";
import { checkCharacteristics, checkNameFree, DUPLICATE_SOURCE, type SourceInput } from "./create-source.server";
import { loadEditableSource } from "./get-source.server";

/** Changes a source (its adding organisation's writers only); every item from it shows the change. */
export async function updateSource(database: Database, actor: Actor, sourceId: string, input: SourceInput): Promise<void> {
  await withTenant(database, tenantOf(actor), async (tx) => {
    await loadEditableSource(tx, actor, sourceId);
    await checkCharacteristics(tx, input.characteristicIds);
    await checkNameFree(tx, input.name, sourceId);
    try {
      await tx.update(evidenceSources).set(input).where(eq(evidenceSources.id, sourceId));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(DUPLICATE_SOURCE.message, DUPLICATE_SOURCE.fields);
      throw error;
    }
  });
}
