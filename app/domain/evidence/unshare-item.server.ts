import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceItems } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { conflict, forbidden } from "~/domain/errors";
import { canShareItem } from "~/policies/evidence";
import { loadItem, recordEvent } from "./events.server";

/** Makes a shared item private to its organisation again; the history keeps that it was shared. */
export async function unshareItem(database: Database, actor: Actor, input: { itemId: string }): Promise<void> {
  await withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canShareItem(policyActor(actor), item)) throw forbidden("Only the owner organisation's equality lead can unshare this item");
    if (!item.sharedAt) throw conflict("This item is not shared");
    await tx.update(evidenceItems).set({ sharedAt: null, sharedBy: null }).where(eq(evidenceItems.id, item.id));
    await recordEvent(tx, actor, item, "unshared");
  });
}
