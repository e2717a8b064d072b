import type { OrganisationType } from "#db/schema";

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  icb: "Integrated care board (ICB)",
  ccg: "Clinical commissioning group (CCG)",
  acute_trust: "Acute trust",
  community_trust: "Community trust",
  mental_health_trust: "Mental health trust",
  local_authority: "Local authority",
  vcse: "Voluntary, community and social enterprise (VCSE)",
  other: "Other",
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

/** "1 July 2022", the NHS style for dates. Accepts ISO dates and Date objects. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return Number.isNaN(d.getTime()) ? "" : dateFormat.format(d);
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? "" : dateTimeFormat.format(d);
}

/** "1 finding", "3 findings": a count with its noun (`many` for irregular plurals). */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "A", "A and B", "A, B and C". */
export function listInWords(values: string[]): string {
  if (values.length <= 1) return values.join("");
  return `${values.slice(0, -1).join(", ")} and ${values.at(-1)}`;
}
