import { ORGANISATION_TYPES, type OrganisationType } from "#db/schema";
import { yearLabel } from "~/policies/grading";

export type FrameworkCode = "EDS2" | "EDS2022";

export interface CompareFilters {
  framework: FrameworkCode;
  year: number | null;
  orgType: OrganisationType | null;
  sort: string;
  dir: "asc" | "desc";
  /**
   * Values in the address that are not ones the views know (year=99999, framework=EDS3), as
   * typed: the filter falls back (newest year, EDS 2022, all types), the page says so
   * (filterNotices) and a download refuses them (filterRefusal), so nobody reads one year's
   * grades believing them another's.
   */
  rejected: { year?: string; framework?: string; orgType?: string };
}

/** The first EDS year (EDS2's, 2012/13; new assessments start there too) and the last a link could ask for (next year's, as the new-assessment form allows). */
export const FIRST_COMPARE_YEAR = 2012;
const lastCompareYear = () => new Date().getFullYear() + 1;

export const FRAMEWORK_LABELS: Record<FrameworkCode, string> = { EDS2: "EDS2", EDS2022: "EDS 2022" };

/** Reads the comparison filters from a URL's query; a value it does not know falls back and is kept in `rejected`. */
export function readFilters(params: URLSearchParams, defaults: Partial<Pick<CompareFilters, "framework" | "sort">> = {}): CompareFilters {
  const rejected: CompareFilters["rejected"] = {};
  const framework = params.get("framework")?.trim() ?? "";
  const rawYear = params.get("year")?.trim() ?? "";
  const orgType = params.get("orgType")?.trim() ?? "";
  const year = /^\d{4}$/.test(rawYear) && Number(rawYear) >= FIRST_COMPARE_YEAR && Number(rawYear) <= lastCompareYear() ? Number(rawYear) : null;
  if (rawYear && year === null) rejected.year = rawYear;
  const knownFramework = framework === "EDS2" || framework === "EDS2022";
  if (framework && !knownFramework) rejected.framework = framework;
  const knownType = (ORGANISATION_TYPES as readonly string[]).includes(orgType);
  if (orgType && !knownType) rejected.orgType = orgType;
  return {
    framework: knownFramework ? framework : (defaults.framework ?? "EDS2022"),
    year,
    orgType: knownType ? (orgType as OrganisationType) : null,
    sort: params.get("sort") ?? defaults.sort ?? "org",
    dir: params.get("dir") === "desc" ? "desc" : "asc",
    rejected,
  };
}

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

/** Which filters a view has: movement has neither year nor framework, the bands view is EDS 2022 only. */
export interface FilterUse {
  year: boolean;
  framework: boolean;
}

/** The filters each view has (the download route serves them all). */
export const VIEW_FILTERS = {
  grid: { year: true, framework: true },
  spread: { year: true, framework: true },
  coverage: { year: true, framework: true },
  bands: { year: true, framework: false },
  movement: { year: false, framework: false },
} satisfies Record<string, FilterUse>;

/** What the view shows: its framework, the year it settled on (null: none published) and the years it could have shown. */
export interface ShownFilters {
  framework: FrameworkCode;
  year: number | null;
  years: number[];
}

type Issue = { kind: "year" | "framework" | "orgType"; value: string } | { kind: "unpublished"; year: number };

function issues(asked: CompareFilters, shown: ShownFilters | null, use: FilterUse): Issue[] {
  const found: Issue[] = [];
  if (use.framework && asked.rejected.framework !== undefined) found.push({ kind: "framework", value: asked.rejected.framework });
  if (use.year && asked.rejected.year !== undefined) found.push({ kind: "year", value: asked.rejected.year });
  if (use.year && asked.year !== null && shown && !shown.years.includes(asked.year)) found.push({ kind: "unpublished", year: asked.year });
  if (asked.rejected.orgType !== undefined) found.push({ kind: "orgType", value: asked.rejected.orgType });
  return found;
}

const yearRange = () => `${yearLabel(FIRST_COMPARE_YEAR)} to ${yearLabel(lastCompareYear())}`;

/** What the page says about each filter it could not use, and what it shows instead. */
export function filterNotices(asked: CompareFilters, shown: ShownFilters | null, use: FilterUse): string[] {
  const label = shown ? FRAMEWORK_LABELS[shown.framework] : "";
  return issues(asked, shown, use).flatMap((issue) => {
    switch (issue.kind) {
      case "framework":
        return [`“${issue.value}” is not a framework here (EDS2 or EDS 2022): showing ${label}.`];
      case "year":
        return [`“${issue.value}” is not a year assessments could cover (${yearRange()})${shown?.year ? `: showing ${yearLabel(shown.year)}, the newest year with published ${label} grades` : ""}.`];
      case "unpublished":
        // With nothing published at all the page says so already.
        return shown?.year ? [`No ${label} grades have been published for ${yearLabel(issue.year)}: showing ${yearLabel(shown.year)}, the newest year with published grades.`] : [];
      case "orgType":
        return [`“${issue.value}” is not an organisation type: showing all types.`];
    }
  });
}

/** Why a download with these filters is refused (the first reason), or null: a file of another year or framework than asked would be mistaken for it. */
export function filterRefusal(asked: CompareFilters, shown: ShownFilters | null, use: FilterUse): string | null {
  const [issue] = issues(asked, shown, use);
  if (!issue) return null;
  switch (issue.kind) {
    case "framework":
      return `“${issue.value}” is not a framework here (EDS2 or EDS 2022).`;
    case "year":
      return `“${issue.value}” is not a year assessments could cover (${yearRange()}).`;
    case "unpublished":
      return `No ${FRAMEWORK_LABELS[shown!.framework]} grades have been published for ${yearLabel(issue.year)}. Years with published grades: ${shown!.years.map(yearLabel).join(", ") || "none yet"}.`;
    case "orgType":
      return `“${issue.value}” is not an organisation type.`;
  }
}
