import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "#db/client";
import { evidenceEvents, evidenceItems, type EventAction } from "#db/schema";
import type { Actor } from "~/domain/auth/actor";
import { conflict, forbidden, notFound, type DomainError } from "~/domain/errors";
import { isUuid } from "~/lib/ids";

/** Appends to an item's history, in the caller's transaction. */
export async function recordEvent(tx: Tx, actor: Actor, item: { id: string; orgId: string; collaborativeId: string }, action: EventAction, detail: Record<string, unknown> = {}) {
  await tx.insert(evidenceEvents).values({
    collaborativeId: item.collaborativeId,
    orgId: item.orgId,
    itemId: item.id,
    actorId: actor.userId,
    action,
    detail,
  });
}

/** The item as RLS lets this actor see it, or 404 (another organisation's private item is simply not found). */
export async function loadItem(tx: Tx, itemId: string) {
  if (!isUuid(itemId)) throw notFound("Evidence item not found");
  const [item] = await tx
    .select({ id: evidenceItems.id, orgId: evidenceItems.orgId, collaborativeId: evidenceItems.collaborativeId, sharedAt: evidenceItems.sharedAt, title: evidenceItems.title })
    .from(evidenceItems)
    .where(eq(evidenceItems.id, itemId));
  if (!item) throw notFound("Evidence item not found");
  return item;
}

/**
 * Whether the item's last sharing had the lead look at the files the scan could not read (files
 * with no text). Sharing has required it since its "shared" event records `filesLookedAt`; an item
 * shared before then had such files passed on unseen, so they stay with their owner. A shared
 * item cannot be edited, so its files are the ones that sharing saw.
 */
export async function filesLookedAtWhenShared(tx: Tx, itemId: string): Promise<boolean> {
  const [last] = await tx
    .select({ detail: evidenceEvents.detail })
    .from(evidenceEvents)
    .where(and(eq(evidenceEvents.itemId, itemId), eq(evidenceEvents.action, "shared")))
    .orderBy(desc(evidenceEvents.at))
    .limit(1);
  return typeof last?.detail.filesLookedAt === "number";
}

/*
 * Sharing scans an item's content for personal data and then marks it shared, in one transaction:
 * a finding, file or edit committed between the scan and the mark would be shared unscanned. So
 * sharing locks the item's row before it scans (FOR UPDATE) and every change to the content locks
 * it too (FOR SHARE) and checks the item is still private: whichever comes second waits for the
 * first to commit, then sees what it did.
 */

/**
 * The refusal when canEditItem says no to changing or removing a finding, recommendation or file
 * (migration 0019 says the same in the database): the owner organisation is told a shared item
 * is frozen until unshared; anyone else, that it is not theirs to change.
 */
export function cannotChangePart(actor: Actor, item: { orgId: string; sharedAt: Date | string | null }, what: string): DomainError {
  if (item.sharedAt && item.orgId === actor.active.orgId) {
    return forbidden(`This item is shared, so its findings, recommendations and files cannot be changed or removed. An equality lead can unshare it first (it is checked for personal data again when it is shared).`);
  }
  return forbidden(`Only the owner organisation's equality lead or contributors can ${what}, and only while the item is private`);
}

/** Locks the item for a change to its content; refuses if it was shared meanwhile. */
export async function holdPrivate(tx: Tx, itemId: string): Promise<void> {
  const [row] = await tx.select({ sharedAt: evidenceItems.sharedAt }).from(evidenceItems).where(eq(evidenceItems.id, itemId)).for("share");
  // No row: the item is no longer one this actor may change (the lock needs the update policy too).
  if (!row || row.sharedAt) throw conflict("This item has just been shared, so it can no longer be changed. Unshare it to edit it.");
}

/** Locks the item for sharing; refuses if someone shared it meanwhile. */
export async function holdForSharing(tx: Tx, itemId: string): Promise<void> {
  const [row] = await tx.select({ sharedAt: evidenceItems.sharedAt }).from(evidenceItems).where(eq(evidenceItems.id, itemId)).for("update");
  if (!row || row.sharedAt) throw conflict("This item is already shared");
}
