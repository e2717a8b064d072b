/**
 * Calendar dates typed by people or put in URLs. `Date.parse` is no check: V8 reads "2024-02-30"
 * as 1 March and "2023-02-29" as 1 March too, so such a value passed and PostgreSQL then refused it
 * with a 500. These accept only days the calendar has, by building the date and reading it back.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "2024-02-29" for a year, month (1 to 12) and day, or null when there is no such day (30 February,
 * month 13, day 0). Years before 100 are refused too: Date.UTC reads them as 1900 to 1999.
 */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** True only for a real calendar date written YYYY-MM-DD (what a date input sends), as PostgreSQL will accept it. */
export function isRealDate(value: string): boolean {
  const m = ISO.exec(value);
  return m !== null && calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/**
 * The years a date typed into PEFF may fall in: earlier or later is a slip of the keyboard ("0224"
 * for 2024, which a date box keeps as typed, or "2204"), and such a date passed every check and
 * stood for ever (a response never due, a report "published 1 March 2204"). Plans' due dates have
 * held to these years since they were written.
 */
export const EARLIEST_YEAR = 1990;
export const LATEST_YEAR = 2100;

/** True for a YYYY-MM-DD date whose year is one PEFF takes (the day itself is isRealDate's to judge). */
export function isInYearRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/** "<label> must be between 1990 and 2100": what a date field says of a year outside them. */
export const yearRangeMessage = (label: string) => `${label} must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}`;
