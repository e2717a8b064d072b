// A paged list's page number, as asked for in the address: shared by the lists that page (evidence,
// the movement comparison), so each says the same when the page asked for is not one.

/** The page a paged view was asked for: `page` is 1 when none was given or `rejected` holds what was typed instead of a whole number from 1. */
export interface PageAsked {
  page: number;
  rejected?: string;
}

/**
 * Reads `page` from a URL's query. Number() took "1.5" as a page (rows sliced from mid-page,
 * "Page 1.5 of 2") and "0", "-3" or "two" silently as page 1: only digits, from 1, are a page.
 */
export function readPage(params: URLSearchParams): PageAsked {
  const raw = params.get("page")?.trim() ?? "";
  if (!raw) return { page: 1 };
  const page = Number(raw);
  return /^\d+$/.test(raw) && page >= 1 && Number.isSafeInteger(page) ? { page } : { page: 1, rejected: raw };
}

/** What the page says when the page asked for is not a page number, or is past the last (`shown` is the page shown, of `pages`). */
export function pageNotices(asked: PageAsked, shown: number, pages: number): string[] {
  if (asked.rejected !== undefined) return [`“${asked.rejected}” is not a page number (pages are whole numbers from 1): showing page ${shown}.`];
  if (asked.page > pages) return [`There is no page ${asked.page.toLocaleString("en-GB")}: ${pages === 1 ? "showing the only page" : `showing page ${pages}, the last`}.`];
  return [];
}
