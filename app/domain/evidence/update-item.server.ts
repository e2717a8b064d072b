import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceItems } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden } from "~/domain/errors";
import { canEditItem } from "~/policies/evidence";
import { checkReferences } from "./check-references.server";
import { holdPrivate, loadItem, recordEvent } from "./events.server";
import type { ItemInput } from "./item-input";

/** Edits a private item of the actor's organisation; the history records which fields changed. */
export async function updateItem(database: Database, actor: Actor, input: { itemId: string; values: ItemInput }): Promise<void> {
  await withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canEditItem(policyActor(actor), item)) {
      throw forbidden(item.sharedAt ? "This item is shared: unshare it before editing, so it is checked for personal data again" : "You cannot edit this item");
    }
    await holdPrivate(tx, item.id);
    await checkReferences(tx, input.values);
    const [before] = await tx.select().from(evidenceItems).where(eq(evidenceItems.id, item.id));
    const changed = (Object.keys(input.values) as (keyof ItemInput)[]).filter((k) => JSON.stringify(before![k]) !== JSON.stringify(input.values[k]));
    if (!changed.length) return;
    await tx.update(evidenceItems).set({ ...input.values, updatedAt: new Date() }).where(eq(evidenceItems.id, item.id));
    await recordEvent(tx, actor, item, "edited", { fields: changed });
  });
}
