import type { PlanLegendEntry } from "#db/schema";
import { meaningOf } from "~/policies/plan-progress";
import { formatDue } from "./dates";
import type { ActionInput, Author, PlanAction } from "./model";

/** The actions a new plan takes over from the one it follows: those whose status does not mean complete. */
export function actionsToCarry(actions: readonly PlanAction[], legend: readonly PlanLegendEntry[]): PlanAction[] {
  return actions.filter((a) => meaningOf(a.status, legend) !== "complete");
}

/**
 * An unfinished action as it starts in the next plan: everything it says, its source and its
 * dated updates, plus one saying where it came from. Its due date starts afresh (the moves stay
 * in the old plan, which is kept; the update says how far it had slipped).
 */
export function carriedAction(action: PlanAction, fromTitle: string, author: Author, at: Date): ActionInput {
  const { key: _key, position: _position, dueChanges, ...fields } = action;
  const moved = dueChanges.length ? ` (originally due ${formatDue(action.originalDue)}, moved ${dueChanges.length === 1 ? "once" : `${dueChanges.length} times`})` : "";
  return {
    ...fields,
    originalDue: action.currentDue,
    currentDue: action.currentDue,
    dueChanges: [],
    updates: [...action.updates, { at: at.toISOString(), authorId: author.id, authorName: author.name, text: `Carried forward from "${fromTitle}"${moved}.` }],
  };
}
