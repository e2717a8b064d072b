import type { PlanLegendEntry, PlanObjective, SourceDecision, SourceLink, SourceSnapshot } from "#db/schema";
import type { Choice } from "~/lib/register/options";
import { isOverdue, isSlipped, type ProgressFacts } from "~/policies/plan-progress";

/** A pulled action's source as the plan page receives it (the current state, and where it lives). */
export interface CurrentSourceView {
  snapshot: SourceSnapshot;
  href: string;
}

export type PlanFilter = "all" | "overdue" | "slipped" | "either";

export const PLAN_FILTERS: { value: PlanFilter; label: string }[] = [
  { value: "all", label: "All actions" },
  { value: "overdue", label: "Overdue actions only" },
  { value: "slipped", label: "Slipped actions only" },
  { value: "either", label: "Overdue or slipped actions" },
];

export interface PlanCounts {
  total: number;
  overdue: number;
  slipped: number;
}

export function countActions(actions: readonly ProgressFacts[], legend: readonly PlanLegendEntry[], today: string): PlanCounts {
  return {
    total: actions.length,
    overdue: actions.filter((a) => isOverdue(a, legend, today)).length,
    slipped: actions.filter((a) => isSlipped(a)).length,
  };
}

/** "3 actions, 1 overdue, 0 slipped". */
export function summaryText({ total, overdue, slipped }: PlanCounts): string {
  return `${total} ${total === 1 ? "action" : "actions"}, ${overdue} overdue, ${slipped} slipped`;
}

/** A personal view of the plan's actions: never changes the document. */
export function filterActions<A extends ProgressFacts>(actions: A[], filter: PlanFilter, legend: readonly PlanLegendEntry[], today: string): A[] {
  if (filter === "all") return actions;
  return actions.filter((a) => {
    const overdue = isOverdue(a, legend, today);
    const slipped = isSlipped(a);
    return filter === "overdue" ? overdue : filter === "slipped" ? slipped : overdue || slipped;
  });
}

/** The words shown by a due date: "Overdue", "Slipped (moved 2 times)". Never colour alone. */
export function dueTags(action: ProgressFacts, legend: readonly PlanLegendEntry[], today: string): { text: string; tone: "red" | "orange" }[] {
  const tags: { text: string; tone: "red" | "orange" }[] = [];
  if (isOverdue(action, legend, today)) tags.push({ text: "Overdue", tone: "red" });
  if (isSlipped(action)) tags.push({ text: `Slipped (moved ${action.dueChanges.length} times)`, tone: "orange" });
  return tags;
}

/** An ISO date as people type it back ("31/12/2025"), for the due-date box. */
export function toInputDate(date: string | null): string {
  if (!date) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** The plan's objectives as choices for the "Equality objectives" column. */
export function objectiveChoices(objectives: readonly PlanObjective[]): Choice[] {
  return objectives.map((o) => ({ code: String(o.number), label: `${o.number}. ${o.text}` }));
}

export const sourceKeyOf = (link: Pick<SourceLink, "kind" | "id">) => `${link.kind}:${link.id}`;

/** "From the shared register" or "From evidence: <title>" (the current title when there is one). */
export function sourceLabel(link: SourceLink, current: CurrentSourceView | undefined): string {
  if (link.kind === "register") return "From the shared register";
  return `From evidence: ${current?.snapshot.title ?? link.snapshot.title}`;
}

export function decisionText(decision: Pick<SourceDecision, "choice">): string {
  return decision.choice === "take" ? "took the change" : "kept our wording";
}
