import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceAttachments } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";
import { canEditItem } from "~/policies/evidence";
import { cannotChangePart, holdPrivate, loadItem, recordEvent } from "./events.server";

/**
 * Removes a file (attached by mistake, say) from a private item, with its text. The history keeps
 * the file's id, never its name (which may hold personal data): its "Attached a file" line then
 * says "A file since removed".
 */
export async function removeAttachment(database: Database, actor: Actor, input: { itemId: string; attachmentId: string }): Promise<void> {
  await withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canEditItem(policyActor(actor), item)) throw cannotChangePart(actor, item, "remove files");
    await holdPrivate(tx, item.id);
    if (!isUuid(input.attachmentId)) throw notFound("File not found");
    const [removed] = await tx
      .delete(evidenceAttachments)
      .where(and(eq(evidenceAttachments.id, input.attachmentId), eq(evidenceAttachments.itemId, item.id)))
      .returning({ size: evidenceAttachments.size });
    if (!removed) throw notFound("File not found: it may have been removed already");
    await recordEvent(tx, actor, item, "file_removed", { attachmentId: input.attachmentId, size: removed.size });
  });
}
