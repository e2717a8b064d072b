import type { PlanActionFields, PlanLegendEntry, PlanStep } from "#db/schema";
import { formatUpdates } from "~/lib/import/updates";
import { formatDate } from "~/lib/labels";
import { labelOf, type RegisterOptions } from "~/lib/register/options";
import { formatDue } from "./dates";

/**
 * A plan's actions as spreadsheet cells (CSV/XLSX export). The headers are ones the import reads
 * back (./import.ts), so an exported plan can be imported into another plan.
 */
export const PLAN_EXPORT_HEADERS = [
  "Characteristics or groups",
  "Barrier",
  "Issue at play",
  "Action",
  "Responsible officer",
  "Named owner",
  "Due date",
  "Original due date",
  "Due date changes",
  "Updates",
  "EDS outcomes",
  "PSED aims",
  "Equality objectives",
  "Status",
  "Evidence",
  "Steps",
  "Risks",
  "Mitigations",
  "Source",
] as const;

export type ExportAction = Omit<PlanActionFields, "sourceDecisions"> & Partial<Pick<PlanActionFields, "sourceDecisions">>;

/** "Complete (green)", or the stored key when the legend no longer has it. */
export function statusText(status: string | null, legend: readonly PlanLegendEntry[]): string {
  if (!status) return "";
  const entry = legend.find((s) => s.key === status);
  return entry ? `${entry.label} (${entry.colour})` : status;
}

/** "1.1" for EDS2 and "1A" for EDS 2022: both read back unambiguously. */
export const outcomeCode = (code: string) => code.replace(/^EDS2(?:022)?:/, "");

const dueText = (date: string | null) => (date ? formatDue(date) : "");

export function stepText(step: PlanStep, i: number, legend: readonly PlanLegendEntry[]): string {
  const extra = [step.due ? `due ${formatDue(step.due)}` : "", step.status ? `status ${legend.find((s) => s.key === step.status)?.label ?? step.status}` : ""].filter(Boolean);
  return `${i + 1}. ${step.text}${extra.length ? ` (${extra.join(", ")})` : ""}`;
}

/** One action as cells: lists joined with "; ", updates and due-date moves as dated text, steps one per line. */
export function actionCells(action: ExportAction, options: RegisterOptions, legend: readonly PlanLegendEntry[]): string[] {
  const source = action.source;
  return [
    action.characteristics.map((c) => labelOf(options.characteristics, c)).join("; "),
    action.barrier,
    action.issue,
    action.action,
    action.responsibleOfficer,
    action.owner,
    dueText(action.currentDue),
    action.originalDue && action.originalDue !== action.currentDue ? dueText(action.originalDue) : "",
    action.dueChanges.map((c) => `${formatDate(c.at)}, ${c.authorName}: moved from ${c.from ? formatDue(c.from) : "no date"} to ${c.to ? formatDue(c.to) : "no date"} because ${c.reason}`).join("\n"),
    formatUpdates(action.updates, formatDate),
    action.edsOutcomes.map(outcomeCode).join("; "),
    action.psedAims.map((a) => labelOf(options.psedAims, a)).join("; "),
    [...action.objectives].sort((a, b) => Number(a) - Number(b)).join(", "),
    statusText(action.status, legend),
    action.evidence.map((e) => `${e.title} <${e.url}>`).join("; "),
    action.steps.map((s, i) => stepText(s, i, legend)).join("\n"),
    action.risks,
    action.mitigations,
    source
      ? `${source.kind === "register" ? "Shared barrier register" : "Evidence"}: ${source.snapshot.title} (pulled ${formatDate(source.pulledAt)} by ${source.pulledBy})`
      : "",
  ];
}
