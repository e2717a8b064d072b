import { describe, expect, it } from "vitest";
import { contextOf, isValidNhsNumber, redact, scanText } from "./scan";

const kinds = (text: string) => scanText(text).map((h) => [h.kind, h.text]);

describe("NHS number checksum", () => {
  it("accepts valid numbers in any spacing and refuses near misses", () => {
    expect(isValidNhsNumber("943 476 5919")).toBe(true);
    expect(isValidNhsNumber("9434765919")).toBe(true);
    expect(isValidNhsNumber("401-023-2137")).toBe(true);
    expect(isValidNhsNumber("943 476 5918")).toBe(false); // last digit off by one
    expect(isValidNhsNumber("943 476 591")).toBe(false); // nine digits
    expect(isValidNhsNumber("1000000010")).toBe(false); // check digit would be 10
  });
});

describe("personal-data scan (fixture set with known hits and near misses)", () => {
  it("finds each kind of hit", () => {
    expect(kinds("Mrs Jones said she waited. NHS number 943 476 5919.")).toEqual([
      ["name", "Mrs Jones"],
      ["nhs_number", "943 476 5919"],
    ]);
    expect(kinds("Email j.smith@example.org or call 0151 706 2000 or +44 7700 900123")).toEqual([
      ["email", "j.smith@example.org"],
      ["phone", "0151 706 2000"],
      ["phone", "+44 7700 900123"],
    ]);
    expect(kinds("She lives at L7 8XP, DOB: 12/03/1956, born on 4 May 1961")).toEqual([
      ["postcode", "L7 8XP"],
      ["date_of_birth", "12/03/1956"],
      ["date_of_birth", "4 May 1961"],
    ]);
    expect(kinds("Dr. Aisha Khan and Mr O'Neill")).toEqual([
      ["name", "Dr. Aisha Khan"],
      ["name", "Mr O'Neill"],
    ]);
  });

  it("leaves near misses alone", () => {
    // Invalid NHS checksum, a plain date without a birth cue, a title without a name, counts and codes.
    expect(scanText("Reference 943 476 5918 logged on 12/03/2023.")).toEqual([]);
    expect(scanText("the mr in the ward; 1,234 people; outcome 1A; EDS 2022; l7 8xp")).toEqual([]);
    expect(scanText("Contact the team@ desk")).toEqual([]);
  });

  it("redacts chosen hits and shows context", () => {
    const text = "Call Mrs Jones on 0151 706 2000 today";
    const hits = scanText(text);
    expect(redact(text, hits)).toBe("Call [redacted name after a title] on [redacted phone number] today");
    expect(redact(text, hits.slice(1))).toBe("Call Mrs Jones on [redacted phone number] today");
    expect(contextOf(text, hits[0]!, 5)).toEqual({ before: "Call ", after: " on 0…" });
  });
});
