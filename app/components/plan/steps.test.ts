import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addStep, appendActions, updateStep } from "~/lib/plan/model";
import { rowsOf } from "~/lib/register/model";
import { readDue, readSteps } from "./steps";

describe("plan steps", () => {
  it("reads a typed due date: empty is no date, a bad one says why", () => {
    expect(readDue("  ")).toEqual({ ok: true, due: null });
    expect(readDue("December 2026")).toEqual({ ok: true, due: "2026-12-31" });
    const bad = readDue("31/13/2026");
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/no month 13/);
  });

  it("reads the steps of an action as they change", () => {
    const doc = new Y.Doc();
    const [key] = appendActions(doc, [{}]);
    const stepKey = addStep(doc, key!, { text: "Book interpreters", due: null, status: null });
    updateStep(doc, key!, stepKey, { status: "amber", due: "2026-06-30" });
    const list = rowsOf(doc).get(key!)!.get("steps") as Y.Array<Y.Map<unknown>>;
    expect(readSteps(list)).toEqual([{ key: stepKey, text: "Book interpreters", due: "2026-06-30", status: "amber" }]);
  });
});
