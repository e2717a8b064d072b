import type { FindingKind } from "#db/schema";
import type { ImportRow } from "./import-items.server";

/** A finding as the import will store it, for the check step: its text (cut), its kind and its tags by kind. */
export interface PreviewFinding {
  text: string;
  kind: FindingKind;
  tags: { kind: string; names: string[] }[];
}

/** A row's findings for the check step; `count` is all of them, `findings` the first few. */
export interface FindingsPreview {
  count: number;
  findings: PreviewFinding[];
}

/** Enough to see how a Findings cell was split without a preview as long as the file. */
export const PREVIEW_FINDINGS = 10;
export const PREVIEW_FINDING_CHARS = 200;

const KINDS = [
  ["outcome", "Outcomes"],
  ["characteristic", "Characteristics"],
  ["psed", "PSED aims"],
] as const;

export const cut = (text: string) => (text.length > PREVIEW_FINDING_CHARS ? `${text.slice(0, PREVIEW_FINDING_CHARS).trimEnd()}…` : text);

/**
 * A validated row's findings as they will be stored, each with its tags named as the tag picker
 * names them (`tagNames`: tag id to name) and grouped under the import's column words, so a person
 * sees whether a cell was read one finding per line or numbered, and which tags went to which finding.
 */
export function previewFindings(row: Pick<ImportRow, "findings" | "findingKinds" | "findingTags">, tagNames: ReadonlyMap<string, string>): FindingsPreview {
  return {
    count: row.findings.length,
    findings: row.findings.slice(0, PREVIEW_FINDINGS).map((text, i) => {
      const set = row.findingTags[i] ?? { tags: [], themes: [] };
      const tags: PreviewFinding["tags"] = KINDS.map(([kind, label]) => ({ kind: label, names: set.tags.filter((t) => t.kind === kind).map((t) => tagNames.get(t.refId) ?? "") }));
      tags.push({ kind: "Themes", names: set.themes });
      return { text: cut(text), kind: row.findingKinds[i] ?? "issue", tags: tags.filter((t) => t.names.length) };
    }),
  };
}
