/**
 * Due dates as people write them in plans: "2021-12-31", "31/12/2021", or "December 2021" (which
 * means the end of that month, as seed 002's "Time and date of completion" column does). A month
 * that starts something (a plan's period, "April 2024") means its first day instead: pass "start".
 */
import { EARLIEST_YEAR, LATEST_YEAR } from "~/lib/dates";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

export type ParsedDate = { ok: true; date: string } | { ok: false; message: string };

const HINT = "Enter a date like 31/12/2025, 2025-12-31 or December 2025";

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function checked(y: number, m: number, d: number): ParsedDate {
  if (y < EARLIEST_YEAR || y > LATEST_YEAR) return { ok: false, message: `The year must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}. ${HINT}.` };
  if (m < 1 || m > 12) return { ok: false, message: `There is no month ${m}. ${HINT}.` };
  if (d < 1 || d > daysIn(y, m)) return { ok: false, message: `There is no day ${d} in that month. ${HINT}.` };
  return { ok: true, date: iso(y, m, d) };
}

export function parseDueDate(input: string, monthMeans: "start" | "end" = "end"): ParsedDate {
  const value = input.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^([a-z]+)\.?\s+(\d{4})$/i.exec(value);
  if (m) {
    const word = m[1]!.toLowerCase();
    const month = MONTHS.findIndex((name) => name === word || (word.length >= 3 && name.startsWith(word)));
    if (month >= 0) return checked(Number(m[2]), month + 1, monthMeans === "start" ? 1 : daysIn(Number(m[2]), month + 1));
  }
  return { ok: false, message: value ? `"${value}" is not a date we can read. ${HINT}.` : `${HINT}.` };
}

/** "31 December 2021" for a stored ISO date. */
export function formatDue(date: string | null): string {
  if (!date) return "No date";
  const [y, mo, d] = date.split("-").map(Number);
  const name = MONTHS[(mo ?? 1) - 1] ?? "";
  return `${d} ${name.charAt(0).toUpperCase()}${name.slice(1)} ${y}`;
}

/** Today as an ISO date in UK time (the plans' readers are in England). */
export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * The day a plan's progress is judged on (what is overdue): today, or for an archived plan the
 * day it was archived, since it is kept as it stood then.
 */
export function progressDay(archivedAt: string | Date | null, now = new Date()): string {
  return todayIso(archivedAt ? new Date(archivedAt) : now);
}
