import { describe, expect, it } from "vitest";
import { calendarDate, isRealDate } from "./dates";

describe("isRealDate", () => {
  it("accepts days the calendar has", () => {
    for (const date of ["2024-01-31", "2024-02-29", "2000-02-29", "2023-02-28", "2024-04-30", "2024-12-31", "1999-01-01"]) expect(isRealDate(date), date).toBe(true);
  });

  it("refuses days that Date.parse rolls into the next month", () => {
    // Each of these gives Date.parse a number, which is why it was no check.
    for (const date of ["2024-02-30", "2024-02-31", "2024-04-31", "2023-02-29", "1900-02-29", "2100-02-29"]) {
      expect(Number.isNaN(Date.parse(date)), date).toBe(false);
      expect(isRealDate(date), date).toBe(false);
    }
  });

  it("refuses months and days out of range", () => {
    for (const date of ["2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32"]) expect(isRealDate(date), date).toBe(false);
  });

  it("refuses anything not written YYYY-MM-DD", () => {
    for (const value of ["", "garbage", "2024-2-3", "29/02/2024", "2024-02-29T00:00:00Z", " 2024-02-29", "2024-02-29 ", "20240229", "+02024-02-29", "0000-01-01", "abcd-ef-gh"]) expect(isRealDate(value), value).toBe(false);
  });
});

describe("calendarDate", () => {
  it("writes a real day as an ISO date and refuses the rest", () => {
    expect(calendarDate(2024, 2, 29)).toBe("2024-02-29");
    expect(calendarDate(2025, 3, 1)).toBe("2025-03-01");
    expect(calendarDate(2025, 2, 29)).toBeNull();
    expect(calendarDate(2024, 4, 31)).toBeNull();
    expect(calendarDate(2024, 13, 1)).toBeNull();
    expect(calendarDate(2024, 1, 0)).toBeNull();
    expect(calendarDate(2024, 1.5, 1)).toBeNull();
    // Date.UTC reads years 0 to 99 as 1900 to 1999.
    expect(calendarDate(24, 1, 1)).toBeNull();
  });
});
