import * as Y from "yjs";
import type { EvidenceLink, RegisterRowFields, RowUpdate } from "#db/schema";
import { rowSet, setFlat } from "./row-set";

/**
 * The shared barrier register as a Yjs document.
 *
 * Rows live in a root `Y.Map` keyed by a stable row key, not in a `Y.Array`: moving an element of
 * a Y.Array is a delete plus an insert of a copy, so an edit made concurrently to the moved row
 * would be lost. Here a row never moves; its order is a `position` number (a move sets it between
 * its new neighbours, last writer wins), so concurrent moves and edits always both survive.
 * Long text fields are `Y.Text` (merged character by character), multi-selects are sets of flat
 * keys on the row (see row-set.ts: two people ticking different boxes both win). Evidence links and the dated update log
 * are `Y.Array`s of plain entries: they are only appended to (links also removed), never edited
 * in place, and a plain entry decodes several times faster than a Y.Map, which is what a
 * 2,000-row register pays on every cold open. Readers accept the shapes rows were written in
 * before (Y.Map entries, nested Y.Map sets).
 */
export const ROWS = "rows";

export const TEXT_FIELDS = ["barrier", "issue", "identifiedBy", "leadOrganisation", "contactRole"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export const SET_FIELDS = ["characteristics", "edsOutcomes", "psedAims", "themes"] as const;
export type SetField = (typeof SET_FIELDS)[number];

export interface RegisterRow extends RegisterRowFields {
  key: string;
  position: number;
}

export type RowInput = Partial<Omit<RegisterRow, "key" | "position">>;

export const rowsOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap<Y.Map<unknown>>(ROWS);

export function newRowKey(): string {
  return globalThis.crypto.randomUUID();
}

/** Builds a row's Y.Map with every field present, so editors can bind to it at once. */
export function buildRow(input: RowInput, position: number): Y.Map<unknown> {
  const row = new Y.Map<unknown>();
  row.set("position", position);
  for (const field of TEXT_FIELDS) row.set(field, new Y.Text(input[field] ?? ""));
  for (const field of SET_FIELDS) setFlat(row, field, input[field] ?? []);
  row.set("evidence", arrayOf((input.evidence ?? []).map(linkEntry)));
  row.set("updates", arrayOf((input.updates ?? []).map((u) => ({ ...u }))));
  row.set("status", input.status ?? null);
  return row;
}

/** A Y.Array holding these entries. */
export function arrayOf(items: unknown[]): Y.Array<unknown> {
  const a = new Y.Array<unknown>();
  a.push(items);
  return a;
}

/** An evidence link as it is stored (a plain entry). */
export const linkEntry = (link: EvidenceLink): EvidenceLink => ({ url: link.url, title: link.title, evidenceId: link.evidenceId ?? null });

/** An update-log entry as it is stored (a plain entry). */
export const updateEntry = (update: RowUpdate): RowUpdate => ({ ...update });

/** A log's entries, whether stored plain or (as registers once were) as Y.Maps, read through one Map-like view. */
export function entries(row: Y.Map<unknown>, field: string): Y.Map<unknown>[] {
  const value = row.get(field);
  if (!(value instanceof Y.Array)) return [];
  return (value.toArray() as unknown[])
    .map((e) => (e instanceof Y.Map ? e : e && typeof e === "object" ? plainMapView(e as Record<string, unknown>) : null))
    .filter((m): m is Y.Map<unknown> => m !== null);
}

/** A read-only Map-like view over a plain entry, so one reader serves both shapes. */
const plainMapView = (o: Record<string, unknown>) => ({ get: (k: string) => o[k] }) as unknown as Y.Map<unknown>;

/** Readers shared by every row-shaped document (the register, plans). */
export const text = (row: Y.Map<unknown>, field: string) => {
  const value = row.get(field);
  return value instanceof Y.Text ? value.toString() : typeof value === "string" ? value : "";
};
export const set = (row: Y.Map<unknown>, field: string) => rowSet(row, field).values().sort();
export const maps = (row: Y.Map<unknown>, field: string) => {
  const value = row.get(field);
  return value instanceof Y.Array ? (value.toArray() as unknown[]).filter((m): m is Y.Map<unknown> => m instanceof Y.Map) : [];
};

export function readRow(key: string, row: Y.Map<unknown>): RegisterRow {
  return {
    key,
    position: Number(row.get("position") ?? 0),
    characteristics: set(row, "characteristics"),
    barrier: text(row, "barrier"),
    issue: text(row, "issue"),
    identifiedBy: text(row, "identifiedBy"),
    evidence: entries(row, "evidence").map((m) => ({
      url: String(m.get("url") ?? ""),
      title: String(m.get("title") ?? ""),
      evidenceId: (m.get("evidenceId") as string | null) ?? null,
    })),
    edsOutcomes: set(row, "edsOutcomes"),
    psedAims: set(row, "psedAims"),
    themes: set(row, "themes"),
    leadOrganisation: text(row, "leadOrganisation"),
    contactRole: text(row, "contactRole"),
    status: (row.get("status") as string | null) ?? null,
    updates: entries(row, "updates").map((m) => ({
      at: String(m.get("at") ?? ""),
      authorId: (m.get("authorId") as string | null) ?? null,
      authorName: String(m.get("authorName") ?? ""),
      text: String(m.get("text") ?? ""),
    })),
  };
}

/** Rows in display order: by position, ties broken by key so every replica agrees. */
export function readRows(doc: Y.Doc): RegisterRow[] {
  return readOrdered(doc, readRow);
}

/** Any row-shaped document's rows, read with `read`, in display order. */
export function readOrdered<T extends { key: string; position: number }>(doc: Y.Doc, read: (key: string, row: Y.Map<unknown>) => T): T[] {
  const rows: T[] = [];
  rowsOf(doc).forEach((row, key) => rows.push(read(key, row)));
  return rows.sort((a, b) => a.position - b.position || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A position between two neighbours (either may be missing, at the ends). */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

/** Appends rows (one transaction, so peers see them arrive together). */
export function appendRows(doc: Y.Doc, inputs: RowInput[]): string[] {
  const existing = readRows(doc);
  let last = existing.at(-1)?.position;
  const keys: string[] = [];
  doc.transact(() => {
    for (const input of inputs) {
      const key = newRowKey();
      last = positionBetween(last, undefined);
      rowsOf(doc).set(key, buildRow(input, last));
      keys.push(key);
    }
  });
  return keys;
}

/** The row keys a Yjs transaction touched (for history), found by walking up to the rows map. */
export function touchedRowKeys(transaction: Y.Transaction, doc: Y.Doc): string[] {
  // The root as the transaction saw it. In a document whose rows map nobody has asked for yet (a
  // server's copy, just loaded) Yjs keeps a generic placeholder, and getMap() would replace it
  // with a new map: comparing with that would find no rows at all.
  const root = doc.share.get(ROWS);
  if (!root) return [];
  const keys = new Set<string>();
  for (const [type, subs] of transaction.changed) {
    if ((type as unknown) === root) {
      for (const sub of subs) if (sub) keys.add(sub);
      continue;
    }
    let item = type._item;
    while (item) {
      if ((item.parent as unknown) === root) {
        if (item.parentSub) keys.add(item.parentSub);
        break;
      }
      item = (item.parent as Y.AbstractType<unknown>)._item;
    }
  }
  return [...keys];
}

/** A whole register's state from plain rows with known keys (demo data, benchmarks). */
export function encodeRegister(rows: (RowInput & { key: string })[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    rows.forEach(({ key, ...input }, i) => rowsOf(doc).set(key, buildRow(input, i + 1)));
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
