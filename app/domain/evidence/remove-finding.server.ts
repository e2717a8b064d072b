import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceFindings } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";
import { canEditItem } from "~/policies/evidence";
import { cannotChangePart, holdPrivate, loadItem, recordEvent } from "./events.server";

/** Removes a finding of a private item, and its tags with it (evidence_tags.finding_id cascades). */
export async function removeFinding(database: Database, actor: Actor, input: { itemId: string; findingId: string }): Promise<void> {
  await withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canEditItem(policyActor(actor), item)) throw cannotChangePart(actor, item, "remove findings");
    await holdPrivate(tx, item.id);
    if (!isUuid(input.findingId)) throw notFound("Finding not found");
    const [removed] = await tx
      .delete(evidenceFindings)
      .where(and(eq(evidenceFindings.id, input.findingId), eq(evidenceFindings.itemId, item.id)))
      .returning({ kind: evidenceFindings.kind });
    if (!removed) throw notFound("Finding not found: it may have been removed already");
    await recordEvent(tx, actor, item, "finding_removed", { findingId: input.findingId, kind: removed.kind });
  });
}
