import type { EventAction, FindingKind, ItemType, SourceKind } from "#db/schema";
import { PII_LABELS } from "~/lib/pii/scan";
import { countOf } from "~/lib/labels";

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
  finding_edited: "Changed a finding",
  finding_removed: "Removed a finding",
  recommendation_edited: "Changed a recommendation",
  recommendation_removed: "Removed a recommendation",
  file_removed: "Removed a file",
  theme_confirmed: "Confirmed a theme name is not about a person",
};

/** How the history names an item's fields (the keys "edited" events store). */
const FIELD_LABELS: Record<string, string> = {
  title: "title",
  type: "type",
  sourceId: "source",
  periodStart: "start of the period",
  periodEnd: "end of the period",
  publishedOn: "date published",
  link: "link",
  summary: "summary",
  services: "services",
  concernedOrgIds: "organisations it concerns",
};

/** A finding's kind as the item page's form and the import name it. */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = { issue: "Key issue", quote: "Quote" };

/** How the history names a finding's and a recommendation's fields ("finding_edited" and "recommendation_edited" events store the keys). */
const FINDING_FIELD_LABELS: Record<string, string> = { text: "wording", kind: "key issue or quote" };
const RECOMMENDATION_FIELD_LABELS: Record<string, string> = { text: "wording", addressedToOrgId: "addressed to", responseDue: "response due", response: "response" };

/** Where a redaction happened, as sharing records it: nothing typed ("Text of file 2", never a file's name). */
const PLACE = /^(?:Title|Summary|Services|(?:Finding|Recommendation|Response to recommendation|Text of file|Name of file) \d+)$/;
const PII_KIND_LABELS = new Set<string>(Object.values(PII_LABELS));

/** What the history looks up by id when it is read: a file's current name (redacted or removed since, perhaps), a tag's current label. */
export interface EventLookups {
  fileName: (attachmentId: string) => string | undefined;
  /** By "kind:id"; older events stored labels ("EDS 2022 1A ..."), which are shown only when they are a current tag's label. */
  tagLabel: (key: string) => string | undefined;
  /** A theme's current name, by id (without it, "A theme no longer listed"). */
  themeName?: (themeId: string) => string | undefined;
}

const NO_LOOKUPS: EventLookups = { fileName: () => undefined, tagLabel: () => undefined };

/**
 * A one-line, plain-text account of an event's detail for the history table, which everyone who
 * can read the item sees. It never prints free text stored in the event: sharing redacts the item,
 * not its history, so a title or file name kept there would outlive the redaction. Events stored
 * before this rule (with `title`, `filename`, "Text of <file name>") are read the same way, their
 * free text ignored, so no data migration is needed.
 */
export function describeEvent(action: EventAction, detail: Record<string, unknown>, lookups: EventLookups = NO_LOOKUPS): string {
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const count = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : 0);
  switch (action) {
    case "imported": {
      const line = count(detail.line);
      return line ? `Line ${line} of the imported file` : "";
    }
    case "edited":
    case "finding_edited":
    case "recommendation_edited": {
      const names = action === "edited" ? FIELD_LABELS : action === "finding_edited" ? FINDING_FIELD_LABELS : RECOMMENDATION_FIELD_LABELS;
      const fields = strings(detail.fields).flatMap((k) => names[k] ?? []);
      return fields.length ? `Changed: ${fields.join(", ")}` : "";
    }
    case "tagged":
    case "untagged": {
      const tags = strings(detail.tags);
      const labels = tags.flatMap((t) => lookups.tagLabel(t) ?? []);
      const gone = tags.length - labels.length;
      const all = [...labels, ...(gone ? [countOf(gone, "tag no longer listed", "tags no longer listed")] : [])];
      return `${detail.findingId ? "On a finding: " : ""}${all.join(", ")}`;
    }
    case "theme_confirmed": {
      // The theme's id, not the name typed: its name as the collaborative's theme list has it now.
      const name = typeof detail.themeId === "string" ? lookups.themeName?.(detail.themeId) : undefined;
      return `${detail.findingId ? "On a finding: " : ""}${name ? `“${name}”` : "A theme no longer listed"}`;
    }
    case "attached": {
      const id = typeof detail.attachmentId === "string" ? detail.attachmentId : null;
      const name = (id && lookups.fileName(id)) ?? (id ? "A file since removed" : "A file");
      return `${name}${detail.textExtracted ? " (text extracted for search)" : ""}`;
    }
    case "redacted":
      return (Array.isArray(detail.redactions) ? (detail.redactions as unknown[]) : [])
        .map((r) => {
          const { where, kind } = (r ?? {}) as { where?: unknown; kind?: unknown };
          const place = typeof where === "string" && PLACE.test(where) ? where : "the text of a file";
          return `${typeof kind === "string" && PII_KIND_LABELS.has(kind) ? kind : "personal data"} in ${place}`;
        })
        .join("; ");
    case "shared": {
      const parts = [`${count(detail.redacted)} redacted`, `${count(detail.confirmed)} confirmed as not personal data`];
      const lookedAt = count(detail.filesLookedAt);
      if (lookedAt) parts.push(countOf(lookedAt, "file the check could not read, looked at and shared", "files the check could not read, looked at and shared"));
      const removed = count(detail.filesRemoved);
      if (removed) parts.push(countOf(removed, "file removed", "files removed"));
      return parts.join(", ");
    }
    default:
      // "created" (older events stored the title here), "finding_added", "recommendation_added", "unshared", and the removals
      // ("finding_removed", "recommendation_removed", "file_removed": what was removed is gone, and its text or name is never kept here): nothing to add.
      return "";
  }
}
