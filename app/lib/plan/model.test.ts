import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { SourceSnapshot } from "#db/schema";
import { parseDueDate } from "./dates";
import { addStep, appendActions, changeDueDate, DueDateError, readActions, resolveSourceChange, sourceChanges, updateStep } from "./model";

const me = { id: "u1", name: "Pat Lead (Trust A)" };
const snapshot: SourceSnapshot = { title: "Poor access", barrier: "Poor access", issue: "No BSL interpreters", characteristics: ["disability"], edsOutcomes: ["EDS2:1.1"], psedAims: [] };

describe("plan due dates", () => {
  it("sets the first date without a reason, then refuses a move without one and keeps every move", () => {
    const doc = new Y.Doc();
    const [key] = appendActions(doc, [{ action: "Procure BSL service" }]);
    changeDueDate(doc, key!, "December 2025", "", me);
    expect(readActions(doc)[0]).toMatchObject({ originalDue: "2025-12-31", currentDue: "2025-12-31", dueChanges: [] });

    expect(() => changeDueDate(doc, key!, "31/03/2026", "  ", me)).toThrow(DueDateError);
    expect(readActions(doc)[0]!.currentDue).toBe("2025-12-31");

    changeDueDate(doc, key!, "31/03/2026", "Procurement delayed", me, new Date("2025-11-01T10:00:00Z"));
    changeDueDate(doc, key!, "2026-06-30", "Provider mobilisation", me);
    const action = readActions(doc)[0]!;
    expect(action.originalDue).toBe("2025-12-31");
    expect(action.currentDue).toBe("2026-06-30");
    expect(action.dueChanges.map((c) => [c.from, c.to, c.reason, c.authorName])).toEqual([
      ["2025-12-31", "2026-03-31", "Procurement delayed", me.name],
      ["2026-03-31", "2026-06-30", "Provider mobilisation", me.name],
    ]);
  });

  it("refuses dates that do not exist, naming the problem", () => {
    const doc = new Y.Doc();
    const [key] = appendActions(doc, [{}]);
    expect(() => changeDueDate(doc, key!, "31/02/2026", "", me)).toThrow(/no day 31/);
    expect(() => changeDueDate(doc, key!, "soon", "", me)).toThrow(/not a date/);
  });

  it("reads the date shapes plans are written in", () => {
    expect(parseDueDate("December 2021")).toEqual({ ok: true, date: "2021-12-31" });
    expect(parseDueDate("Feb 2024")).toEqual({ ok: true, date: "2024-02-29" });
    expect(parseDueDate("5/4/2025")).toEqual({ ok: true, date: "2025-04-05" });
    expect(parseDueDate("2025-13-01").ok).toBe(false);
  });
});

describe("plan steps", () => {
  it("adds and changes steps with their own dates and statuses", () => {
    const doc = new Y.Doc();
    const [key] = appendActions(doc, [{ action: "Inclusive recruitment" }]);
    const step = addStep(doc, key!, { text: "Identify VSM appraisal dates", due: "2026-01-31", status: "red" });
    updateStep(doc, key!, step, { status: "green" });
    expect(readActions(doc)[0]!.steps).toEqual([{ key: step, text: "Identify VSM appraisal dates", due: "2026-01-31", status: "green" }]);
  });
});

describe("source changes", () => {
  const pulled = () => {
    const doc = new Y.Doc();
    const [key] = appendActions(doc, [
      { barrier: snapshot.barrier, issue: "Our own wording", characteristics: ["disability"], source: { kind: "register", id: "r1", pulledAt: "2025-01-01T00:00:00Z", pulledBy: "Pat", snapshot } },
    ]);
    return { doc, key: key! };
  };
  const now: SourceSnapshot = { ...snapshot, issue: "No BSL interpreters at weekends", characteristics: ["deaf", "disability"] };

  it("lists what changed, field by field", () => {
    expect(sourceChanges(snapshot, snapshot)).toEqual([]);
    expect(sourceChanges(snapshot, now).map((c) => [c.field, c.before, c.after])).toEqual([
      ["issue", "No BSL interpreters", "No BSL interpreters at weekends"],
      ["characteristics", ["disability"], ["deaf", "disability"]],
    ]);
  });

  it("takes the change: the fields follow the source and the choice is recorded", () => {
    const { doc, key } = pulled();
    resolveSourceChange(doc, key, now, "take", me);
    const action = readActions(doc)[0]!;
    expect(action.issue).toBe("No BSL interpreters at weekends");
    expect(action.characteristics).toEqual(["deaf", "disability"]);
    expect(sourceChanges(action.source!.snapshot, now)).toEqual([]);
    expect(action.sourceDecisions).toMatchObject([{ choice: "take", authorName: me.name, fields: ["issue", "characteristics"] }]);
  });

  it("keeps our wording: the fields stay, the flag clears, the choice is recorded", () => {
    const { doc, key } = pulled();
    resolveSourceChange(doc, key, now, "keep", me);
    const action = readActions(doc)[0]!;
    expect(action.issue).toBe("Our own wording");
    expect(action.characteristics).toEqual(["disability"]);
    expect(sourceChanges(action.source!.snapshot, now)).toEqual([]);
    expect(action.sourceDecisions).toMatchObject([{ choice: "keep", fields: ["issue", "characteristics"] }]);
  });
});

describe("plan logs", () => {
  it("reads updates appended as plain entries and as Y.Maps (the register's shared editor appends Y.Maps)", () => {
    const doc = new Y.Doc();
    const [key] = appendActions(doc, [{ updates: [{ at: "2025-09-01T00:00:00Z", authorId: null, authorName: "A", text: "Plain" }] }]);
    const entry = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ at: "2025-10-01T00:00:00Z", authorId: "u", authorName: "B", text: "As a map" })) entry.set(k, v);
    (doc.getMap<Y.Map<unknown>>("rows").get(key!)!.get("updates") as Y.Array<unknown>).push([entry]);
    expect(readActions(doc)[0]!.updates.map((u) => u.text)).toEqual(["Plain", "As a map"]);
  });
});
