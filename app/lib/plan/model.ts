import * as Y from "yjs";
import type { DueChange, PlanActionFields, PlanStep, SourceDecision, SourceLink, SourceSnapshot } from "#db/schema";
import { arrayOf, entries, maps, newRowKey, positionBetween, readOrdered, rowsOf, set, text } from "~/lib/register/model";
import { rowSet, setFlat } from "~/lib/register/row-set";
import { parseDueDate } from "./dates";

/**
 * An organisation's objective plan as a Yjs document ("plan:<planId>"), built the way the
 * register is (see app/lib/register/model.ts for why rows are a map with positions): text fields
 * are Y.Text, multi-selects are Y.Maps used as sets, steps are Y.Maps (each field edited on its
 * own). Logs (updates, due-date changes, source decisions) and evidence links are Y.Arrays of
 * plain objects: they are only appended to or removed from, never edited in place, and one plain
 * entry decodes several times faster than a Y.Map (a 500-action plan opens cold from its bytes).
 * Readers accept Y.Map entries too, so the register's shared editors can append to them.
 * Due dates are plain values changed only through `changeDueDate`, which refuses a change
 * without a reason and keeps every change.
 */

export const PLAN_TEXT_FIELDS = ["barrier", "issue", "action", "responsibleOfficer", "owner", "risks", "mitigations"] as const;
export type PlanTextField = (typeof PLAN_TEXT_FIELDS)[number];
export const PLAN_SET_FIELDS = ["characteristics", "edsOutcomes", "psedAims", "objectives"] as const;
export type PlanSetField = (typeof PLAN_SET_FIELDS)[number];

export interface PlanAction extends PlanActionFields {
  key: string;
  position: number;
}

export type ActionInput = Partial<Omit<PlanAction, "key" | "position">>;

export interface Author {
  id: string | null;
  name: string;
}

const plainMap = (value: object): Y.Map<unknown> => {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(value)) m.set(k, v);
  return m;
};

export function buildAction(input: ActionInput, position: number): Y.Map<unknown> {
  const row = new Y.Map<unknown>();
  row.set("position", position);
  for (const field of PLAN_TEXT_FIELDS) row.set(field, new Y.Text(input[field] ?? ""));
  for (const field of PLAN_SET_FIELDS) setFlat(row, field, input[field] ?? []);
  row.set("originalDue", input.originalDue ?? input.currentDue ?? null);
  row.set("currentDue", input.currentDue ?? input.originalDue ?? null);
  row.set("dueChanges", arrayOf((input.dueChanges ?? []).map((c) => ({ ...c }))));
  row.set("updates", arrayOf((input.updates ?? []).map((u) => ({ ...u }))));
  row.set("evidence", arrayOf((input.evidence ?? []).map((l) => ({ url: l.url, title: l.title, evidenceId: l.evidenceId ?? null }))));
  row.set("steps", arrayOf((input.steps ?? []).map(plainMap)));
  row.set("status", input.status ?? null);
  row.set("source", input.source ?? null);
  row.set("sourceDecisions", arrayOf((input.sourceDecisions ?? []).map((d) => ({ ...d }))));
  return row;
}

const str = (m: Y.Map<unknown>, k: string) => String(m.get(k) ?? "");
const strOrNull = (m: Y.Map<unknown>, k: string) => (m.get(k) as string | null | undefined) ?? null;

export function readAction(key: string, row: Y.Map<unknown>): PlanAction {
  return {
    key,
    position: Number(row.get("position") ?? 0),
    characteristics: set(row, "characteristics"),
    barrier: text(row, "barrier"),
    issue: text(row, "issue"),
    action: text(row, "action"),
    responsibleOfficer: text(row, "responsibleOfficer"),
    owner: text(row, "owner"),
    risks: text(row, "risks"),
    mitigations: text(row, "mitigations"),
    originalDue: strOrNull(row, "originalDue"),
    currentDue: strOrNull(row, "currentDue"),
    dueChanges: entries(row, "dueChanges").map(
      (m): DueChange => ({ at: str(m, "at"), authorId: strOrNull(m, "authorId"), authorName: str(m, "authorName"), from: strOrNull(m, "from"), to: strOrNull(m, "to"), reason: str(m, "reason") }),
    ),
    updates: entries(row, "updates").map((m) => ({ at: str(m, "at"), authorId: strOrNull(m, "authorId"), authorName: str(m, "authorName"), text: str(m, "text") })),
    edsOutcomes: set(row, "edsOutcomes"),
    psedAims: set(row, "psedAims"),
    objectives: set(row, "objectives").sort((a, b) => Number(a) - Number(b)),
    status: strOrNull(row, "status"),
    evidence: entries(row, "evidence").map((m) => ({ url: str(m, "url"), title: str(m, "title"), evidenceId: strOrNull(m, "evidenceId") })),
    steps: maps(row, "steps").map((m): PlanStep => ({ key: str(m, "key"), text: str(m, "text"), due: strOrNull(m, "due"), status: strOrNull(m, "status") })),
    source: (row.get("source") as SourceLink | null | undefined) ?? null,
    sourceDecisions: entries(row, "sourceDecisions").map(
      (m): SourceDecision => ({
        at: str(m, "at"),
        authorId: strOrNull(m, "authorId"),
        authorName: str(m, "authorName"),
        choice: m.get("choice") === "take" ? "take" : "keep",
        fields: (m.get("fields") as string[] | undefined) ?? [],
      }),
    ),
  };
}

export function readActions(doc: Y.Doc): PlanAction[] {
  return readOrdered(doc, readAction);
}

/** Appends actions in one transaction (peers see them arrive together). */
export function appendActions(doc: Y.Doc, inputs: ActionInput[]): string[] {
  let last = readActions(doc).at(-1)?.position;
  const keys: string[] = [];
  doc.transact(() => {
    for (const input of inputs) {
      const key = newRowKey();
      last = positionBetween(last, undefined);
      rowsOf(doc).set(key, buildAction(input, last));
      keys.push(key);
    }
  });
  return keys;
}

/**
 * One new action as a Yjs update, made without the plan's state (the server adds pulled actions
 * this way): setting a fresh key on the root map merges with any replica of the document.
 */
export function encodeNewAction(key: string, input: ActionInput, position: number): Uint8Array {
  const doc = new Y.Doc();
  rowsOf(doc).set(key, buildAction(input, position));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** A whole plan from plain actions with known keys (demo data, benchmarks). */
export function encodePlan(actions: (ActionInput & { key: string })[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => actions.forEach(({ key, ...input }, i) => rowsOf(doc).set(key, buildAction(input, i + 1))));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

export class DueDateError extends Error {}

/**
 * The origin of due-date changes. Not on anyone's undo stack (undo tracks changes without an
 * origin): a move is kept with its reason, and the server refuses a due date that moves without
 * one (server/collab/due-dates.ts), which an undo would be. A wrong date is corrected by moving it
 * again, with the reason said.
 */
export const DUE_DATE_ORIGIN = "due-date";

/**
 * Sets an action's current due date. The first date needs no reason (it is also the original);
 * moving a date needs one, and the move is kept with who made it, when and why.
 */
export function changeDueDate(doc: Y.Doc, key: string, to: string, reason: string, author: Author, now = new Date()) {
  const row = rowsOf(doc).get(key);
  if (!row) throw new DueDateError("This action no longer exists.");
  const parsed = to.trim() === "" ? null : parseDueDate(to);
  if (parsed && !parsed.ok) throw new DueDateError(parsed.message);
  const next = parsed ? parsed.date : null;
  const current = strOrNull(row, "currentDue");
  if (next === current) return;
  if (current === null && strOrNull(row, "originalDue") === null) {
    doc.transact(() => {
      row.set("originalDue", next);
      row.set("currentDue", next);
    }, DUE_DATE_ORIGIN);
    return;
  }
  if (!reason.trim()) throw new DueDateError("Say why the due date is changing: the reason is kept with the plan.");
  doc.transact(() => {
    row.set("currentDue", next);
    (row.get("dueChanges") as Y.Array<unknown>).push([{ at: now.toISOString(), authorId: author.id, authorName: author.name, from: current, to: next, reason: reason.trim() }]);
  }, DUE_DATE_ORIGIN);
}

/** Adds a step (Appendix C's numbered associated actions). */
export function addStep(doc: Y.Doc, key: string, step: Omit<PlanStep, "key">): string {
  const stepKey = newRowKey();
  (rowsOf(doc).get(key)?.get("steps") as Y.Array<Y.Map<unknown>> | undefined)?.push([plainMap({ key: stepKey, ...step })]);
  return stepKey;
}

export function updateStep(doc: Y.Doc, key: string, stepKey: string, change: Partial<Omit<PlanStep, "key">>) {
  const steps = rowsOf(doc).get(key)?.get("steps") as Y.Array<Y.Map<unknown>> | undefined;
  const step = steps?.toArray().find((m) => m.get("key") === stepKey);
  if (!step) return;
  doc.transact(() => {
    for (const [k, v] of Object.entries(change)) step.set(k, v);
  });
}

export function removeStep(doc: Y.Doc, key: string, stepKey: string) {
  const steps = rowsOf(doc).get(key)?.get("steps") as Y.Array<Y.Map<unknown>> | undefined;
  const index = steps?.toArray().findIndex((m) => m.get("key") === stepKey) ?? -1;
  if (steps && index >= 0) steps.delete(index, 1);
}

/**
 * The source fields an action was pre-filled from, and the action field each one fills. The
 * snapshot's title names the source on screen; it is the barrier (or the item's title) again, so
 * it is not compared on its own.
 */
export const SOURCE_FIELDS = [
  { field: "barrier", label: "Barrier", target: "barrier" },
  { field: "issue", label: "Issue at play", target: "issue" },
  { field: "characteristics", label: "Characteristics or groups", target: "characteristics" },
  { field: "edsOutcomes", label: "EDS outcomes", target: "edsOutcomes" },
  { field: "psedAims", label: "PSED aims", target: "psedAims" },
] as const satisfies readonly { field: keyof SourceSnapshot; label: string; target: PlanTextField | PlanSetField }[];

export interface SourceChange {
  field: keyof SourceSnapshot;
  label: string;
  /** As pulled (or last reconciled). */
  before: string | string[];
  /** As the source is now. */
  after: string | string[];
}

const same = (a: string | string[], b: string | string[]) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]) : a === b;

/** What changed in the source since it was pulled, field by field (empty when nothing did). */
export function sourceChanges(snapshot: SourceSnapshot, current: SourceSnapshot): SourceChange[] {
  return SOURCE_FIELDS.filter(({ field }) => !same(snapshot[field] ?? "", current[field] ?? "")).map(({ field, label }) => ({
    field,
    label,
    before: snapshot[field],
    after: current[field],
  }));
}

/**
 * The organisation's answer to "source updated": take the change (the changed fields overwrite the
 * action's) or keep its own wording. Either way the snapshot moves to the source's current version
 * and the choice is appended to the action's decisions, with who and when.
 */
export function resolveSourceChange(doc: Y.Doc, key: string, current: SourceSnapshot, choice: "take" | "keep", author: Author, now = new Date()) {
  const row = rowsOf(doc).get(key);
  const link = row?.get("source") as SourceLink | null | undefined;
  if (!row || !link) return;
  const changes = sourceChanges(link.snapshot, current);
  if (changes.length === 0) return;
  doc.transact(() => {
    if (choice === "take") {
      for (const change of changes) {
        const target = SOURCE_FIELDS.find((f) => f.field === change.field)?.target;
        if (!target) continue;
        const value = row.get(target);
        if (value instanceof Y.Text) {
          value.delete(0, value.length);
          value.insert(0, String(change.after));
        } else if ((PLAN_SET_FIELDS as readonly string[]).includes(target)) {
          const chosen = rowSet(row, target);
          const after = change.after as string[];
          for (const k of chosen.values()) if (!after.includes(k)) chosen.remove(k);
          for (const k of after) chosen.add(k);
        }
      }
    }
    row.set("source", { ...link, snapshot: current });
    (row.get("sourceDecisions") as Y.Array<unknown>).push([{ at: now.toISOString(), authorId: author.id, authorName: author.name, choice, fields: changes.map((c) => c.field) }]);
  });
}
