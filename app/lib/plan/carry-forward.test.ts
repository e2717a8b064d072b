import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN_LEGEND } from "#db/schema";
import { actionsToCarry, carriedAction } from "./carry-forward";
import type { PlanAction } from "./model";

const action = (over: Partial<PlanAction>): PlanAction => ({
  key: "k", position: 1, characteristics: ["race"], barrier: "Poor access", issue: "", action: "Work with the CDW service", responsibleOfficer: "Director of Commissioning",
  owner: "", originalDue: "2022-03-31", currentDue: "2022-03-31", dueChanges: [], updates: [], edsOutcomes: ["EDS2:1.1"], psedAims: [], objectives: ["2"], status: "blue",
  evidence: [], steps: [], risks: "", mitigations: "", source: null, sourceDecisions: [], ...over,
});

describe("carrying a plan's actions forward", () => {
  it("takes those whose status does not mean complete, by the plan's legend", () => {
    const done = action({ key: "done", status: "green" });
    const open = [action({ key: "ongoing", status: "blue" }), action({ key: "none", status: null }), action({ key: "red", status: "red" })];
    expect(actionsToCarry([done, ...open], DEFAULT_PLAN_LEGEND).map((a) => a.key)).toEqual(["ongoing", "none", "red"]);
    const blueMeansComplete = DEFAULT_PLAN_LEGEND.map((s) => (s.key === "blue" ? { ...s, meaning: "complete" as const } : s.key === "green" ? { ...s, meaning: "ongoing" as const } : s));
    expect(actionsToCarry([done, ...open], blueMeansComplete).map((a) => a.key)).toEqual(["done", "none", "red"]);
  });

  it("keeps what the action says and its updates, starts its due date afresh and says where it came from", () => {
    const moved = action({
      originalDue: "2021-03-31",
      currentDue: "2023-03-31",
      dueChanges: [
        { at: "2021-03-01T09:00:00.000Z", authorId: null, authorName: "A", from: "2021-03-31", to: "2022-03-31", reason: "Covid" },
        { at: "2022-03-01T09:00:00.000Z", authorId: null, authorName: "A", from: "2022-03-31", to: "2023-03-31", reason: "Funding" },
      ],
      updates: [{ at: "2022-09-01T09:00:00.000Z", authorId: null, authorName: "A", text: "Half done." }],
    });
    const carried = carriedAction(moved, "Equality objective plan 2019 to 2023", { id: "u", name: "Rachel Evans (Sefton Council)" }, new Date("2024-04-02T09:00:00Z"));
    expect(carried).toMatchObject({ action: "Work with the CDW service", status: "blue", objectives: ["2"], originalDue: "2023-03-31", currentDue: "2023-03-31", dueChanges: [] });
    expect(carried).not.toHaveProperty("key");
    expect(carried.updates!).toEqual([
      { at: "2022-09-01T09:00:00.000Z", authorId: null, authorName: "A", text: "Half done." },
      { at: "2024-04-02T09:00:00.000Z", authorId: "u", authorName: "Rachel Evans (Sefton Council)", text: 'Carried forward from "Equality objective plan 2019 to 2023" (originally due 31 March 2021, moved 2 times).' },
    ]);
    expect(carriedAction(action({}), "Old", { id: null, name: "X" }, new Date("2024-04-02T09:00:00Z")).updates!.at(-1)!.text).toBe('Carried forward from "Old".');
  });
});
