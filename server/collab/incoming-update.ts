import * as Y from "yjs";

/**
 * An incoming update read against the document as it is, before it is applied: what it adds,
 * where each added item goes, and what of the document it deletes. The server's rules about
 * what a client may change (append-only logs, due dates) are judged on this. Items are found in
 * the document's store, or among the update's own items (`Y.decodeUpdate`).
 */
export interface IncomingUpdate {
  doc: Y.Doc;
  /** Items the document does not have yet (a reconnecting client's sync may repeat known ones). */
  added: Y.Item[];
  /** The type an added item goes into, when that type is already in the document; else null. */
  parentOf(item: Y.Item): unknown;
  /** The map key an added item sets, or null (an item of an array or text). */
  keyOf(item: Y.Item): string | null;
  /** Whether the document's item is deleted, or deleted by this update. */
  goes(item: Y.Item): boolean;
  /** Live items of the document that this update deletes, each with the deleted part of it. */
  deleted(): Iterable<{ item: Y.Item; from: number; to: number }>;
}

export function readIncoming(doc: Y.Doc, update: Uint8Array): IncomingUpdate {
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
  const isIncoming = (item: Y.Item) => incomingAt(item.id) === item;
  // The document's own item wherever it has one: an update that repeats existing items (a row,
  // its log) must not make them look new, which would let what it adds go unjudged.
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

  // An item that replaces a map entry is written with its predecessor as origin and without its
  // key, which is the predecessor's (followed once along a chain, as above).
  const keys = new Map<Y.Item, string | null>();
  const keyOf = (start: Y.Item): string | null => {
    const chain = new Set<Y.Item>();
    let item: Y.Item | null = start;
    let key: string | null = null;
    while (item && !chain.has(item)) {
      if (keys.has(item)) {
        key = keys.get(item)!;
        break;
      }
      chain.add(item);
      if (item.parentSub !== null || (!item.origin && !item.rightOrigin)) {
        key = item.parentSub;
        break;
      }
      item = item.origin ? find(item.origin) : null;
    }
    for (const c of chain) keys.set(c, key);
    return key;
  };

  const added = [...incoming.values()].flat().filter((item) => Y.getState(doc.store, item.id.client) < item.id.clock + item.length);

  function* deleted() {
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
          yield { item, from: Math.max(clock, item.id.clock) - item.id.clock, to: Math.min(end, item.id.clock + item.length) - item.id.clock };
        }
      }
    }
  }

  return { doc, added, parentOf, keyOf, goes: (item) => item.deleted || Y.isDeleted(ds, item.id), deleted };
}
