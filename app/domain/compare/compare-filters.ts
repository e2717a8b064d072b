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
