import type * as Y from "yjs";
import type { PlanStep } from "#db/schema";
import { parseDueDate } from "~/lib/plan/dates";

/** A step's due date as typed: null when empty, the ISO date, or why it cannot be read. */
export function readDue(value: string): { ok: true; due: string | null } | { ok: false; message: string } {
  if (!value.trim()) return { ok: true, due: null };
  const parsed = parseDueDate(value);
  return parsed.ok ? { ok: true, due: parsed.date } : parsed;
}

export const readSteps = (list: Y.Array<Y.Map<unknown>>): PlanStep[] =>
  list.toArray().map((m) => ({ key: String(m.get("key") ?? ""), text: String(m.get("text") ?? ""), due: (m.get("due") as string | null) ?? null, status: (m.get("status") as string | null) ?? null }));
