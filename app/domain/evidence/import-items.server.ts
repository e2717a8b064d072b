import type { Database } from "#db/client";
import { evidenceFindings, evidenceItems, evidenceTags, ITEM_TYPES, type ItemType } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { DomainError, forbidden } from "~/domain/errors";
import { EARLIEST_YEAR, isInYearRange, LATEST_YEAR } from "~/lib/dates";
import { parseUkDate, validateRows, type ColumnMapping, type ImportColumn, type RowResult, type ValidatedRows } from "~/lib/import/map-rows";
import { readTable, TableFormatError, type Table } from "~/lib/tabular/read-table.server";
import { canWriteEvidence } from "~/policies/evidence";
import { sourceNameKey } from "./create-source.server";
import { recordEvent } from "./events.server";
import { newThemeProblem, themeNameKey } from "~/lib/pii/theme-name";
import { findOrCreateTheme, MAX_THEME_LENGTH } from "./find-or-create-theme.server";
import { listFilterOptions } from "./filter-options.server";
import { ITEM_LIMITS } from "./item-input";
import { ITEM_TYPE_LABELS } from "./labels";
import { FINDING_MAX } from "./part-input";
import { readFindingsCell, readNumberedLines } from "./findings-cell";

type ImportTag = { kind: "outcome" | "characteristic" | "psed" | "theme"; refId: string };
type TagColumn = "outcomes" | "characteristics" | "psedAims" | "themes";

/** The findings' tags, one column per kind as the item's own: "Finding outcomes" is to a finding what "Outcomes" is to the item. */
export const FINDING_TAG_COLUMNS: { key: string; label: string; of: string; example: string; column: TagColumn }[] = [
  { key: "findingOutcomes", label: "Finding outcomes", of: "outcomes", example: "EDS2022 1A; EDS2 2.1", column: "outcomes" },
  { key: "findingCharacteristics", label: "Finding characteristics", of: "characteristics", example: "Race; Disability", column: "characteristics" },
  { key: "findingPsedAims", label: "Finding PSED aims", of: "PSED aims", example: "Advance equality of opportunity", column: "psedAims" },
  { key: "findingThemes", label: "Finding themes", of: "themes", example: "Interpreting", column: "themes" },
];

export const EVIDENCE_IMPORT_COLUMNS: ImportColumn[] = [
  { key: "title", label: "Title", required: true, aliases: ["name", "report", "report title"] },
  { key: "type", label: "Type", required: true, hint: "Report, Survey, Enter and View visit, Highlight report, Meeting note, Complaints or PALS theme, Data return or Other", aliases: ["evidence type", "kind"] },
  { key: "source", label: "Source", hint: "The name of a source already on the Sources page", aliases: ["stakeholder", "from", "source name"] },
  { key: "publishedOn", label: "Date published", aliases: ["date", "published", "publication date"] },
  { key: "periodStart", label: "Period start", aliases: ["from date", "start"] },
  { key: "periodEnd", label: "Period end", aliases: ["to date", "end"] },
  { key: "link", label: "Link", aliases: ["url", "web link"] },
  { key: "summary", label: "Summary", aliases: ["description", "notes"] },
  { key: "findings", label: "Findings", hint: "One finding per line, or separated by semicolons on one line; numbered 1. 2. ... when a finding runs over several lines", aliases: ["key issues", "issues", "key findings"] },
  { key: "outcomes", label: "Outcomes", hint: "Codes separated by semicolons, for example 1A; 2.1 (or EDS2022 1A; EDS2 2.1)", aliases: ["eds outcomes", "outcome"] },
  { key: "characteristics", label: "Characteristics", hint: "Names separated by semicolons, for example Race; Disability", aliases: ["protected characteristics", "groups", "characteristic"] },
  { key: "psedAims", label: "PSED aims", hint: "Aims separated by semicolons, for example Advance equality of opportunity", aliases: ["psed", "psed aim", "general duty aims"] },
  { key: "themes", label: "Themes", hint: "Theme names separated by semicolons; a name the collaborative does not use yet becomes a new theme", aliases: ["theme"] },
  ...FINDING_TAG_COLUMNS.map(({ key, label, of, example }) => ({ key, label, hint: `One line per finding that has any: its number in the Findings column, then its ${of}, for example 2. ${example}` })),
];

export interface ImportRow {
  title: string;
  type: ItemType;
  sourceId: string | null;
  publishedOn: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  link: string | null;
  summary: string;
  findings: string[];
  tags: { kind: "outcome" | "characteristic" | "psed"; refId: string }[];
  /** Theme names, found or created (whatever their case) when the rows are stored. */
  themes: string[];
  /** Each finding's tags, in the findings' order. */
  findingTags: { tags: ImportRow["tags"]; themes: string[] }[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9.]+/g, " ").trim();
const list = (s: string) => s.split(/[;\n]+/).map((x) => x.trim()).filter(Boolean);
/** "EDS2022 1A", "EDS 2022: 1A" and "eds2022 1a" are one key. */
const outcomeKey = (s: string) => s.toLowerCase().replace(/[\s:]+/g, "");

/** Reads the file, refusing what cannot be read as a table with a clear message. */
export async function readImportFile(filename: string, bytes: Uint8Array): Promise<Table> {
  try {
    const table = await readTable(filename, bytes);
    if (!table.rows.length) throw new TableFormatError("The file has a header row but no data rows.");
    if (table.rows.length > 5000) throw new TableFormatError("Import at most 5,000 rows at a time.");
    return table;
  } catch (error) {
    if (error instanceof TableFormatError) throw new DomainError(422, error.message, { file: error.message });
    throw error;
  }
}

export interface CheckedImport extends ValidatedRows<ImportRow> {
  /** Tag id to the name the tag picker shows ("EDS 2022 1A", "Race"), for the check step's preview. */
  tagNames: Map<string, string>;
  /** Every new theme name (exact text, once) the personal-data check flags, confirmed or not. */
  flaggedThemes: string[];
  /**
   * Some rows are invalid, and only for flagged theme names not confirmed: the check step then
   * offers a box for each name (keyed as on the item page, themeNameKey) instead of refusing the file.
   */
  onlyThemes: boolean;
}

/**
 * Validates every row (with its line number) against the collaborative's sources and the reference
 * data. `confirmedThemes` holds the keys (themeNameKey) of flagged new theme names the person said
 * are not about a person.
 */
export async function validateImport(database: Database, actor: Actor, table: Table, mapping: ColumnMapping, confirmedThemes: ReadonlySet<string> = new Set()): Promise<CheckedImport> {
  const { sources, tags } = await listFilterOptions(database, actor);
  const tagNames = new Map(tags.map((t) => [t.id, t.kind === "outcome" ? t.code : t.label]));
  const sourceByName = new Map(sources.map((s) => [sourceNameKey(s.name), s.id]));
  const types = new Map<string, ItemType>(ITEM_TYPES.flatMap((t) => [[norm(t), t] as [string, ItemType], [norm(ITEM_TYPE_LABELS[t]), t] as [string, ItemType]]));
  const outcomes = new Map<string, string>();
  for (const t of tags.filter((x) => x.kind === "outcome")) {
    // "1A" and "2.1" are unambiguous across the two frameworks; the full code ("EDS 2022 1A",
    // written "EDS2022 1A" by the library's export) works too.
    outcomes.set(outcomeKey(t.code.split(" ").pop()!), t.id);
    outcomes.set(outcomeKey(t.code), t.id);
  }
  const chars = new Map<string, string>();
  for (const t of tags.filter((x) => x.kind === "characteristic")) chars.set(norm(t.label), t.id);
  const themeNames = new Set(tags.filter((x) => x.kind === "theme").map((t) => t.label.toLowerCase()));
  const aims = new Map<string, string>();
  for (const t of tags.filter((x) => x.kind === "psed")) {
    aims.set(norm(t.label), t.id);
    aims.set(norm(t.code), t.id);
  }
  const flagged = new Set<string>();
  /** The reasons that are a flagged theme name and nothing else, to tell a file only they refuse. */
  const themeReasons = new Set<string>();

  const checked = validateRows(table, mapping, EVIDENCE_IMPORT_COLUMNS, (cells): RowResult<ImportRow> => {
    const reasons: string[] = [];
    const date = (key: string, label: string) => {
      if (!cells[key]) return null;
      const d = parseUkDate(cells[key]!);
      if (!d) reasons.push(`${label} “${cells[key]}” is not a date (use 31/03/2024 or 2024-03-31)`);
      else if (!isInYearRange(d)) reasons.push(`${label} “${cells[key]}” is not between ${EARLIEST_YEAR} and ${LATEST_YEAR}`);
      return d;
    };
    const type = types.get(norm(cells.type ?? ""));
    if (cells.type && !type) reasons.push(`Type “${cells.type}” is not one of: ${ITEM_TYPES.map((t) => ITEM_TYPE_LABELS[t]).join(", ")}`);
    const sourceId = cells.source ? (sourceByName.get(sourceNameKey(cells.source)) ?? null) : null;
    if (cells.source && !sourceId) reasons.push(`Source “${cells.source}” is not on the Sources page (add it there first)`);
    // The item form's limits: an item imported past them could not be saved from its Edit page until cut down.
    const tooLong = (text: string, max: number, what: string) => {
      if (text.length > max) reasons.push(`${what} is longer than ${max.toLocaleString("en-GB")} characters`);
    };
    tooLong(cells.title ?? "", ITEM_LIMITS.title, "Title");
    const link = cells.link || null;
    if (link && !/^https?:\/\/\S+$/i.test(link)) reasons.push(`Link “${link}” must start with https:// or http://`);
    else tooLong(link ?? "", ITEM_LIMITS.link, "Link");
    tooLong(cells.summary ?? "", ITEM_LIMITS.summary, "Summary");
    const findings = readFindingsCell(cells.findings ?? "");
    findings.forEach((text, i) => tooLong(text, FINDING_MAX, `Finding ${i + 1}`));
    const publishedOn = date("publishedOn", "Date published");
    const periodStart = date("periodStart", "Period start");
    const periodEnd = date("periodEnd", "Period end");
    if (periodStart && periodEnd && periodEnd < periodStart) reasons.push("Period end is before period start");
    /** Tags named in the four tag cells, of the item (`of` "") or of a finding ("Finding 2: "), with what is wrong with them. */
    const readTags = (cell: Record<TagColumn, string>, of: string) => {
      const tagList: ImportRow["tags"] = [];
      for (const code of list(cell.outcomes)) {
        const id = outcomes.get(outcomeKey(code));
        if (id) tagList.push({ kind: "outcome", refId: id });
        else reasons.push(`${of}Outcome “${code}” is not an EDS2 or EDS 2022 outcome code`);
      }
      for (const name of list(cell.characteristics)) {
        const id = chars.get(norm(name));
        if (id) tagList.push({ kind: "characteristic", refId: id });
        else reasons.push(`${of}Characteristic “${name}” is not recognised`);
      }
      for (const name of list(cell.psedAims)) {
        const id = aims.get(norm(name));
        if (id) tagList.push({ kind: "psed", refId: id });
        else reasons.push(`${of}PSED aim “${name}” is not one of: ${tags.filter((t) => t.kind === "psed").map((t) => t.label).join(", ")}`);
      }
      const themes = list(cell.themes);
      for (const name of themes.filter((t) => t.length > MAX_THEME_LENGTH)) reasons.push(`${of}Theme “${name.slice(0, 40)}…” is longer than ${MAX_THEME_LENGTH} characters`);
      // A new theme is seen by every organisation at once (newThemeProblem says why), so the file is
      // refused, by line, rather than half-imported, unless the person confirms that exact name.
      for (const name of themes.filter((t) => t.length <= MAX_THEME_LENGTH && !themeNames.has(t.toLowerCase()))) {
        const problem = newThemeProblem(name);
        if (!problem) continue;
        flagged.add(name);
        if (confirmedThemes.has(themeNameKey(name))) continue;
        themeReasons.add(`${of}${problem}`);
        reasons.push(`${of}${problem}`);
      }
      return { tags: tagList, themes };
    };
    const own = readTags({ outcomes: cells.outcomes ?? "", characteristics: cells.characteristics ?? "", psedAims: cells.psedAims ?? "", themes: cells.themes ?? "" }, "");
    // The findings' columns, read by finding number; a number the Findings cell does not have is refused, not dropped.
    const perFinding = findings.map(() => ({ outcomes: "", characteristics: "", psedAims: "", themes: "" }));
    for (const { key, label, example, column } of FINDING_TAG_COLUMNS) {
      const { byNumber, unnumbered } = readNumberedLines(cells[key] ?? "");
      for (const line of unnumbered) reasons.push(`${label}: “${line.slice(0, 40)}” does not start with the number of a finding (for example 2. ${example})`);
      for (const [n, text] of byNumber) {
        if (perFinding[n - 1]) perFinding[n - 1]![column] = text;
        else reasons.push(`${label}: there is no finding ${n} (the row has ${findings.length === 1 ? "1 finding" : `${findings.length} findings`})`);
      }
    }
    const findingTags = perFinding.map((cell, i) => readTags(cell, `Finding ${i + 1}: `));
    if (reasons.length || !type) return { ok: false, reasons };
    return { ok: true, value: { title: cells.title!, type, sourceId, publishedOn, periodStart, periodEnd, link, summary: cells.summary ?? "", findings, tags: own.tags, themes: own.themes, findingTags } };
  });
  const onlyThemes = checked.invalid.length > 0 && checked.invalid.every((r) => r.reasons.every((reason) => themeReasons.has(reason)));
  // Where to confirm a name depends on the rest of the file: the boxes are offered only when nothing else is wrong.
  const then = onlyThemes ? " If it is not about a person, tick its box below." : " If it is not about a person, you can confirm that here once the file's other problems are fixed.";
  const invalid = checked.invalid.map((r) => ({ line: r.line, reasons: r.reasons.map((reason) => (themeReasons.has(reason) ? `${reason}${then}` : reason)) }));
  return { valid: checked.valid, invalid, tagNames, flaggedThemes: [...flagged], onlyThemes };
}

/**
 * Imports every row in one transaction, or nothing: any invalid row refuses the whole file. A flagged
 * new theme name is created only when its key is in `confirmedThemes`, as validateImport reads them.
 */
export async function importItems(database: Database, actor: Actor, table: Table, mapping: ColumnMapping, confirmedThemes: ReadonlySet<string> = new Set()): Promise<{ imported: number }> {
  if (!canWriteEvidence(policyActor(actor))) throw forbidden("Only equality leads and contributors can import evidence");
  const checked = await validateImport(database, actor, table, mapping, confirmedThemes);
  if (checked.invalid.length) throw new DomainError(422, `${checked.invalid.length} rows have problems; nothing was imported`);
  return withTenant(database, tenantOf(actor), async (tx) => {
    // Each theme name is looked up (or created) once per file, however many rows name it.
    const themeIds = new Map<string, string>();
    const themeId = async (name: string) => {
      const key = name.toLowerCase();
      if (!themeIds.has(key)) themeIds.set(key, (await findOrCreateTheme(tx, actor, name, confirmedThemes)).id);
      return themeIds.get(key)!;
    };
    for (const { line, value } of checked.valid) {
      const [item] = await tx
        .insert(evidenceItems)
        .values({ collaborativeId: actor.active.collaborativeId, orgId: actor.active.orgId, createdBy: actor.userId, title: value.title, type: value.type, sourceId: value.sourceId, publishedOn: value.publishedOn, periodStart: value.periodStart, periodEnd: value.periodEnd, link: value.link, summary: value.summary })
        .returning({ id: evidenceItems.id, orgId: evidenceItems.orgId, collaborativeId: evidenceItems.collaborativeId });
      const owned = { collaborativeId: item!.collaborativeId, orgId: item!.orgId, itemId: item!.id };
      const findingIds = new Map<number, string>();
      if (value.findings.length) {
        const rows = await tx.insert(evidenceFindings).values(value.findings.map((text, i) => ({ ...owned, text, position: i }))).returning({ id: evidenceFindings.id, position: evidenceFindings.position });
        for (const row of rows) findingIds.set(row.position, row.id);
      }
      // The item's own tags (findingId null), then each finding's.
      const tagRows = [];
      for (const [findingId, set] of [[null, value] as const, ...value.findingTags.map((set, i) => [findingIds.get(i)!, set] as const)]) {
        const themes: ImportTag[] = [];
        for (const name of set.themes) themes.push({ kind: "theme", refId: await themeId(name) });
        const unique = [...new Map([...set.tags, ...themes].map((t) => [`${t.kind}:${t.refId}`, t])).values()];
        tagRows.push(...unique.map((t) => ({ ...owned, findingId, ...t, appliedBy: actor.userId })));
      }
      if (tagRows.length) await tx.insert(evidenceTags).values(tagRows);
      // The line number only: a title in the history could not be redacted when the item is shared.
      await recordEvent(tx, actor, item!, "imported", { line });
    }
    return { imported: checked.valid.length };
  });
}
