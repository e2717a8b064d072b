import { and, eq, sql } from "drizzle-orm";
import { base64Of } from "#db/bytes";
import type { Database } from "#db/client";
import { evidenceAttachments } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden, notFound } from "~/domain/errors";
import { filesLookedAtWhenShared } from "./events.server";
import { isUuid } from "~/lib/ids";

/**
 * A stored file, for download. Visible when its item is (RLS). Once sharing redacted personal
 * data from a file's text, the original file stays with its owner organisation: others read the
 * redacted text on the item page instead. A file with no text (a picture, a scanned PDF) could
 * not be checked: others download it only if the lead looked at it when sharing.
 */
export async function getAttachment(database: Database, actor: Actor, input: { itemId: string; attachmentId: string }) {
  if (![input.itemId, input.attachmentId].every(isUuid)) throw notFound("File not found");
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [row] = await tx
      .select({
        filename: evidenceAttachments.filename,
        contentType: evidenceAttachments.contentType,
        redacted: evidenceAttachments.redacted,
        orgId: evidenceAttachments.orgId,
        unreadable: sql<boolean>`btrim(${evidenceAttachments.extractedText}) = ''`,
        // As base64 (db/bytes.ts): ten times faster than bytea on the embedded database.
        data: base64Of(evidenceAttachments.data),
      })
      .from(evidenceAttachments)
      .where(and(eq(evidenceAttachments.id, input.attachmentId), eq(evidenceAttachments.itemId, input.itemId)));
    if (!row) throw notFound("File not found");
    if (row.redacted && row.orgId !== actor.active.orgId) throw forbidden("Personal data was redacted from this file's text before it was shared, so the original stays with its owner organisation");
    if (row.unreadable && row.orgId !== actor.active.orgId && !(await filesLookedAtWhenShared(tx, input.itemId))) {
      throw forbidden("This file could not be checked for personal data when the item was shared, so it stays with its owner organisation");
    }
    return { filename: row.filename, contentType: row.contentType, data: Buffer.from(row.data, "base64") };
  });
}
