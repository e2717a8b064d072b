import type { LegendEntry } from "#db/schema";
import { formatUpdates } from "~/lib/import/updates";
import { formatDate } from "~/lib/labels";
import type { RegisterRow } from "./model";
import { labelOf, type RegisterOptions } from "./options";

/** Export columns; the import accepts these headers and the seed's Appendix B headers (aliases). */
export const REGISTER_HEADERS = [
  "Characteristics or groups",
  "Barrier",
  "Issue at play",
  "How identified",
  "Supporting evidence",
  "EDS outcomes",
  "PSED aims",
  "Themes",
  "Lead organisation",
  "Contact role",
  "Status",
  "Updates",
] as const;

type ExportRow = Omit<RegisterRow, "key" | "position">;

/** One row as spreadsheet cells: lists joined with "; ", links as "Title <url>", updates as dated paragraphs (the import reads them back). */
export function rowCells(row: ExportRow, options: RegisterOptions, legend: LegendEntry[]): string[] {
  const status = legend.find((s) => s.key === row.status);
  return [
    row.characteristics.map((c) => labelOf(options.characteristics, c)).join("; "),
    row.barrier,
    row.issue,
    row.identifiedBy,
    row.evidence.map((e) => `${e.title} <${e.url}>`).join("; "),
    row.edsOutcomes.join("; "),
    row.psedAims.map((a) => labelOf(options.psedAims, a)).join("; "),
    row.themes.join("; "),
    row.leadOrganisation,
    row.contactRole,
    status ? `${status.label} (${status.colour})` : "",
    formatUpdates(row.updates, formatDate),
  ];
}
