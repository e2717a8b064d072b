import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN_LEGEND, type SourceLink } from "#db/schema";
import { countActions, dueTags, filterActions, objectiveChoices, sourceKeyOf, sourceLabel, summaryText, toInputDate } from "./progress";

const today = "2026-01-15";
const change = { at: "", authorId: null, authorName: "", from: null, to: null, reason: "r" };
const actions = [
  { key: "a", currentDue: "2025-12-31", status: "red", dueChanges: [] },
  { key: "b", currentDue: "2025-12-31", status: "green", dueChanges: [change, change] },
  { key: "c", currentDue: "2026-03-31", status: "amber", dueChanges: [change, change, change] },
  { key: "d", currentDue: null, status: null, dueChanges: [change] },
];

describe("plan progress view", () => {
  it("counts overdue (past due, not complete) and slipped (moved more than once) actions", () => {
    const counts = countActions(actions, DEFAULT_PLAN_LEGEND, today);
    expect(counts).toEqual({ total: 4, overdue: 1, slipped: 2 });
    expect(summaryText(counts)).toBe("4 actions, 1 overdue, 2 slipped");
    expect(summaryText({ total: 1, overdue: 0, slipped: 0 })).toBe("1 action, 0 overdue, 0 slipped");
  });

  it("filters to overdue, slipped or either, and shows all otherwise", () => {
    const keys = (f: Parameters<typeof filterActions>[1]) => filterActions(actions, f, DEFAULT_PLAN_LEGEND, today).map((a) => a.key);
    expect(keys("all")).toEqual(["a", "b", "c", "d"]);
    expect(keys("overdue")).toEqual(["a"]);
    expect(keys("slipped")).toEqual(["b", "c"]);
    expect(keys("either")).toEqual(["a", "b", "c"]);
  });

  it("writes the due date's state as words", () => {
    expect(dueTags(actions[0]!, DEFAULT_PLAN_LEGEND, today).map((t) => t.text)).toEqual(["Overdue"]);
    expect(dueTags(actions[2]!, DEFAULT_PLAN_LEGEND, today).map((t) => t.text)).toEqual(["Slipped (moved 3 times)"]);
    expect(dueTags(actions[3]!, DEFAULT_PLAN_LEGEND, today)).toEqual([]);
  });

  it("turns an ISO date back into what people type", () => {
    expect(toInputDate("2025-12-31")).toBe("31/12/2025");
    expect(toInputDate(null)).toBe("");
  });

  it("numbers the objectives as choices", () => {
    expect(objectiveChoices([{ number: 2, text: "Fair commissioning" }])).toEqual([{ code: "2", label: "2. Fair commissioning" }]);
  });

  it("names a pulled action's source", () => {
    const snapshot = { title: "Old title", barrier: "", issue: "", characteristics: [], edsOutcomes: [], psedAims: [] };
    const link: SourceLink = { kind: "evidence", id: "e1", pulledAt: "", pulledBy: "", snapshot };
    expect(sourceKeyOf(link)).toBe("evidence:e1");
    expect(sourceLabel(link, undefined)).toBe("From evidence: Old title");
    expect(sourceLabel(link, { href: "/evidence/e1", snapshot: { ...snapshot, title: "New title" } })).toBe("From evidence: New title");
    expect(sourceLabel({ ...link, kind: "register" }, undefined)).toBe("From the shared register");
  });
});
