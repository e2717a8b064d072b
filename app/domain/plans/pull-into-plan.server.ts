import { and, eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Database } from "#db/client";
import { planActions, type SourceLink } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { conflict, forbidden, invalid, notFound } from "~/domain/errors";
import { encodeNewAction, readActions, type ActionInput } from "~/lib/plan/model";
import { newRowKey, positionBetween } from "~/lib/register/model";
import { canEditPlans } from "~/policies/plans";
import { isPlanId } from "./get-plan.server";
import { changePlanDocument } from "./change-plan-document.server";
import { loadCurrentSource, type SourceRef } from "./source-snapshots.server";
import { loadWritablePlan } from "./writable-plan.server";

/**
 * "Add to our plan": a new action in one of the active organisation's plans, pre-filled from a
 * shared register row or an evidence item, linked to it with the version pulled. The action is
 * added to the plan's Yjs document as an update attributed to the person (open pages receive it
 * live), and the plan is projected in the same transaction so the roll-up sees it at once.
 */
export async function pullIntoPlan(database: Database, actor: Actor, planId: string, ref: SourceRef, now = new Date()): Promise<{ rowKey: string }> {
  if (!canEditPlans(actor.active.role)) throw forbidden("Only equality leads and contributors can add to their organisation's plans");
  if (!isPlanId(planId)) throw invalid({ planId: "Select the plan to add this to" });
  return withTenant(database, tenantOf(actor), async (tx) => {
    const plan = await loadWritablePlan(tx, planId, "share", { planId: "That plan is archived: choose another plan" });
    const source = await loadCurrentSource(tx, ref);
    if (!source) throw notFound(ref.kind === "register" ? "That barrier is not in your collaborative's register" : "That evidence item does not exist or is not shared with you");
    const [already] = await tx
      .select({ rowKey: planActions.rowKey })
      .from(planActions)
      .where(and(eq(planActions.planId, planId), sql`${planActions.source}->>'kind' = ${ref.kind}`, sql`${planActions.source}->>'id' = ${ref.id}`));
    if (already) throw conflict("This is already in that plan", { planId: "This plan already has an action pulled from it: choose another plan or open that action" });

    const link: SourceLink = { kind: ref.kind, id: ref.id, pulledAt: now.toISOString(), pulledBy: actor.name, snapshot: source.snapshot };
    const input: ActionInput = {
      characteristics: source.snapshot.characteristics,
      barrier: source.snapshot.barrier,
      issue: source.snapshot.issue,
      edsOutcomes: source.snapshot.edsOutcomes,
      psedAims: source.snapshot.psedAims,
      evidence: source.evidence,
      source: link,
    };
    const rowKey = newRowKey();
    const owner = { planId, collaborativeId: plan.collaborativeId, orgId: plan.orgId };
    await changePlanDocument(tx, owner, actor.userId, (doc) => {
      // Placed last in the plan as stored.
      const position = positionBetween(readActions(doc).at(-1)?.position, undefined);
      Y.applyUpdate(doc, encodeNewAction(rowKey, input, position));
      return [rowKey];
    });
    return { rowKey };
  });
}
