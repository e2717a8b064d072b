import { sql } from "drizzle-orm";
import { rowsOf, type Tx } from "#db/client";
import { characteristics } from "#db/schema";
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
 * has evidence tagged for (its own items and those shared with the collaborative; an item's tags
 * include its findings' tags), and those its plan actions serving the outcome address (an action
 * for "All groups" addresses every protected characteristic). `suggestEds2Grade` does the counting.
 *
 * Plans are private to their organisation: for anyone else (a regional lead reading a published
 * assessment) the plan half cannot be counted, so the suggestion is not offered.
 */
export async function loadSuggestionInputs(tx: Tx, scope: { orgId: string; collaborativeId: string }): Promise<SuggestionInputs> {
  const [ctx] = rowsOf<{ org: string | null }>(await tx.execute(sql`select peff_ctx_org()::text as org`));
  if (ctx?.org !== scope.orgId) return { available: false, reason: "not-applicable" };

  const refs = await tx.select({ id: characteristics.id, name: characteristics.name, kind: characteristics.kind, parentId: characteristics.parentId }).from(characteristics);
  const evidence = rowsOf<{ outcome_id: string; characteristic_id: string }>(
    await tx.execute(sql`
      select distinct o.outcome_id::text, c.characteristic_id::text
      from evidence_items e, unnest(e.outcome_ids) as o(outcome_id), unnest(e.characteristic_ids) as c(characteristic_id)
      where e.collaborative_id = ${scope.collaborativeId} and (e.org_id = ${scope.orgId} or e.shared_at is not null)`),
  );
  const plans = rowsOf<{ outcome_id: string; characteristic_id: string }>(
    await tx.execute(sql`
      select distinct fo.id::text as outcome_id, ch.id::text as characteristic_id
      from plan_actions a
      cross join unnest(a.eds_outcomes) as oc(code)
      join frameworks f on f.code = split_part(oc.code, ':', 1)
      join framework_outcomes fo on fo.framework_id = f.id and fo.code = split_part(oc.code, ':', 2)
      cross join unnest(a.characteristics) as cc(code)
      join characteristics ch on ch.code = cc.code or (cc.code = 'all' and ch.kind = 'protected')
      where a.org_id = ${scope.orgId}`),
  );
  if (evidence.length === 0 && plans.length === 0) return { available: false, reason: "sources-missing" };

  const byOutcome: Record<string, { evidence: string[]; plans: string[] }> = {};
  const slot = (id: string) => (byOutcome[id] ??= { evidence: [], plans: [] });
  for (const r of evidence) slot(r.outcome_id).evidence.push(r.characteristic_id);
  for (const r of plans) slot(r.outcome_id).plans.push(r.characteristic_id);
  return { available: true, characteristics: refs, byOutcome };
}
