import { describe, expect, it } from "vitest";
import { suggestEds2Grade, type CharacteristicRef } from "./grade-suggestion";

const NINE = ["Age", "Disability", "Gender reassignment", "Marriage and civil partnership", "Pregnancy and maternity", "Race", "Religion or belief", "Sex", "Sexual orientation"];
const chars: CharacteristicRef[] = [
  ...NINE.map((name, i) => ({ id: `p${i}`, name, kind: "protected", parentId: null })),
  { id: "deaf", name: "D/deaf people and BSL users", kind: "group", parentId: "p1" },
  { id: "grt", name: "Gypsy, Roma and Traveller communities", kind: "group", parentId: "p5" },
  { id: "carers", name: "Carers", kind: "group", parentId: null },
];
const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

describe("suggested EDS2 grade", () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
    [8, 2],
  ])("%s characteristics with evidence and plans suggests scale value %s", (n, value) => {
    const s = suggestEds2Grade({ characteristics: chars, evidenceCharacteristicIds: ids(n), planCharacteristicIds: ids(n) });
    expect(s.value).toBe(value);
    expect(s.covered).toHaveLength(n);
    expect(s.considerExcelling).toBe(false);
  });

  it("all nine suggests considering Excelling but never suggests it outright", () => {
    const s = suggestEds2Grade({ characteristics: chars, evidenceCharacteristicIds: ids(9), planCharacteristicIds: ids(9) });
    expect(s.value).toBe(2);
    expect(s.considerExcelling).toBe(true);
    expect(s.missing).toEqual([]);
  });

  it("counts sub-groups toward their parent characteristic", () => {
    // Evidence from a Deaf society briefing and a GRT report; plans name disability and race.
    const s = suggestEds2Grade({ characteristics: chars, evidenceCharacteristicIds: ["deaf", "grt", "p0"], planCharacteristicIds: ["p1", "grt", "p0"] });
    expect(s.covered).toEqual(["Age", "Disability", "Race"]);
    expect(s.value).toBe(1);
  });

  it("ignores groups with no protected parent", () => {
    const s = suggestEds2Grade({ characteristics: chars, evidenceCharacteristicIds: ["carers"], planCharacteristicIds: ["carers"] });
    expect(s.covered).toEqual([]);
  });

  it("evidence without a plan action does not count, and the missing list says which half is lacking", () => {
    const s = suggestEds2Grade({ characteristics: chars, evidenceCharacteristicIds: ids(6), planCharacteristicIds: ["p0", "p1", "p2"] });
    expect(s.value).toBe(1);
    expect(s.missing).toEqual(NINE.slice(3));
    expect(s.missingDetail[0]).toEqual({ name: "Marriage and civil partnership", lacks: ["plan"] });
    expect(s.missingDetail.at(-1)).toEqual({ name: "Sexual orientation", lacks: ["evidence", "plan"] });
  });
});
