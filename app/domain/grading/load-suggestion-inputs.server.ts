import type { Tx } from "#db/client";
import type { CharacteristicRef } from "~/policies/grade-suggestion";

export type SuggestionInputs =
  | { available: false; reason: "sources-missing" | "not-applicable" }
  | {
      available: true;
      characteristics: CharacteristicRef[];
      /** outcome id -> characteristic ids tagged on the organisation's evidence / named on its plan actions serving it. */
      byOutcome: Record<string, { evidence: string[]; plans: string[] }>;
    };

/**
 * The inputs of the suggested EDS2 grade: for each outcome, the characteristics the organisation
 * has evidence tagged for, and those its plan actions serving the outcome address.
 *
 * THE SEAM for the evidence library (issue 3) and objective plans (issue 5). Until their tables
 * are merged there is nothing honest to count, so this answers `sources-missing` and the page
 * says suggestions appear once evidence and plans are recorded. At merge time, replace the body
 * with two queries inside this same transaction (RLS applies), for example:
 *
 *   -- evidence: the organisation's own evidence and evidence shared with the collaborative
 *   select t.outcome_id, c.characteristic_id from evidence_outcome_tags t
 *     join evidence_characteristic_tags c on c.evidence_id = t.evidence_id
 *     join evidence_items e on e.id = t.evidence_id
 *   where e.org_id = $org or (e.visibility = 'shared' and e.collaborative_id = $collaborative)
 *   -- plans: actions of the organisation's plan, the outcomes they serve, the characteristics they address
 *   select o.outcome_id, c.characteristic_id from plan_action_outcomes o
 *     join plan_action_characteristics c on c.action_id = o.action_id
 *     join plan_actions a on a.id = o.action_id
 *   where a.org_id = $org
 *
 * and return { available: true, characteristics, byOutcome }. `suggestEds2Grade` (a pure policy,
 * fully tested) does the counting, sub-groups included.
 */
export async function loadSuggestionInputs(_tx: Tx, _scope: { orgId: string; collaborativeId: string }): Promise<SuggestionInputs> {
  return { available: false, reason: "sources-missing" };
}
