import type { Database } from "#db/client";
import { sql } from "drizzle-orm";
import { evidenceFindings, evidenceItems, evidenceRecommendations, evidenceTags, FINDING_KINDS, ITEM_TYPES, type FindingKind, type ItemType } from "#db/schema";
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
import { FINDING_KIND_LABELS, ITEM_TYPE_LABELS } from "./labels";
import { FINDING_MAX, RECOMMENDATION_MAX } from "./part-input";
import { readFindingsCell, readNumberedLines, readNumberedTexts } from "./findings-cell";

type ImportTag = { kind: "outcome" | "characteristic" | "psed" | "theme"; refId: string };
type TagColumn = "outcomes" | "characteristics" | "psedAims" | "themes";

/** The findings' tags, one column per kind as the item's own: "Finding outcomes" is to a finding what "Outcomes" is to the item. */
export const FINDING_TAG_COLUMNS: { key: string; label: string; of: string; example: string; column: TagColumn }[] = [
  { key: "findingOutcomes", label: "Finding outcomes", of: "outcomes", example: "EDS2022 1A; EDS2 2.1", column: "outcomes" },
  { key: "findingCharacteristics", label: "Finding characteristics", of: "characteristics", example: "Race; Disability", column: "characteristics" },
  { key: "findingPsedAims", label: "Finding PSED aims", of: "PSED aims", example: "Advance equality of opportunity", column: "psedAims" },
  { key: "findingThemes", label: "Finding themes", of: "themes", example: "Interpreting", column: "themes" },
];

/**
 * The item's recommendations, in the Findings column's style: the texts in one column, and what
 * each has in columns that refer to it by number. Whom one is addressed to travels by name, as the
 * collaborative lists its organisations, so a file can move between collaboratives. The response
 * recorded in the evidence is the item owner's and travels; the answers the organisation addressed
 * gives in the app (recommendation_responses) are that organisation's own, written only by them,
 * so the download shows the latest for reading ("Recommendation answers") and the import never
 * reads it: an import that wrote them would put words in another organisation's name.
 */
export const RECOMMENDATION_COLUMNS = {
  recommendations: { key: "recommendations", label: "Recommendations", hint: "One recommendation per line, or separated by semicolons on one line; numbered 1. 2. ... when one runs over several lines", aliases: ["recommendation"] },
  addressedTo: { key: "recommendationAddressedTo", label: "Recommendation addressed to", example: "Mersey Care NHS Foundation Trust", hint: "One line per recommendation addressed to an organisation: its number in the Recommendations column, then the organisation's name as this collaborative lists it, for example 2. Mersey Care NHS Foundation Trust" },
  responseDue: { key: "recommendationResponseDue", label: "Recommendation response due", example: "31/03/2025", hint: "One line per recommendation with a date: its number, then the date, for example 2. 31/03/2025" },
  response: { key: "recommendationResponse", label: "Recommendation response", example: "Agreed by the board", hint: "Per recommendation with a response recorded in the evidence: its number at the start of the line, then the response, which may run over several lines. Answers organisations gave in this app are theirs and are not imported" },
} satisfies Record<string, ImportColumn & { example?: string }>;

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
  { key: "findingKinds", label: "Finding kinds", hint: "One line per quote: its number in the Findings column, then Quote, for example 2. Quote; a finding not listed is a key issue" },
  ...FINDING_TAG_COLUMNS.map(({ key, label, of, example }) => ({ key, label, hint: `One line per finding that has any: its number in the Findings column, then its ${of}, for example 2. ${example}` })),
  ...Object.values(RECOMMENDATION_COLUMNS).map((c): ImportColumn => ({ key: c.key, label: c.label, hint: c.hint, aliases: "aliases" in c ? c.aliases : undefined })),
];

/** A recommendation as it will be stored; `addressedTo` is the organisation's name as the collaborative lists it, for the check step. */
export interface ImportRecommendation {
  text: string;
  addressedToOrgId: string | null;
  addressedTo: string | null;
  responseDue: string | null;
  response: string;
}

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
  /** Each finding's kind, in the findings' order (a key issue unless the file says quote). */
  findingKinds: FindingKind[];
  recommendations: ImportRecommendation[];
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
/** "Key issue", "issue" and "Quote", whatever the case. */
const FINDING_KIND_WORDS = new Map<string, FindingKind>(FINDING_KINDS.flatMap((k) => [[norm(k), k] as const, [norm(FINDING_KIND_LABELS[k]), k] as const]));
/** An organisation's name, whatever the case and spacing. */
const orgKey = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

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
  const { sources, tags, organisations } = await listFilterOptions(database, actor);
  // The collaborative's organisations by name; two of one name cannot be told apart by it.
  const orgsByName = new Map<string, { id: string; name: string }[]>();
  for (const org of organisations) orgsByName.set(orgKey(org.name), [...(orgsByName.get(orgKey(org.name)) ?? []), org]);
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
    const dateOf = (text: string, label: string) => {
      const d = parseUkDate(text);
      if (!d) reasons.push(`${label} “${text}” is not a date (use 31/03/2024 or 2024-03-31)`);
      else if (!isInYearRange(d)) reasons.push(`${label} “${text}” is not between ${EARLIEST_YEAR} and ${LATEST_YEAR}`);
      return d;
    };
    const date = (key: string, label: string) => (cells[key] ? dateOf(cells[key]!, label) : null);
    /**
     * A column that refers to the row's findings or recommendations by number: its text for each
     * (by index, "" for one it does not name). A number the row does not have, or a line without
     * one, is refused, not dropped.
     */
    const byEntry = (key: string, label: string, count: number, noun: string, example: string, read = readNumberedLines) => {
      const texts = Array.from({ length: count }, () => "");
      const { byNumber, unnumbered } = read(cells[key] ?? "");
      for (const line of unnumbered) reasons.push(`${label}: “${line.slice(0, 40)}” does not start with the number of a ${noun} (for example 2. ${example})`);
      for (const [n, text] of byNumber) {
        if (n >= 1 && n <= count) texts[n - 1] = text;
        else reasons.push(`${label}: there is no ${noun} ${n} (the row has ${count === 1 ? `1 ${noun}` : `${count} ${noun}s`})`);
      }
      return texts;
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
    // The findings' columns, read by finding number.
    const perFinding = findings.map(() => ({ outcomes: "", characteristics: "", psedAims: "", themes: "" }));
    for (const { key, label, example, column } of FINDING_TAG_COLUMNS) byEntry(key, label, findings.length, "finding", example).forEach((text, i) => (perFinding[i]![column] = text));
    const findingTags = perFinding.map((cell, i) => readTags(cell, `Finding ${i + 1}: `));
    const findingKinds = byEntry("findingKinds", "Finding kinds", findings.length, "finding", "Quote").map((word, i): FindingKind => {
      const kind = word ? FINDING_KIND_WORDS.get(norm(word)) : "issue";
      if (!kind) reasons.push(`Finding ${i + 1}: Kind “${word}” is not ${FINDING_KINDS.map((k) => FINDING_KIND_LABELS[k]).join(" or ")}`);
      return kind ?? "issue";
    });
    /** The recommendations named in the Recommendations cell, with what the columns that refer to them by number say, held to the item page's rules. */
    const readRecommendations = (texts: string[]): ImportRecommendation[] => {
      const { addressedTo, responseDue, response } = RECOMMENDATION_COLUMNS;
      const entries = (column: { key: string; label: string; example: string }, read = readNumberedLines) => byEntry(column.key, column.label, texts.length, "recommendation", column.example, read);
      const [names, dues, responses] = [entries(addressedTo), entries(responseDue), entries(response, readNumberedTexts)];
      return texts.map((text, i) => {
        const of = `Recommendation ${i + 1}`;
        tooLong(text, RECOMMENDATION_MAX, of);
        tooLong(responses[i]!, RECOMMENDATION_MAX, `${of}: Response`);
        const name = names[i]!;
        const found = name ? (orgsByName.get(orgKey(name)) ?? []) : [];
        if (name && !found.length) reasons.push(`${of}: Addressed to “${name}” is not an organisation of this collaborative (use a name from the item page's Addressed to list, or leave it blank)`);
        if (found.length > 1) reasons.push(`${of}: Addressed to “${name}” is the name of ${found.length} organisations of this collaborative; leave it blank and choose the organisation on the item page after importing`);
        const org = found.length === 1 ? found[0]! : null;
        return { text, addressedToOrgId: org?.id ?? null, addressedTo: org?.name ?? null, responseDue: dues[i] ? dateOf(dues[i]!, `${of}: Response due`) : null, response: responses[i]! };
      });
    };
    const recommendations = readRecommendations(readFindingsCell(cells.recommendations ?? ""));
    if (reasons.length || !type) return { ok: false, reasons };
    return { ok: true, value: { title: cells.title!, type, sourceId, publishedOn, periodStart, periodEnd, link, summary: cells.summary ?? "", findings, findingKinds, recommendations, tags: own.tags, themes: own.themes, findingTags } };

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
    /** Themes created because the person confirmed their flagged names: each item carrying one records that in its history. */
    const confirmedIds = new Set<string>();
    const themeId = async (name: string) => {
      const key = name.toLowerCase();
      if (!themeIds.has(key)) {
        const theme = await findOrCreateTheme(tx, actor, name, confirmedThemes);
        themeIds.set(key, theme.id);
        if (theme.confirmed) confirmedIds.add(theme.id);
      }
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
        const rows = await tx.insert(evidenceFindings).values(value.findings.map((text, i) => ({ ...owned, kind: value.findingKinds[i] ?? "issue", text, position: i }))).returning({ id: evidenceFindings.id, position: evidenceFindings.position });
        for (const row of rows) findingIds.set(row.position, row.id);
      }
      // Recommendations are listed by when they were added, and now() is the transaction's: a
      // microsecond apart keeps them in the file's order.
      if (value.recommendations.length) {
        await tx.insert(evidenceRecommendations).values(
          value.recommendations.map((r, i) => ({ ...owned, text: r.text, addressedToOrgId: r.addressedToOrgId, responseDue: r.responseDue, response: r.response, createdAt: sql`now() + ${i} * interval '1 microsecond'` })),
        );
      }
      // The item's own tags (findingId null), then each finding's.
      const tagRows = [];
      const confirmations: { findingId: string | null; themeId: string }[] = [];
      for (const [findingId, set] of [[null, value] as const, ...value.findingTags.map((set, i) => [findingIds.get(i)!, set] as const)]) {
        const themes: ImportTag[] = [];
        for (const name of set.themes) themes.push({ kind: "theme", refId: await themeId(name) });
        for (const t of themes) {
          const recorded = confirmations.some((c) => c.findingId === findingId && c.themeId === t.refId);
          if (confirmedIds.has(t.refId) && !recorded) confirmations.push({ findingId, themeId: t.refId });
        }
        const unique = [...new Map([...set.tags, ...themes].map((t) => [`${t.kind}:${t.refId}`, t])).values()];
        tagRows.push(...unique.map((t) => ({ ...owned, findingId, ...t, appliedBy: actor.userId })));
      }
      if (tagRows.length) await tx.insert(evidenceTags).values(tagRows);
      // The line number only: a title in the history could not be redacted when the item is shared.
      await recordEvent(tx, actor, item!, "imported", { line });
      for (const c of confirmations) await recordEvent(tx, actor, item!, "theme_confirmed", c);
    }
    return { imported: checked.valid.length };
  });
}
