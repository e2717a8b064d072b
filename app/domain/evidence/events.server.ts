import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "#db/client";
import { evidenceEvents, evidenceItems, type EventAction } from "#db/schema";
import type { Actor } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";

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
  if (!/^[0-9a-f-]{36}$/i.test(itemId)) throw notFound("Evidence item not found");
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
