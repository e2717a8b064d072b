import { ORGANISATION_TYPES, type OrganisationType } from "#db/schema";

export type FrameworkCode = "EDS2" | "EDS2022";

export interface CompareFilters {
  framework: FrameworkCode;
  year: number | null;
  orgType: OrganisationType | null;
  sort: string;
  dir: "asc" | "desc";
}

/** Reads the comparison filters from a URL's query, ignoring anything unknown. */
export function readFilters(params: URLSearchParams, defaults: Partial<CompareFilters> = {}): CompareFilters {
  const framework = params.get("framework");
  const year = Number(params.get("year"));
  const orgType = params.get("orgType");
  return {
    framework: framework === "EDS2" || framework === "EDS2022" ? framework : (defaults.framework ?? "EDS2022"),
    year: Number.isInteger(year) && year > 2000 ? year : null,
    orgType: (ORGANISATION_TYPES as readonly string[]).includes(orgType ?? "") ? (orgType as OrganisationType) : null,
    sort: params.get("sort") ?? defaults.sort ?? "org",
    dir: params.get("dir") === "desc" ? "desc" : "asc",
  };
}

export const FRAMEWORK_LABELS: Record<FrameworkCode, string> = { EDS2: "EDS2", EDS2022: "EDS 2022" };
