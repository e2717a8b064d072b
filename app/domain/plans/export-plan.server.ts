import { asc, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { organisations, planActions, plans, type PlanKind, type PlanLegendEntry, type PlanObjective, type StatusMeaning } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";
import { loadRowOptions } from "~/domain/register/row-options.server";
import { progressDay } from "~/lib/plan/dates";
import type { PlanAction } from "~/lib/plan/model";
import type { RegisterOptions } from "~/lib/register/options";
import { isOverdue, isSlipped } from "~/policies/plan-progress";
import { isUuid } from "~/lib/ids";


export interface PlanForPublishing {
  id: string;
  kind: PlanKind;
  title: string;
  periodStart: string;
  periodEnd: string;
  objectives: PlanObjective[];
  legend: PlanLegendEntry[];
  orgName: string;
  contact: { email: string | null; phone: string | null; address: string | null };
  options: RegisterOptions;
  /** In the plan's order, as last projected from its document. */
  actions: PlanAction[];
  progress: PlanProgress;
  /** When this was read (the projection can be up to a second behind live edits). */
  readAt: string;
  /** When it was archived (its progress is as it stood then); null while it is worked on. */
  archivedAt: string | null;
}

export interface PlanProgress {
  total: number;
  /** One entry per legend status, in the legend's order, then "No status" when any action has none. */
  byStatus: { key: string | null; label: string; colour: string | null; meaning: StatusMeaning | null; count: number }[];
  overdue: number;
  slipped: number;
}

/** Counts per status, overdue (due before today and not complete) and slipped (moved more than once). */
export function planProgress(actions: readonly PlanAction[], legend: readonly PlanLegendEntry[], today: string): PlanProgress {
  const byStatus: PlanProgress["byStatus"] = legend.map((s) => ({ key: s.key, label: s.label, colour: s.colour, meaning: s.meaning, count: actions.filter((a) => a.status === s.key).length }));
  const none = actions.filter((a) => !a.status || !legend.some((s) => s.key === a.status)).length;
  if (none) byStatus.push({ key: null, label: "No status", colour: null, meaning: null, count: none });
  return {
    total: actions.length,
    byStatus,
    overdue: actions.filter((a) => isOverdue(a, legend, today)).length,
    slipped: actions.filter((a) => isSlipped(a)).length,
  };
}

/**
 * One of the active organisation's plans with every action, from the `plan_actions` projection,
 * for the export and the published (printable) view. Any member of the organisation may read it;
 * RLS hides other organisations' plans, which answer 404.
 */
export async function loadPlanForPublishing(database: Database, actor: Actor, planId: string, now = new Date()): Promise<PlanForPublishing> {
  if (!isUuid(planId)) throw notFound("No such plan in your organisation");
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [plan] = await tx
      .select({
        id: plans.id,
        kind: plans.kind,
        title: plans.title,
        periodStart: plans.periodStart,
        periodEnd: plans.periodEnd,
        objectives: plans.objectives,
        legend: plans.legend,
        archivedAt: plans.archivedAt,
        orgName: organisations.name,
        email: organisations.contactEmail,
        phone: organisations.contactPhone,
        address: organisations.address,
      })
      .from(plans)
      .innerJoin(organisations, eq(organisations.id, plans.orgId))
      .where(eq(plans.id, planId));
    if (!plan) throw notFound("No such plan in your organisation");
    const rows = await tx.select().from(planActions).where(eq(planActions.planId, planId)).orderBy(asc(planActions.position));
    const actions: PlanAction[] = rows.map((r) => ({
      key: r.rowKey,
      position: r.position,
      characteristics: r.characteristics,
      barrier: r.barrier,
      issue: r.issue,
      action: r.action,
      responsibleOfficer: r.responsibleOfficer,
      owner: r.owner,
      originalDue: r.originalDue,
      currentDue: r.currentDue,
      dueChanges: r.dueChanges,
      updates: r.updates,
      edsOutcomes: r.edsOutcomes,
      psedAims: r.psedAims,
      objectives: [...r.objectives].sort((a, b) => Number(a) - Number(b)),
      status: r.status,
      evidence: r.evidence,
      steps: r.steps,
      risks: r.risks,
      mitigations: r.mitigations,
      source: r.source,
      sourceDecisions: r.sourceDecisions,
    }));
    return {
      id: plan.id,
      kind: plan.kind,
      title: plan.title,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      objectives: plan.objectives,
      legend: plan.legend,
      archivedAt: plan.archivedAt?.toISOString() ?? null,
      orgName: plan.orgName,
      contact: { email: plan.email, phone: plan.phone, address: plan.address },
      options: await loadRowOptions(tx),
      actions,
      progress: planProgress(actions, plan.legend, progressDay(plan.archivedAt, now)),
      readAt: now.toISOString(),
    };
  });
}

/** The alternative-format notice the published plan carries, with the organisation's contact details. */
export function alternativeFormatNotice(plan: Pick<PlanForPublishing, "orgName" | "contact">): string[] {
  const { email, phone, address } = plan.contact;
  return [
    `This document is available in other formats on request, including large print, easy read, audio, Braille and other languages. Please contact ${plan.orgName}.`,
    ...(email ? [`Email: ${email}`] : []),
    ...(phone ? [`Telephone: ${phone}`] : []),
    ...(address ? [`Address: ${address}`] : []),
    ...(!email && !phone && !address ? ["Contact details have not been recorded for this organisation."] : []),
  ];
}
