import { eq } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { evidenceAttachments, evidenceFindings, evidenceItems, evidenceRecommendations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden, invalid } from "~/domain/errors";
import { PII_LABELS, redact } from "~/lib/pii/scan";
import { canShareItem } from "~/policies/evidence";
import { holdForSharing, loadItem, recordEvent } from "./events.server";
import { hitsIn, itemFields, uncheckedFiles, type ItemHit, type UncheckedFile } from "./scan-item.server";
import { decisionField, fileField, isFilenameField, type FileDecision, type HitDecision } from "./share-fields";

/**
 * What sharing would find: every likely piece of personal data, in context, and the files the scan
 * could not read (no text came out of them), which a person must look at. Only those who may share see it.
 */
export async function previewShare(database: Database, actor: Actor, input: { itemId: string }): Promise<{ hits: ItemHit[]; unchecked: UncheckedFile[]; title: string; sharedAt: Date | null }> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canShareItem(policyActor(actor), item)) throw forbidden("Only the owner organisation's equality lead can share this item");
    return { hits: hitsIn(await itemFields(tx, item.id)), unchecked: await uncheckedFiles(tx, item.id), title: item.title, sharedAt: item.sharedAt };
  });
}

/** The file a field belongs to: its name ("filename:<id>") or its text ("attachment:<id>"). */
const fileOf = (field: string) => /^(?:filename|attachment):(.+)$/.exec(field)?.[1] ?? null;

/**
 * Shares an item with the collaborative. The scan runs again here (the text may have changed
 * since the preview) and every hit must have a decision: the ones chosen are redacted. A hit in a
 * file's name may also be settled by removing the file, which settles every hit in it; redacting
 * one renames the file (migration 0022). Every file the scan could not read must be looked at by the lead and
 * shared ("share": anyone in the collaborative can then download it whole) or removed. The history
 * records who shared, and the kind and place of each redaction (never the redacted value, nor a file's name).
 */
export async function shareItem(
  database: Database,
  actor: Actor,
  input: { itemId: string; decisions: Record<string, HitDecision>; files?: Record<string, FileDecision> },
): Promise<{ redacted: number; kept: number; filesRemoved: number }> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canShareItem(policyActor(actor), item)) throw forbidden("Only the owner organisation's equality lead can share this item");
    await holdForSharing(tx, item.id); // refuses an item already shared, as of the lock
    const fields = await itemFields(tx, item.id);
    const hits = hitsIn(fields);
    const unchecked = await uncheckedFiles(tx, item.id);
    const removed = new Set([
      ...hits.filter((h) => isFilenameField(h.field) && input.decisions[h.id] === "remove").map((h) => fileOf(h.field)!),
      ...unchecked.filter((f) => input.files?.[f.id] === "remove").map((f) => f.id),
    ]);
    // What is in a removed file needs no decision: it goes with the file.
    const live = hits.filter((h) => !removed.has(fileOf(h.field) ?? ""));
    const allowed = (h: ItemHit): HitDecision[] => (isFilenameField(h.field) ? ["redact", "remove", "keep"] : ["redact", "keep"]);
    const undecided = live.filter((h) => !allowed(h).includes(input.decisions[h.id]!));
    const unconfirmed = unchecked.filter((f) => !removed.has(f.id) && input.files?.[f.id] !== "share");
    if (undecided.length || unconfirmed.length) {
      throw invalid(
        Object.fromEntries([
          ...undecided.map((h) => [decisionField(h.id), isFilenameField(h.field) ? `Choose whether to redact this from the file's name, remove the file or keep the name (possible ${PII_LABELS[h.kind]})` : `Choose whether to redact or keep this ${PII_LABELS[h.kind]}`]),
          ...unconfirmed.map((f) => [fileField(f.id), `Confirm that you have looked at ${f.filename} and it can be shared, or remove it`]),
        ]),
        undecided.length ? "Decide on every possible piece of personal data before sharing" : "Decide on every file that could not be checked before sharing",
      );
    }
    for (const id of removed) await tx.delete(evidenceAttachments).where(eq(evidenceAttachments.id, id));
    const chosen = live.filter((h) => input.decisions[h.id] === "redact");
    for (const field of fields) {
      const mine = chosen.filter((h) => h.field === field.key);
      if (mine.length) await writeField(tx, item.id, field.key, redact(field.text, mine));
    }
    await tx.update(evidenceItems).set({ sharedAt: new Date(), sharedBy: actor.userId }).where(eq(evidenceItems.id, item.id));
    if (chosen.length) {
      // `place`, not the label: "Text of file 2", never a file's name, which every reader of the history would see.
      await recordEvent(tx, actor, item, "redacted", { redactions: chosen.map((h) => ({ where: h.place, kind: PII_LABELS[h.kind] })) });
    }
    const result = { redacted: chosen.length, kept: live.length - chosen.length, filesRemoved: removed.size };
    await recordEvent(tx, actor, item, "shared", { redacted: result.redacted, confirmed: result.kept, filesLookedAt: unchecked.length - unchecked.filter((f) => removed.has(f.id)).length, filesRemoved: result.filesRemoved });
    return result;
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
  if (kind === "filename") await tx.update(evidenceAttachments).set({ filename: text }).where(eq(evidenceAttachments.id, id!));
}
