import { describe, expect, it } from "vitest";
import { foldHistory } from "./history";

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));

describe("register history", () => {
  it("folds one person's run of edits to the same row, and keeps others apart", () => {
    const entries = foldHistory([
      { userId: "a", userName: "Ann", at: at(10), rowKeys: ["r1"] },
      { userId: "a", userName: "Ann", at: at(9), rowKeys: ["r1"] },
      { userId: "b", userName: "Bob", at: at(8), rowKeys: ["r1"] },
      { userId: "a", userName: "Ann", at: at(7), rowKeys: ["r2"] },
      { userId: "a", userName: "Ann", at: at(0), rowKeys: ["r2"] },
      { userId: null, userName: null, at: at(0), rowKeys: [] },
    ]);
    expect(entries.map((e) => [e.userName, e.rowKeys.join(), e.changes])).toEqual([
      ["Ann", "r1", 2],
      ["Bob", "r1", 1],
      ["Ann", "r2", 1],
      ["Ann", "r2", 1],
    ]);
  });

  it("keeps two people of the same name apart", () => {
    const entries = foldHistory([
      { userId: "sam-at-a", userName: "Sam Jones", at: at(10), rowKeys: ["r1"] },
      { userId: "sam-at-b", userName: "Sam Jones", at: at(9), rowKeys: ["r1"] },
      { userId: "sam-at-b", userName: "Sam Jones", at: at(8), rowKeys: ["r1"] },
    ]);
    expect(entries.map((e) => [e.userId, e.changes])).toEqual([
      ["sam-at-a", 1],
      ["sam-at-b", 2],
    ]);
  });
});
