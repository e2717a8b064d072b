import { describe, expect, it } from "vitest";
import { textArray } from "./pipeline";

describe("textArray", () => {
  it("quotes every element and escapes quotes and backslashes", () => {
    expect(textArray([])).toBe("{}");
    expect(textArray(["a", "b c", "NULL", 'say "hi"', "back\\slash", "{x,y}"])).toBe('{"a","b c","NULL","say \\"hi\\"","back\\\\slash","{x,y}"}');
  });
});
