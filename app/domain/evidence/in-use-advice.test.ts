import { describe, expect, it } from "vitest";
import { inUseAdvice, inUseLead } from "./in-use-advice";

const none = { grades: [], planActions: [], registerRows: [], elsewhere: [] };
const other = (counts: Partial<{ grades: number; planActions: number; responses: number }>) => ({ orgName: "Mersey Care", grades: 0, planActions: 0, responses: 0, ...counts });

describe("what the delete page advises for an item in use", () => {
  it("asks for the owner's own links to be removed, and another organisation's grades and plan actions to be asked for", () => {
    expect(inUseAdvice({ ...none, grades: [{ assessmentId: "a", label: "EDS 2022 2024/25, outcome 1A" }] })).toEqual([
      "Remove your links first (edit the grade, the plan or the register row), then come back to delete the item.",
    ]);
    expect(inUseAdvice({ ...none, elsewhere: [other({ grades: 1 })] })).toEqual(["Another organisation’s links are theirs to remove: ask their equality lead."]);
  });

  it("says an item another organisation has answered is kept for good, rather than sending the lead to ask for its answers to be removed", () => {
    // It said "Another organisation's links are theirs to remove: ask their equality lead", but an
    // answer is appended and never removed: no one can remove it, so the item can never be deleted.
    const advice = inUseAdvice({ ...none, elsewhere: [other({ responses: 2 })] });
    expect(advice.join(" ")).not.toMatch(/ask their equality lead/);
    expect(advice).toEqual([expect.stringMatching(/^Answers to its recommendations are never removed.*so this item cannot be deleted/)]);
    expect(inUseAdvice({ ...none, planActions: [{ planId: "p", planTitle: "Plan", action: "Act" }], elsewhere: [other({ responses: 1, planActions: 1 })] })).toHaveLength(3);
  });
});

describe("the sentence that opens the list of uses", () => {
  it("says the links hold the item only when some can be removed; answers alone hold it for good", () => {
    expect(inUseLead({ ...none, registerRows: [{ position: 0, barrier: "B" }] })).toBe("It cannot be deleted while these link to it:");
    expect(inUseLead({ ...none, elsewhere: [other({ planActions: 1, responses: 1 })] })).toBe("It cannot be deleted while these link to it:");
    expect(inUseLead({ ...none, elsewhere: [other({ responses: 2 })] })).toBe("It cannot be deleted: other organisations have answered its recommendations.");
  });
});
