import type { PolicyActor } from "./members";

/**
 * Who may do what with evidence. Equality leads and contributors add, edit and tag their own
 * organisation's evidence; only equality leads share and unshare. Viewers, peer reviewers and the
 * collaborative-wide roles read. RLS enforces the same rules in the database.
 */
export const canWriteEvidence = (actor: Pick<PolicyActor, "role">) => actor.role === "equality_lead" || actor.role === "contributor";
export const canShareEvidence = (actor: Pick<PolicyActor, "role">) => actor.role === "equality_lead";
export const seesOrgCoverage = (actor: Pick<PolicyActor, "role">) => actor.role === "regional_lead" || actor.role === "collaborative_admin";

export interface ItemOwnership {
  orgId: string;
  sharedAt: Date | string | null;
}

/** Owner organisation's writers may change a private item. A shared item is frozen: unshare, edit, share again (and be scanned again). */
export function canEditItem(actor: Pick<PolicyActor, "role" | "orgId">, item: ItemOwnership): boolean {
  return canWriteEvidence(actor) && item.orgId === actor.orgId && !item.sharedAt;
}

/** Tags carry no personal data, so they may be added to shared items too (by the owner's writers). */
export function canTagItem(actor: Pick<PolicyActor, "role" | "orgId">, item: ItemOwnership): boolean {
  return canWriteEvidence(actor) && item.orgId === actor.orgId;
}

export function canShareItem(actor: Pick<PolicyActor, "role" | "orgId">, item: ItemOwnership): boolean {
  return canShareEvidence(actor) && item.orgId === actor.orgId;
}

/**
 * The owner organisation's writers may delete a private item (one added by mistake, say). A shared
 * item is not deleted: others may have linked or pulled it. Whether anything links to it is for
 * the database to say (`evidence_item_uses`), not for this rule.
 */
export const canDeleteItem = canEditItem;

/**
 * Sources are shared by the collaborative; the organisation that added one keeps it right (a
 * misspelt name, a wrong kind). Its writers change it, and delete it while no item uses it.
 */
export function canEditSource(actor: Pick<PolicyActor, "role" | "orgId">, source: { orgId: string }): boolean {
  return canWriteEvidence(actor) && source.orgId === actor.orgId;
}

/**
 * The organisation a recommendation is addressed to answers it (accepted or not, and what it is
 * doing): its equality leads and contributors. The item's owner records the recommendation;
 * the answer is the addressed organisation's own, and stays theirs.
 */
export function canRespondToRecommendation(actor: Pick<PolicyActor, "role" | "orgId">, recommendation: { addressedToOrgId: string | null }): boolean {
  return canWriteEvidence(actor) && recommendation.addressedToOrgId === actor.orgId;
}
