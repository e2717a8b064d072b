import { ITEM_TYPES, type ItemType } from "#db/schema";
import { EARLIEST_YEAR, isRealDate, LATEST_YEAR } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { readPage } from "~/lib/paging";

/** The list's search and filters, as kept in the URL (so a search can be bookmarked and shared). */
export interface EvidenceFilters {
  q: string;
  sourceId: string | null;
  type: ItemType | null;
  from: string | null;
  to: string | null;
  outcomeId: string | null;
  characteristicId: string | null;
  psedId: string | null;
  themeId: string | null;
  concernedOrgId: string | null;
  /** The organisation that owns the items. */
  ownerOrgId: string | null;
  scope: "all" | "own" | "shared";
  page: number;
}

export const PAGE_SIZE = 20;
/**
 * Totals are counted up to this many; a larger count comes back as `TOTAL_CAP + 1` ("more than
 * 1,000"), except filter-only lists, whose exact totals come from the coverage counters. Only the
 * first `TOTAL_CAP` results can be paged through (see evidence_search in migration 0014).
 */
export const TOTAL_CAP = 1000;
export const MAX_PAGES = TOTAL_CAP / PAGE_SIZE;
/** When more than `TOTAL_CAP` items match words, the best matches are chosen among this many most recent ones. */
export const RANK_WINDOW = 200;

/** What a total means for the page: how many pages can be shown, and whether the count stopped at the cap. */
export function pagingOf(total: number, searched: boolean) {
  const capped = total === TOTAL_CAP + 1;
  return {
    /** "More than 1,000": the count stopped there. */
    capped,
    /** More items match than can be paged through. */
    bounded: total > TOTAL_CAP,
    /** Words matched so many items that ranking covered only the most recent `RANK_WINDOW`. */
    windowed: searched && total > TOTAL_CAP,
    pages: Math.max(1, Math.ceil(Math.min(total, TOTAL_CAP) / PAGE_SIZE)),
  };
}
/**
 * Search snippets mark matches with these control characters; the page turns them into <mark>, never
 * parsing HTML. They must stay C0 control characters: evidence_search_page (migration 0039) shows
 * any the stored text holds as spaces, so the only ones in a snippet are its marks.
 */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

/** Reads filters from a query string; anything malformed is ignored rather than failing the page. */
export function filtersFrom(params: URLSearchParams): EvidenceFilters {
  const id = (k: string) => (isUuid(params.get(k) ?? "") ? params.get(k) : null);
  // Only days the calendar has: "2024-02-30" would reach PostgreSQL and fail the page (isRealDate says why).
  const date = (k: string) => (isRealDate(params.get(k) ?? "") ? params.get(k) : null);
  const type = params.get("type");
  const scope = params.get("scope");
  return {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    sourceId: id("source"),
    type: ITEM_TYPES.includes(type as ItemType) ? (type as ItemType) : null,
    from: date("from"),
    to: date("to"),
    outcomeId: id("outcome"),
    characteristicId: id("characteristic"),
    psedId: id("psed"),
    themeId: id("theme"),
    concernedOrgId: id("concerns"),
    ownerOrgId: id("org"),
    scope: scope === "own" || scope === "shared" ? scope : "all",
    // Only a whole number from 1 is a page (readPage; the list names anything else). Any page past
    // MAX_PAGES is past the end, so the cap only keeps the query's offset small.
    page: Math.min(10_000, readPage(params).page),
  };
}

/** The query string for filters (only what is set), for links: pagination, coverage cells, exports. */
export function filtersQuery(f: Partial<EvidenceFilters>): string {
  const p = new URLSearchParams();
  const set = (k: string, v: string | number | null | undefined) => {
    if (v !== null && v !== undefined && v !== "") p.set(k, String(v));
  };
  set("q", f.q);
  set("source", f.sourceId);
  set("type", f.type);
  set("from", f.from);
  set("to", f.to);
  set("outcome", f.outcomeId);
  set("characteristic", f.characteristicId);
  set("psed", f.psedId);
  set("theme", f.themeId);
  set("concerns", f.concernedOrgId);
  set("org", f.ownerOrgId);
  if (f.scope && f.scope !== "all") set("scope", f.scope);
  if (f.page && f.page > 1) set("page", f.page);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export const hasFilters = (f: EvidenceFilters) =>
  Boolean(f.sourceId || f.type || f.from || f.to || f.outcomeId || f.characteristicId || f.psedId || f.themeId || f.concernedOrgId || f.ownerOrgId || f.scope !== "all");

/** What is wrong with filters that can match nothing whatever the library holds, by field: said beside it, not left as "no items". */
export function filterProblems(f: Pick<EvidenceFilters, "from" | "to">): { from?: string; to?: string } {
  const problems: { from?: string; to?: string } = {};
  // Items are dated EARLIEST_YEAR to LATEST_YEAR (the item form's years): "0224" for 2024 is a real day to the date box.
  if (f.from && Number(f.from.slice(0, 4)) > LATEST_YEAR) problems.from = `The “Published from” date is after ${LATEST_YEAR}, so no item can match: check the year`;
  if (f.to && Number(f.to.slice(0, 4)) < EARLIEST_YEAR) problems.to = `The “Published to” date is before ${EARLIEST_YEAR}, so no item can match: check the year`;
  else if (f.from && f.to && f.to < f.from) problems.to = "The “Published to” date is before the “Published from” date, so no item can match: swap them";
  return problems;
}
