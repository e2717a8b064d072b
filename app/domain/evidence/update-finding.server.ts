import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceFindings, type FindingKind } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";
import { canEditItem } from "~/policies/evidence";
import { cannotChangePart, holdPrivate, loadItem, recordEvent } from "./events.server";
import { findingInputSchema, parsedOrInvalid } from "./part-input";

/**
 * Corrects a finding of a private item (its wording, or whether it is an issue or a quote), with
 * the add form's rules. The history records which of the two changed, never the text.
 */
export async function updateFinding(database: Database, actor: Actor, input: { itemId: string; findingId: string; kind: FindingKind; text: string }): Promise<void> {
  const { findingKind: kind, findingText: text } = parsedOrInvalid(findingInputSchema, { findingKind: input.kind, findingText: input.text });
  await withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canEditItem(policyActor(actor), item)) throw cannotChangePart(actor, item, "change findings");
    await holdPrivate(tx, item.id);
    if (!isUuid(input.findingId)) throw notFound("Finding not found");
    const [before] = await tx
      .select({ kind: evidenceFindings.kind, text: evidenceFindings.text })
      .from(evidenceFindings)
      .where(and(eq(evidenceFindings.id, input.findingId), eq(evidenceFindings.itemId, item.id)));
    if (!before) throw notFound("Finding not found: it may have been removed");
    const fields = [...(before.text !== text ? ["text"] : []), ...(before.kind !== kind ? ["kind"] : [])];
    if (!fields.length) return;
    await tx.update(evidenceFindings).set({ kind, text }).where(eq(evidenceFindings.id, input.findingId));
    await recordEvent(tx, actor, item, "finding_edited", { findingId: input.findingId, fields });
  });
}
