import * as Y from "yjs";
import type { IncomingUpdate } from "./incoming-update";

type Value = string | null;
const valueOf = (item: Y.Item | undefined): Value =>
  item && !item.deleted && item.content instanceof Y.ContentAny ? ((item.content.getContent()[0] as Value | undefined) ?? null) : null;

/**
 * A plan action's due date moves only with its reason kept: the page's `changeDueDate` sets the
 * first date freely (it is also the original) and records every later move in the action's
 * `dueChanges` log. A client could set `currentDue` without the record, so the server checks
 * each incoming update against the document as it is. For an action that already exists:
 * - `originalDue`, once set, does not change;
 * - `currentDue` moves from a date (or from none after a first date) only together with an entry
 *   added to that action's `dueChanges` saying from what, to what, and why.
 * Actions made in the same update (a new action, an import) are not judged. Whether an entry is
 * signed by its sender is the append-only rule's part (./append-only.ts).
 * Returns why the update is refused, or null.
 */
export function checkDueDates(update: IncomingUpdate, rootName: string): string | null {
  const root = update.doc.getMap(rootName);
  const existingRow = (type: unknown): Y.Map<unknown> | null =>
    type instanceof Y.Map && type._item?.parent === root && !update.goes(type._item) ? type : null;

  // What the update sets or deletes, per existing action and key.
  const touched = new Map<Y.Map<unknown>, { set: Map<string, Y.Item[]>; cleared: Set<string>; entries: Record<string, unknown>[] }>();
  const at = (row: Y.Map<unknown>) => {
    let t = touched.get(row);
    if (!t) touched.set(row, (t = { set: new Map(), cleared: new Set(), entries: [] }));
    return t;
  };
  for (const item of update.added) {
    const parent = update.parentOf(item);
    const row = existingRow(parent);
    const key = row ? update.keyOf(item) : null;
    if (row && (key === "currentDue" || key === "originalDue") && !update.goes(item)) {
      const set = at(row).set;
      set.set(key, [...(set.get(key) ?? []), item]);
    }
    const logRow = parent instanceof Y.Array && parent._item?.parentSub === "dueChanges" ? existingRow(parent._item.parent) : null;
    if (logRow && item.content instanceof Y.ContentAny) at(logRow).entries.push(...(item.content.getContent() as Record<string, unknown>[]));
  }
  for (const { item } of update.deleted()) {
    const row = existingRow(item.parent);
    if (row && (item.parentSub === "currentDue" || item.parentSub === "originalDue")) at(row).cleared.add(item.parentSub);
  }

  for (const [row, { set, cleared, entries }] of touched) {
    // The value after the update: what it sets, none if it only deletes, else as it was.
    const after = (key: string): { value: Value } | null => {
      const items = set.get(key) ?? [];
      if (items.length > 1) return null;
      return { value: items.length ? valueOf(items[0]) : cleared.has(key) ? null : valueOf(row._map.get(key)) };
    };
    const original = after("originalDue");
    const current = after("currentDue");
    if (!original || !current) return "An action has one due date";
    const wasOriginal = valueOf(row._map.get("originalDue"));
    const wasCurrent = valueOf(row._map.get("currentDue"));
    if (wasOriginal !== null && original.value !== wasOriginal) return "An action's original due date cannot be changed";
    if (current.value === wasCurrent || (wasCurrent === null && wasOriginal === null)) continue;
    const recorded = entries.some((e) => e?.from === wasCurrent && e?.to === current.value && typeof e?.reason === "string" && e.reason.trim() !== "");
    if (!recorded) return "A due date moves only with its reason recorded";
  }
  return null;
}
