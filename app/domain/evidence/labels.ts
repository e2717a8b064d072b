import type { EventAction, ItemType, SourceKind } from "#db/schema";

export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  report: "Report",
  enter_and_view: "Enter and View visit",
  highlight_report: "Highlight report",
  survey: "Survey",
  meeting_note: "Meeting note",
  complaints_theme: "Complaints or PALS theme",
  data_return: "Data return",
  other: "Other",
};

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  healthwatch: "Healthwatch",
  cdw_project: "Community development worker (CDW) project",
  deaf_society: "Deaf society",
  vcse: "Voluntary, community and social enterprise (VCSE)",
  staff_network: "Staff network",
  trade_union: "Trade union",
  nhs_england: "NHS England",
  internal: "Internal",
  other: "Other",
};

export const EVENT_LABELS: Record<EventAction, string> = {
  created: "Created",
  edited: "Edited",
  tagged: "Tagged",
  untagged: "Removed tags",
  finding_added: "Added a finding",
  recommendation_added: "Added a recommendation",
  attached: "Attached a file",
  shared: "Shared with the collaborative",
  unshared: "Unshared",
  redacted: "Redacted personal data",
  imported: "Imported",
};

/** A one-line, plain-text account of an event's detail for the history table. */
export function describeEvent(action: EventAction, detail: Record<string, unknown>): string {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(", ") : "");
  switch (action) {
    case "created":
    case "imported":
      return String(detail.title ?? "");
    case "edited":
      return `Changed: ${list(detail.fields)}`;
    case "tagged":
    case "untagged":
      return `${detail.findingId ? "On a finding: " : ""}${list(detail.tags)}`;
    case "attached":
      return `${String(detail.filename ?? "")}${detail.textExtracted ? " (text extracted for search)" : ""}`;
    case "redacted":
      return (Array.isArray(detail.redactions) ? detail.redactions : []).map((r: { where?: string; kind?: string }) => `${r.kind} in ${r.where}`).join("; ");
    case "shared":
      return `${Number(detail.redacted ?? 0)} redacted, ${Number(detail.confirmed ?? 0)} confirmed as not personal data`;
    default:
      return "";
  }
}
