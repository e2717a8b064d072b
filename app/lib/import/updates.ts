import type { RowUpdate } from "#db/schema";
import { calendarDate, EARLIEST_YEAR, LATEST_YEAR } from "~/lib/dates";

export const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * A cell of dated updates, for the register's and the plans' imports: seed 002's "Update
 * September 2021 ..." entries and our exports' "Update 1 September 2021, Name (Organisation): ..."
 * (one per paragraph, or each starting "Update") keep their date; others are dated today. Every
 * entry is attributed to the person importing (a file cannot sign for anyone else), so an
 * exported entry keeps its original author's name in its text.
 */
export function parseUpdates(text: string, author: { id: string | null; name: string }, today: Date): RowUpdate[] {
  return text
    .split(/\n\s*\n|\n(?=\s*update\s)/i)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^update\s+(?:(\d{1,2})\s+)?([a-z]+)\s+(\d{4})\s*[:,.-]?\s*/i.exec(entry);
      const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
      // "Update 31 February 2022" is no date (Date.UTC would roll it into March): such an entry is kept whole, dated today.
      // Nor is one in a year no plan could have ("September 0221", "2201"), which would sort before or after every other update for ever.
      const year = m ? Number(m[3]) : 0;
      const day = m && month >= 0 && year >= EARLIEST_YEAR && year <= LATEST_YEAR ? calendarDate(year, month + 1, Number(m[1] ?? 1)) : null;
      const dated = m && day;
      const at = dated ? new Date(`${day}T00:00:00Z`) : today;
      return { at: at.toISOString(), authorId: author.id, authorName: author.name, text: dated ? entry.slice(m[0].length).trim() || entry : entry };
    });
}

/** Updates as an export writes them, so that importing the file again keeps their dates (see `parseUpdates`). */
export const formatUpdates = (updates: RowUpdate[], formatDate: (iso: string) => string) =>
  updates.map((u) => `Update ${formatDate(u.at)}, ${u.authorName}: ${u.text}`).join("\n\n");
