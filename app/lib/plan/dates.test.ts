import { describe, expect, it } from "vitest";
import { parseDueDate, progressDay } from "./dates";

describe("the day a plan's progress is judged on", () => {
  it("is today in London for a plan being worked on", () => {
    expect(progressDay(null, new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01"); // British Summer Time
  });

  it("is the London day it was archived for an archived plan, whatever today is", () => {
    expect(progressDay("2024-04-01T23:30:00.000Z", new Date("2026-12-07T10:00:00Z"))).toBe("2024-04-02");
    expect(progressDay(new Date("2024-01-15T23:30:00Z"))).toBe("2024-01-15");
  });
});

describe("a month written alone", () => {
  it("is the end of that month for a due date, and its first day for something that starts then", () => {
    expect(parseDueDate("December 2021")).toEqual({ ok: true, date: "2021-12-31" });
    expect(parseDueDate("Feb 2024", "end")).toEqual({ ok: true, date: "2024-02-29" });
    expect(parseDueDate("April 2024", "start")).toEqual({ ok: true, date: "2024-04-01" });
    // A full date is the date written, whichever is asked.
    expect(parseDueDate("15/4/2024", "start")).toEqual({ ok: true, date: "2024-04-15" });
  });
});
