import type { LegendEntry } from "#db/schema";
import { readCharacteristics } from "~/lib/import/characteristics";
import { readEvidenceLinks } from "~/lib/import/evidence-links";
import { matchStatus, sharedColourProblem } from "~/lib/import/status";

/** Every member reads the register, so it links only items shared with the collaborative (as its picker offers). */
const NOT_SHARED = "is not an evidence item shared with the collaborative (the shared register links only shared items; it may also have been deleted)";
import { parseUpdates } from "~/lib/import/updates";
import type { RowInput } from "./model";
import type { RegisterOptions } from "./options";

/** Accepted headers (lower-case) for each field: ours, and the seed's Appendix B headers. */
const HEADERS: Record<string, string[]> = {
  characteristics: ["characteristics or groups", "protected characteristic", "protected characteristics", "characteristics"],
  barrier: ["barrier", "the barriers and issue at play (as identified by eds2 collaborative engagement)", "the barriers and issue at play"],
  issue: ["issue at play", "action"],
  identifiedBy: ["how identified"],
  evidence: ["supporting evidence", "evidence"],
  edsOutcomes: ["eds outcomes", "eds outcome", "eds outcome psed"],
  psedAims: ["psed aims", "psed"],
  themes: ["themes"],
  leadOrganisation: ["lead organisation"],
  contactRole: ["contact role", "responsible officer"],
  status: ["status"],
  updates: ["updates", "update"],
};

export type ImportResult = { ok: true; rows: RowInput[] } | { ok: false; errors: string[] };

const split = (value: string, by = /[;\n]+/) => value.split(by).map((s) => s.trim()).filter(Boolean);

/**
 * Turns an uploaded table into register rows, all or nothing: every problem is reported with its
 * spreadsheet line number, and nothing is imported unless there are none.
 */
export function parseRegisterImport(
  table: { headers: string[]; rows: { line: number; cells: Record<string, string> }[] },
  options: RegisterOptions,
  legend: LegendEntry[],
  author: { id: string; name: string },
  today = new Date(),
  /** Evidence items the importer may link, of those the file links to (`linkableEvidenceIn`, shared ones only), with their titles: links to others are refused. */
  linkableEvidence: ReadonlyMap<string, string> = new Map(),
): ImportResult {
  const errors: string[] = [];
  const column: Record<string, string | undefined> = {};
  for (const [field, names] of Object.entries(HEADERS)) column[field] = table.headers.find((h) => names.includes(h.trim().toLowerCase()));
  if (!column.barrier) return { ok: false, errors: [`Line 1: no "Barrier" column (or "The barriers and issue at play"). Columns found: ${table.headers.join(", ")}`] };
  if (table.rows.length === 0) return { ok: false, errors: ["The file has no rows under its header line."] };

  const rows: RowInput[] = [];
  for (const { line, cells } of table.rows) {
    const get = (field: string) => (column[field] ? (cells[column[field]!] ?? "").trim() : "");
    const fail = (field: string, message: string) => errors.push(`Line ${line}: ${field}: ${message}`);
    const barrier = get("barrier");
    if (!barrier) fail("Barrier", "enter the barrier");

    const characteristics = readCharacteristics(get("characteristics"), options, (message) => fail("Characteristics or groups", message));

    const edsOutcomes: string[] = [];
    for (const token of split(get("edsOutcomes"), /[\s,;]+/)) {
      const code = [token, `EDS2:${token}`, `EDS2022:${token.toUpperCase()}`].find((c) => options.edsOutcomes.some((o) => o.code === c));
      if (code) edsOutcomes.push(code);
      else fail("EDS outcomes", `"${token}" is not an EDS2 (1.1 to 4.3) or EDS 2022 (1A to 3C) outcome`);
    }

    const psedText = get("psedAims").toLowerCase();
    const psedAims = ["eliminate", "advance", "foster"].filter((k) => psedText.includes(k) && options.psedAims.some((a) => a.code === k));
    if (psedText && psedAims.length === 0) fail("PSED aims", "name one or more of: eliminate discrimination, advance equality of opportunity, foster good relations");

    const statusText = get("status").toLowerCase();
    const status = statusText ? matchStatus(statusText, legend) : null;
    if (statusText && !status) fail("Status", sharedColourProblem(statusText, legend) ?? `"${get("status")}" is not in the legend (${legend.map((s) => `${s.colour}: ${s.label}`).join(", ")})`);

    const evidence = readEvidenceLinks(get("evidence"), linkableEvidence, (message) => fail("Supporting evidence", message), NOT_SHARED);

    rows.push({
      barrier,
      characteristics,
      issue: get("issue"),
      identifiedBy: get("identifiedBy"),
      evidence,
      edsOutcomes,
      psedAims,
      themes: split(get("themes"), /[;,\n]+/).map((t) => t.toLowerCase()),
      leadOrganisation: get("leadOrganisation"),
      contactRole: get("contactRole"),
      status: status?.key ?? null,
      updates: parseUpdates(get("updates"), author, today),
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
