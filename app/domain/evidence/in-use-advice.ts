import type { ItemUses } from "./delete-item.server";

/**
 * What the delete page tells the owner to do about an item something links to, a paragraph per
 * kind of use: their own links they remove; another organisation's grades and plan actions are
 * that organisation's to remove; its answers to the item's recommendations are never removed
 * (appended, and theirs), so an answered item stays for good and sending anyone to ask would be a
 * wasted errand.
 */
export function inUseAdvice(uses: ItemUses): string[] {
  const advice: string[] = [];
  if (uses.grades.length || uses.planActions.length || uses.registerRows.length) {
    advice.push("Remove your links first (edit the grade, the plan or the register row), then come back to delete the item.");
  }
  if (uses.elsewhere.some((o) => o.grades || o.planActions)) advice.push("Another organisation’s links are theirs to remove: ask their equality lead.");
  if (uses.elsewhere.some((o) => o.responses)) {
    advice.push("Answers to its recommendations are never removed: they are the answering organisation’s record, so this item cannot be deleted. It stays private to your organisation unless you share it again.");
  }
  return advice;
}

/**
 * The sentence that opens the list of uses: "while these link to it" promises that removing them
 * would let the item go, which is untrue when the only uses are answers (kept for good).
 */
export function inUseLead(uses: ItemUses): string {
  const removable = uses.grades.length || uses.planActions.length || uses.registerRows.length || uses.elsewhere.some((o) => o.grades || o.planActions);
  return removable ? "It cannot be deleted while these link to it:" : "It cannot be deleted: other organisations have answered its recommendations.";
}
