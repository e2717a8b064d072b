import { asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { planActions, plans, type PlanKind } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { progressDay, todayIso } from "~/lib/plan/dates";
import { isOverdue, isSlipped } from "~/policies/plan-progress";

export interface PlanSummary {
  id: string;
  kind: PlanKind;
  title: string;
  periodStart: string;
  periodEnd: string;
  /** ISO time it was archived; null while it is being worked on. */
  archivedAt: string | null;
  actions: number;
  overdue: number;
  slipped: number;
  complete: number;
}

export interface ActionNeedingAttention {
  planId: string;
  planTitle: string;
  rowKey: string;
  /** The action's text, or its barrier when the action is not written yet. */
  text: string;
  responsibleOfficer: string;
  currentDue: string | null;
  originalDue: string | null;
  moves: number;
  overdue: boolean;
  slipped: boolean;
  status: string | null;
}

/**
 * The active organisation's plans with their progress, and every overdue or slipped action
 * across the plans being worked on (for the plans list and the home page; an archived plan's
 * actions are no longer chased). Reads the projection, not the documents.
 */
export async function listPlans(database: Database, actor: Actor, now = new Date()): Promise<{ plans: PlanSummary[]; attention: ActionNeedingAttention[] }> {
  const today = todayIso(now);
  return withTenant(database, tenantOf(actor), async (tx) => {
    const rows = await tx.select().from(plans).orderBy(desc(plans.periodEnd), asc(plans.title));
    const actions = await tx
      .select({
        planId: planActions.planId,
        rowKey: planActions.rowKey,
        action: planActions.action,
        barrier: planActions.barrier,
        responsibleOfficer: planActions.responsibleOfficer,
        currentDue: planActions.currentDue,
        originalDue: planActions.originalDue,
        status: planActions.status,
        dueChanges: sql<unknown[]>`${planActions.dueChanges}`,
      })
      .from(planActions)
      .where(eq(planActions.orgId, actor.active.orgId))
      .orderBy(asc(planActions.currentDue), asc(planActions.position));
    const summaries = new Map<string, PlanSummary>(
      rows.map((p) => [
        p.id,
        {
          id: p.id,
          kind: p.kind,
          title: p.title,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
          archivedAt: p.archivedAt?.toISOString() ?? null,
          actions: 0,
          overdue: 0,
          slipped: 0,
          complete: 0,
        },
      ]),
    );
    const attention: ActionNeedingAttention[] = [];
    for (const a of actions) {
      const plan = rows.find((p) => p.id === a.planId);
      const summary = summaries.get(a.planId);
      if (!plan || !summary) continue;
      const overdue = isOverdue(a, plan.legend, plan.archivedAt ? progressDay(plan.archivedAt) : today);
      const slipped = isSlipped(a);
      const status = plan.legend.find((s) => s.key === a.status);
      summary.actions += 1;
      if (overdue) summary.overdue += 1;
      if (slipped) summary.slipped += 1;
      if (status?.meaning === "complete") summary.complete += 1;
      if ((overdue || slipped) && !plan.archivedAt) {
        attention.push({
          planId: a.planId,
          planTitle: plan.title,
          rowKey: a.rowKey,
          text: a.action || a.barrier || "An action with no text yet",
          responsibleOfficer: a.responsibleOfficer,
          currentDue: a.currentDue,
          originalDue: a.originalDue,
          moves: a.dueChanges.length,
          overdue,
          slipped,
          status: status?.label ?? null,
        });
      }
    }
    return { plans: [...summaries.values()], attention };
  });
}
