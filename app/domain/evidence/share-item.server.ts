import { eq } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { evidenceAttachments, evidenceFindings, evidenceItems, evidenceRecommendations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { conflict, forbidden, invalid } from "~/domain/errors";
import { PII_LABELS, redact } from "~/lib/pii/scan";
import { canShareItem } from "~/policies/evidence";
import { loadItem, recordEvent } from "./events.server";
import { hitsIn, itemFields, type ItemHit } from "./scan-item.server";

/** What sharing would find: every likely piece of personal data, in context. Only those who may share see it. */
export async function previewShare(database: Database, actor: Actor, input: { itemId: string }): Promise<{ hits: ItemHit[]; title: string; sharedAt: Date | null }> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canShareItem(policyActor(actor), item)) throw forbidden("Only the owner organisation's equality lead can share this item");
    return { hits: hitsIn(await itemFields(tx, item.id)), title: item.title, sharedAt: item.sharedAt };
  });
}

/**
 * Shares an item with the collaborative. The scan runs again here (the text may have changed
 * since the preview), every hit must have a decision, the chosen ones are redacted, and the
 * history records who shared, and the kind and place of each redaction (never the redacted value).
 */
export async function shareItem(database: Database, actor: Actor, input: { itemId: string; decisions: Record<string, "redact" | "keep"> }): Promise<{ redacted: number; kept: number }> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canShareItem(policyActor(actor), item)) throw forbidden("Only the owner organisation's equality lead can share this item");
    if (item.sharedAt) throw conflict("This item is already shared");
    const fields = await itemFields(tx, item.id);
    const hits = hitsIn(fields);
    const undecided = hits.filter((h) => !input.decisions[h.id]);
    if (undecided.length) throw invalid(Object.fromEntries(undecided.map((h) => [`decision-${h.id}`, `Choose whether to redact or keep this ${PII_LABELS[h.kind]}`])), "Decide on every possible piece of personal data before sharing");
    const chosen = hits.filter((h) => input.decisions[h.id] === "redact");
    for (const field of fields) {
      const mine = chosen.filter((h) => h.field === field.key);
      if (mine.length) await writeField(tx, item.id, field.key, redact(field.text, mine));
    }
    await tx.update(evidenceItems).set({ sharedAt: new Date(), sharedBy: actor.userId }).where(eq(evidenceItems.id, item.id));
    if (chosen.length) {
      await recordEvent(tx, actor, item, "redacted", { redactions: chosen.map((h) => ({ where: h.fieldLabel, kind: PII_LABELS[h.kind] })) });
    }
    await recordEvent(tx, actor, item, "shared", { redacted: chosen.length, confirmed: hits.length - chosen.length });
    return { redacted: chosen.length, kept: hits.length - chosen.length };
  });
}

async function writeField(tx: Tx, itemId: string, key: string, text: string) {
  const [kind, id] = key.split(":") as [string, string | undefined];
  if (kind === "title") await tx.update(evidenceItems).set({ title: text }).where(eq(evidenceItems.id, itemId));
  if (kind === "summary") await tx.update(evidenceItems).set({ summary: text }).where(eq(evidenceItems.id, itemId));
  if (kind === "services") await tx.update(evidenceItems).set({ services: text }).where(eq(evidenceItems.id, itemId));
  if (kind === "finding") await tx.update(evidenceFindings).set({ text }).where(eq(evidenceFindings.id, id!));
  if (kind === "recommendation") await tx.update(evidenceRecommendations).set({ text }).where(eq(evidenceRecommendations.id, id!));
  if (kind === "response") await tx.update(evidenceRecommendations).set({ response: text }).where(eq(evidenceRecommendations.id, id!));
  if (kind === "attachment") await tx.update(evidenceAttachments).set({ extractedText: text, redacted: true }).where(eq(evidenceAttachments.id, id!));
}
