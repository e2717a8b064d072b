import * as Y from "yjs";
import type { PresenceIdentity } from "~/lib/presence";
import type { IncomingUpdate } from "./incoming-update";

/**
 * Logs kept with a row ("Update September 2021 ...", a plan's due-date changes) are appended to
 * with their author and never overwritten. Browsers keep to that, but a shared document takes
 * whatever a client sends, so the server checks each incoming update, before it is applied,
 * against the document as it is. In a log of an existing row:
 * - an added entry must be signed by the sender (their id, and their name as the page writes it);
 * - an entry may be removed only by its author (their undo of what they just added), or with
 *   its whole row (deleting a row is allowed; the log goes with it);
 * - the log itself cannot be replaced.
 * Logs of rows made in the same update (a new row, or a deleted row brought back by its
 * deleter's undo, which copies the entries as they were) are not judged entry by entry.
 */
export interface AppendOnlyLog {
  /** The row's key holding the log (a Y.Array of plain entries). */
  field: string;
  /** How the page writes the sender's name into an entry's `authorName`. */
  signature(sender: PresenceIdentity): string;
}

/** "Name (Organisation)": logs that people of several organisations read. */
export const withOrganisation = (sender: PresenceIdentity) => `${sender.name} (${sender.organisation})`;
/** The name alone: logs read only inside the author's own organisation. */
export const nameOnly = (sender: PresenceIdentity) => sender.name;

/** Why the update is refused, or null. `rootName` is the map of rows. */
export function checkAppendOnlyLogs(update: IncomingUpdate, rootName: string, logs: readonly AppendOnlyLog[], sender: PresenceIdentity): string | null {
  const root = update.doc.getMap(rootName);
  const byField = new Map(logs.map((log) => [log.field, log]));

  /** The existing log a type is, with its rule, or null. */
  const logOf = (type: unknown): { log: Y.Array<unknown>; rule: AppendOnlyLog } | null => {
    if (!(type instanceof Y.Array)) return null;
    const item = type._item;
    const rule = item?.parentSub ? byField.get(item.parentSub) : undefined;
    if (!item || !rule || !(item.parent instanceof Y.Map)) return null;
    return item.parent._item?.parent === root ? { log: type, rule } : null;
  };
  const rowGoes = (log: Y.Array<unknown>) => update.goes((log._item!.parent as Y.Map<unknown>)._item!);

  for (const item of update.added) {
    const found = logOf(update.parentOf(item));
    if (!found) continue;
    if (!(item.content instanceof Y.ContentAny)) return "An update log takes plain entries only";
    const signature = found.rule.signature(sender);
    for (const entry of item.content.getContent() as Record<string, unknown>[]) {
      if (entry?.authorId !== sender.id || entry?.authorName !== signature) return "An update must be signed by whoever adds it";
    }
  }

  for (const { item, from, to } of update.deleted()) {
    // The log itself, replaced or removed without its row.
    const replaced = item.content instanceof Y.ContentType ? logOf(item.content.type) : null;
    if (replaced && !rowGoes(replaced.log)) return "An update log cannot be replaced";
    const found = logOf(item.parent);
    if (!found || rowGoes(found.log) || !(item.content instanceof Y.ContentAny)) continue;
    const removed = (item.content.getContent() as Record<string, unknown>[]).slice(from, to);
    if (removed.some((entry) => entry?.authorId !== sender.id)) return "Only its author can remove an update";
  }
  return null;
}
