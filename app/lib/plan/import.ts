import type { DueChange, PlanLegendEntry, PlanObjective, PlanStep } from "#db/schema";
import { readCharacteristics } from "~/lib/import/characteristics";
import { readEvidenceLinks } from "~/lib/import/evidence-links";
import { matchStatus, sharedColourProblem } from "~/lib/import/status";
import type { ColumnMapping, ImportColumn } from "~/lib/import/map-rows";
import { MONTHS, parseUpdates } from "~/lib/import/updates";
import type { RegisterOptions } from "~/lib/register/options";
import type { Table } from "~/lib/tabular/read-table.server";
import { parseDueDate } from "./dates";

export { matchStatus };
import type { ActionInput } from "./model";

/**
 * Importing an existing plan's actions from a spreadsheet (pure: no database). The columns are
 * ours (see ./tabular.ts, so an export imports again) and those of seed 002's equality objective
 * plan (Appendix B: "Protected characteristic", "The barriers and issue at play", "Action",
 * "Responsible officer", "Time and date of completion", "EDS Outcome", "PSED", "Equality
 * Objectives", "Status") and workforce plan (Appendix C: "Key Action", "Steps to achieve action",
 * "Due by", "Risks", "Mitigations", "Status"). Every problem is reported with its spreadsheet line
 * number and column; nothing is imported unless there are none.
 */
export const PLAN_IMPORT_COLUMNS: ImportColumn[] = [
  {
    key: "characteristics",
    label: "Protected characteristic",
    hint: "Names such as Disability, Race/ Disability, ALL, Transgender, Socio economic (poverty); several separated by / , or ;",
    aliases: ["Characteristics or groups", "Protected characteristics", "Characteristics", "Characteristic", "Groups"],
  },
  {
    key: "barrier",
    label: "The barriers and issue at play",
    aliases: ["The barriers and issue at play (as identified by EDS2 collaborative engagement)", "Barrier", "Barriers", "Barrier and issue at play"],
  },
  { key: "issue", label: "Issue at play", aliases: ["Issue"] },
  { key: "action", label: "Action", required: true, aliases: ["Key Action", "Actions", "Task"] },
  { key: "responsibleOfficer", label: "Responsible officer", aliases: ["Responsible officers", "Lead officer", "Owner(s)", "Lead"] },
  { key: "owner", label: "Named owner", aliases: ["Owner", "Named lead"] },
  {
    key: "due",
    label: "Time and date of completion",
    hint: "31/12/2025, 2025-12-31 or December 2025. Lines after the date starting “Update September 2021” become updates.",
    aliases: ["Due date", "Due by", "Due", "Completion date", "Date of completion", "Current due date"],
  },
  { key: "originalDue", label: "Original due date", aliases: ["Original due", "First due date"] },
  { key: "updates", label: "Update", hint: "One update per paragraph; “Update September 2021 ...” keeps its month.", aliases: ["Updates", "Progress update", "Progress", "Update September 2021"] },
  {
    key: "edsOutcomes",
    label: "EDS Outcome",
    hint: "Codes such as 1.1, 1.2, 2.1 (EDS2) or 1A, EDS2022:2B (EDS 2022)",
    aliases: ["EDS outcomes", "EDS Outcome PSED", "EDS Comparators", "EDS"],
  },
  { key: "psedAims", label: "PSED", hint: "Eliminate discrimination, advance equality of opportunity, foster good relations", aliases: ["PSED aims", "PSED aim", "Outcomes"] },
  { key: "objectives", label: "Equality Objectives", hint: "The plan's objective numbers, such as 2,3", aliases: ["Equality objective", "Objectives", "Objective", "CCG Equality Objective"] },
  { key: "status", label: "Status", hint: "A status of the plan's legend, by its words or its colour (Green, Amber...)" },
  { key: "steps", label: "Steps", hint: "One step per line", aliases: ["Steps to achieve action", "Steps to achieve", "Associated Actions"] },
  { key: "risks", label: "Risks", aliases: ["Risk"] },
  { key: "mitigations", label: "Mitigations", aliases: ["Mitigation"] },
  { key: "evidence", label: "Evidence", hint: "Links as Title <https://...>, separated by ;", aliases: ["Supporting evidence"] },
];

export interface PlanImportContext {
  options: RegisterOptions;
  legend: PlanLegendEntry[];
  objectives: PlanObjective[];
  author: { id: string | null; name: string };
  today?: Date;
  /** Evidence items the importer may link, of those the file links to (`linkableEvidenceIn`), with their titles: links to others are refused. */
  linkableEvidence?: ReadonlyMap<string, string>;
}

export interface PlanImportError {
  line: number;
  reasons: string[];
}

export type PlanImportResult = { ok: true; actions: ActionInput[]; lines: number[] } | { ok: false; errors: PlanImportError[]; valid: number };

const split = (value: string, by: RegExp) =>
  value
    .split(by)
    .map((s) => s.trim())
    .filter(Boolean);

/** Codes "1.1, 1.2" are EDS2 unless prefixed ("EDS2022:1A", "EDS 2022 1A"); "1A" alone is EDS 2022. */
function readOutcomes(text: string, options: RegisterOptions, fail: (message: string) => void): string[] {
  const normal = text
    .replace(/\bEDS\s*(?:2022|3)\s*[:\-\s]\s*/gi, "EDS2022:")
    .replace(/\bEDS\s*2\s*[:\-\s]\s*/gi, "EDS2:");
  const codes: string[] = [];
  for (const token of split(normal, /[\s,;]+/)) {
    const m = /^(?:(EDS2022|EDS2):)?(.+)$/i.exec(token)!;
    const prefix = m[1]?.toUpperCase();
    const code = m[2]!.toUpperCase().replace(/\.$/, "");
    const candidates = prefix ? [`${prefix}:${code}`] : /^\d\.\d$/.test(code) ? [`EDS2:${code}`] : [`EDS2022:${code}`];
    const found = candidates.find((c) => options.edsOutcomes.some((o) => o.code === c));
    if (found) {
      if (!codes.includes(found)) codes.push(found);
    } else fail(`"${token}" is not an EDS2 outcome (1.1 to 4.3) or an EDS 2022 outcome (1A to 3C)`);
  }
  return codes;
}

const AIM_WORDS: [string, RegExp][] = [
  ["eliminate", /eliminat/i],
  ["advance", /advanc/i],
  ["foster", /foster|good relations/i],
];

function readAims(text: string, options: RegisterOptions, fail: (message: string) => void): string[] {
  const aims = AIM_WORDS.filter(([code, re]) => re.test(text) && options.psedAims.some((a) => a.code === code)).map(([code]) => code);
  if (text && aims.length === 0) fail(`"${text}" names no PSED aim: write one or more of eliminate discrimination, advance equality of opportunity, foster good relations`);
  return aims;
}

/** "2,3", "Equality Objectives 2,3", "1, 1" (kept once). */
function readObjectives(text: string, objectives: PlanObjective[], fail: (message: string) => void): string[] {
  if (!text) return [];
  const numbers = text.match(/\d+/g);
  if (!numbers) {
    fail(`"${text}" has no objective numbers: write the numbers of this plan's objectives, such as 2,3`);
    return [];
  }
  const out: string[] = [];
  for (const n of numbers.map(Number)) {
    if (!objectives.some((o) => o.number === n)) {
      fail(
        objectives.length
          ? `objective ${n} is not one of this plan's objectives (${objectives.map((o) => o.number).join(", ")})`
          : `objective ${n}: this plan has no numbered objectives yet (add them to the plan's details first)`,
      );
    } else if (!out.includes(String(n))) out.push(String(n));
  }
  return out.sort((a, b) => Number(a) - Number(b));
}


/** A date as our export writes it ("31 December 2021", "31st October 2021") or as `parseDueDate` reads it. */
export function readDate(text: string) {
  const m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(text.trim());
  if (m) {
    const word = m[2]!.toLowerCase();
    const month = MONTHS.findIndex((name) => name === word || (word.length >= 3 && name.startsWith(word)));
    if (month >= 0) return parseDueDate(`${m[3]}-${month + 1}-${m[1]}`);
  }
  return parseDueDate(text);
}

/** Steps one per line ("1. Text" numbering dropped); "(due 31 October 2021, status Not started)" at the end is read back. */
function readSteps(text: string, legend: PlanLegendEntry[], fail: (message: string) => void): PlanStep[] {
  return split(text, /\n+/).map((line, i) => {
    let body = line.replace(/^\d{1,2}[.)]\s*/, "");
    let due: string | null = null;
    let status: string | null = null;
    const tail = /\s*\((?:due ([^,)]+))?(?:,?\s*status ([^)]+))?\)\s*$/i.exec(body);
    if (tail && (tail[1] || tail[2])) {
      body = body.slice(0, tail.index);
      if (tail[1]) {
        const parsed = readDate(tail[1]);
        if (parsed.ok) due = parsed.date;
        else fail(`step ${i + 1}: ${parsed.message}`);
      }
      if (tail[2]) {
        const s = matchStatus(tail[2], legend);
        if (s) status = s.key;
        else fail(`step ${i + 1}: "${tail[2]}" is not a status of this plan's legend`);
      }
    }
    return { key: `step-${i + 1}`, text: body.trim(), due, status };
  });
}

/**
 * A due-date cell as seed 002 writes it: the date on the first line, then optionally "Update
 * September 2021" and the update's text (which become updates of the action).
 */
function readDueCell(text: string): { date: string; updates: string } {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first < 0) return { date: "", updates: "" };
  const rest = lines.slice(first + 1).join("\n").trim();
  if (rest && /^update\b/i.test(rest)) return { date: lines[first]!.trim(), updates: rest };
  return { date: text.trim(), updates: "" };
}

/**
 * Turns an uploaded table into plan actions, all or nothing. `mapping` says which of the file's
 * columns holds each field (see PLAN_IMPORT_COLUMNS; `guessMapping` of ~/lib/import/map-rows for a first guess).
 */
export function parsePlanImport(table: Table, mapping: ColumnMapping, context: PlanImportContext): PlanImportResult {
  const { options, legend, objectives, author } = context;
  const today = context.today ?? new Date();
  const errors: PlanImportError[] = [];
  const actions: ActionInput[] = [];
  const lines: number[] = [];
  const header = (key: string) => mapping[key] || PLAN_IMPORT_COLUMNS.find((c) => c.key === key)!.label;

  if (table.rows.length === 0) return { ok: false, valid: 0, errors: [{ line: 2, reasons: ["The file has no rows under its header line."] }] };

  for (const { line, cells } of table.rows) {
    const reasons: string[] = [];
    const get = (key: string) => (mapping[key] ? (cells[mapping[key]!] ?? "").trim() : "");
    const failIn = (key: string) => (message: string) => reasons.push(`${header(key)}: ${message}`);

    const action = get("action");
    if (!action) failIn("action")("enter the action");

    const characteristics = readCharacteristics(get("characteristics"), options, failIn("characteristics"));
    const edsOutcomes = readOutcomes(get("edsOutcomes"), options, failIn("edsOutcomes"));
    const psedAims = readAims(get("psedAims"), options, failIn("psedAims"));
    const objectiveNumbers = readObjectives(get("objectives"), objectives, failIn("objectives"));

    const statusText = get("status");
    const status = matchStatus(statusText, legend);
    if (statusText && !status) failIn("status")(sharedColourProblem(statusText, legend) ?? `"${statusText}" is not a status of this plan's legend (${legend.map((s) => `${s.colour}: ${s.label}`).join(", ")})`);

    const dueCell = readDueCell(get("due"));
    let currentDue: string | null = null;
    if (dueCell.date) {
      const parsed = readDate(dueCell.date);
      if (parsed.ok) currentDue = parsed.date;
      else failIn("due")(parsed.message);
    }
    let originalDue: string | null = currentDue;
    const originalText = get("originalDue");
    if (originalText) {
      const parsed = readDate(originalText);
      if (parsed.ok) originalDue = parsed.date;
      else failIn("originalDue")(parsed.message);
    }
    const dueChanges: DueChange[] =
      originalDue && currentDue && originalDue !== currentDue
        ? [{ at: today.toISOString(), authorId: author.id, authorName: author.name, from: originalDue, to: currentDue, reason: "Moved before the plan was imported into PEFF" }]
        : [];

    const updates = [...parseUpdates(dueCell.updates, author, today), ...parseUpdates(get("updates"), author, today)];
    const steps = readSteps(get("steps"), legend, failIn("steps"));
    const evidence = readEvidenceLinks(get("evidence"), context.linkableEvidence ?? new Map(), failIn("evidence"));

    if (reasons.length) {
      errors.push({ line, reasons });
      continue;
    }
    lines.push(line);
    actions.push({
      characteristics,
      barrier: get("barrier"),
      issue: get("issue"),
      action,
      responsibleOfficer: get("responsibleOfficer"),
      owner: get("owner"),
      originalDue: originalDue ?? currentDue,
      currentDue: currentDue ?? originalDue,
      dueChanges,
      updates,
      edsOutcomes,
      psedAims,
      objectives: objectiveNumbers,
      status: status?.key ?? null,
      evidence,
      steps,
      risks: get("risks"),
      mitigations: get("mitigations"),
      source: null,
      sourceDecisions: [],
    });
  }
  return errors.length ? { ok: false, errors, valid: actions.length } : { ok: true, actions, lines };
}
