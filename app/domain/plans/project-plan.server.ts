import { eq } from "drizzle-orm";
import type { Tx } from "#db/client";
import { takeTurn } from "#db/turns";
import { planActions, planPulls, plans, type PlanLegendEntry } from "#db/schema";
import type { PlanAction } from "~/lib/plan/model";

export interface PlanOwner {
  planId: string;
  collaborativeId: string;
  orgId: string;
}

/**
 * Writes a plan's actions into `plan_actions` (private to the organisation) and, for actions
 * pulled from shared intelligence, their source and status into `plan_pulls` (the roll-up the
 * collaborative reads). Runs in the tenant transaction of someone who may edit the plan.
 */
export async function projectPlan(tx: Tx, owner: PlanOwner, actions: PlanAction[]): Promise<void> {
  // Projections of one plan (the collaboration server's, a pull's) take turns: each rewrites every row.
  await takeTurn(tx, `plan:${owner.planId}`);
  const [plan] = await tx.select({ legend: plans.legend }).from(plans).where(eq(plans.id, owner.planId));
  if (!plan) return;
  await tx.delete(planActions).where(eq(planActions.planId, owner.planId));
  await tx.delete(planPulls).where(eq(planPulls.planId, owner.planId));
  // Chunked: a 500-action plan would exceed the bind-parameter limit in one statement.
  for (let i = 0; i < actions.length; i += 100) {
    await tx.insert(planActions).values(
      actions.slice(i, i + 100).map(({ key, position: _position, ...fields }, j) => ({ ...owner, rowKey: key, position: i + j, ...fields })),
    );
  }
  await projectPulls(tx, owner, plan.legend, actions);
}

type PulledFacts = Pick<PlanAction, "key" | "source" | "status" | "currentDue">;

/** Rewrites the plan's roll-up rows: source and status only (see `plan_pulls`). */
export async function projectPulls(tx: Tx, owner: PlanOwner, legend: PlanLegendEntry[], actions: PulledFacts[]): Promise<void> {
  const pulled = actions.filter((a) => a.source);
  for (let i = 0; i < pulled.length; i += 200) {
    await tx.insert(planPulls).values(
      pulled.slice(i, i + 200).map((a) => {
        const status = legend.find((s) => s.key === a.status);
        return {
          ...owner,
          rowKey: a.key,
          sourceKind: a.source!.kind,
          sourceId: a.source!.id,
          statusLabel: status?.label ?? null,
          statusColour: status?.colour ?? null,
          statusMeaning: status?.meaning ?? null,
          currentDue: a.currentDue,
        };
      }),
    );
  }
}
