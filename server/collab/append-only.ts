import * as Y from "yjs";
import type { PresenceIdentity } from "~/lib/presence";

/**
 * A row's log of dated updates ("Update September 2021 ...") is appended to with its author and
 * never overwritten. Browsers keep to that, but a shared document takes whatever a client sends,
 * so the server checks each incoming update, before it is applied, against the document as it
 * is. In a log of an existing row:
 * - an added entry must be signed by the sender (their id, and their name and organisation as
 *   the page writes them);
 * - an entry may be removed only by its author (their undo of what they just added), or with
 *   its whole row (deleting a row is allowed; the log goes with it);
 * - the log itself cannot be replaced.
 * Logs of rows made in the same update (a new row, or a deleted row brought back by its
 * deleter's undo, which copies the entries as they were) are not judged entry by entry.
 *
 * Returns why the update is refused, or null. The update is read with `Y.decodeUpdate`; items
 * are found in the document's store, or among the update's own items.
 */
export function checkAppendOnlyLogs(doc: Y.Doc, rootName: string, logField: string, update: Uint8Array, sender: PresenceIdentity): string | null {
  const root = doc.getMap(rootName);
  const { structs, ds } = Y.decodeUpdate(update);
  // This update's items by client, in clock order.
  const incoming = new Map<number, Y.Item[]>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const items = incoming.get(s.id.client) ?? [];
    items.push(s);
    incoming.set(s.id.client, items);
  }
  for (const items of incoming.values()) items.sort((a, b) => a.id.clock - b.id.clock);
  const isIncoming = (item: Y.Item) => incomingAt(item.id) === item;
  const signature = `${sender.name} (${sender.organisation})`;

  /** The existing log a type is, or null. */
  const logOf = (type: unknown): Y.Array<unknown> | null => {
    if (!(type instanceof Y.Array)) return null;
    const item = type._item;
    if (!item || item.parentSub !== logField || !(item.parent instanceof Y.Map)) return null;
    return item.parent._item?.parent === root ? type : null;
  };
  const rowGoes = (log: Y.Array<unknown>) => {
    const rowItem = (log._item!.parent as Y.Map<unknown>)._item!;
    return rowItem.deleted || Y.isDeleted(ds, rowItem.id);
  };

  // Where a new item goes: its parent as written, or its neighbour's parent. Followed along a
  // chain of neighbours once, and remembered for every item on it: a large update (a long paste,
  // a reconnecting client's offline work) is one long chain, which must not cost its square.
  const resolved = new Map<Y.Item, unknown>();
  const parentOf = (start: Y.Item): unknown => {
    const chain = new Set<Y.Item>();
    let item: Y.Item | null = start;
    let parent: unknown = null;
    while (item) {
      if (resolved.has(item)) {
        parent = resolved.get(item);
        break;
      }
      chain.add(item);
      if (item.parent instanceof Y.ID) {
        const holder = find(item.parent);
        parent = holder instanceof Y.Item && holder.content instanceof Y.ContentType && !isIncoming(holder) ? holder.content.type : null;
        break;
      }
      if (typeof item.parent === "string") break;
      if (item.parent) {
        parent = item.parent; // an item of the document: its parent type
        break;
      }
      const next: Y.Item | null = (item.origin && find(item.origin)) || (item.rightOrigin && find(item.rightOrigin)) || null;
      item = next && !chain.has(next) ? next : null;
    }
    for (const c of chain) resolved.set(c, parent);
    return parent;
  };
  // The document's own item wherever it has one: an update that repeats existing items (the row,
  // its log) must not make them look new, which would let what it appends go unjudged.
  const find = (id: Y.ID): Y.Item | null => {
    if (id.clock < Y.getState(doc.store, id.client)) {
      try {
        const found = Y.getItem(doc.store, id);
        return found instanceof Y.Item ? found : null;
      } catch {
        return null;
      }
    }
    return incomingAt(id);
  };
  // The incoming item holding that clock (an id may point inside a run of several entries).
  const incomingAt = (id: Y.ID): Y.Item | null => {
    const items = incoming.get(id.client);
    if (!items) return null;
    let [low, high] = [0, items.length - 1];
    while (low <= high) {
      const mid = (low + high) >> 1;
      const item = items[mid]!;
      if (id.clock < item.id.clock) high = mid - 1;
      else if (id.clock >= item.id.clock + item.length) low = mid + 1;
      else return item;
    }
    return null;
  };

  for (const item of [...incoming.values()].flat()) {
    // Already in the document (a reconnecting client's sync may repeat it): Yjs will skip it.
    if (Y.getState(doc.store, item.id.client) >= item.id.clock + item.length) continue;
    const log = logOf(parentOf(item));
    if (!log) continue;
    if (!(item.content instanceof Y.ContentAny)) return "An update log takes plain entries only";
    for (const entry of item.content.getContent() as Record<string, unknown>[]) {
      if (entry?.authorId !== sender.id || entry?.authorName !== signature) return "An update must be signed by whoever adds it";
    }
  }

  for (const [client, deletes] of ds.clients) {
    const structsOfClient = doc.store.clients.get(client);
    if (!structsOfClient) continue;
    for (const { clock, len } of deletes) {
      const end = clock + len;
      let index: number;
      try {
        index = Y.findIndexSS(structsOfClient, clock);
      } catch {
        continue; // not in the document (yet): nothing stored to protect
      }
      for (; index < structsOfClient.length && structsOfClient[index]!.id.clock < end; index++) {
        const item = structsOfClient[index];
        if (!(item instanceof Y.Item) || item.deleted) continue;
        // The log itself, replaced or removed without its row.
        const replaced = item.content instanceof Y.ContentType ? logOf(item.content.type) : null;
        if (replaced && !rowGoes(replaced)) return "An update log cannot be replaced";
        const log = logOf(item.parent);
        if (!log || rowGoes(log) || !(item.content instanceof Y.ContentAny)) continue;
        const from = Math.max(clock, item.id.clock) - item.id.clock;
        const to = Math.min(end, item.id.clock + item.length) - item.id.clock;
        const removed = (item.content.getContent() as Record<string, unknown>[]).slice(from, to);
        if (removed.some((entry) => entry?.authorId !== sender.id)) return "Only its author can remove an update";
      }
    }
  }
  return null;
}
