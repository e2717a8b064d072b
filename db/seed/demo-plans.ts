import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { collabSnapshots, DEFAULT_PLAN_LEGEND, plans, registerRows, type PlanKind, type PlanObjective, type SourceLink } from "../schema";
import { DEMO_OBJECTIVES, equalityActions, leadOf, updateBy, workforceActions, type DemoPlanAction } from "./demo-plan-actions";
import type { DemoOrgKey, DemoTenancy } from "./demo-tenancy";

export type { DemoPlanAction };

export interface DemoPlanOwner {
  planId: string;
  collaborativeId: string;
  orgId: string;
}

/**
 * What the plan seed needs from the app (passed in, so db/ does not depend on app/): the plan's
 * Yjs state (app/lib/plan/model's encodePlan) and its projection into plan_actions and plan_pulls
 * (app/domain/plans/project-plan.server's projectPlan over the decoded document).
 */
export interface DemoPlanTools {
  encodePlan: (actions: (DemoPlanAction & { key: string })[]) => Uint8Array;
  projectPlan: (tx: Tx, owner: DemoPlanOwner, state: Uint8Array) => Promise<void>;
}

/**
 * Which organisations pulled which shared barriers (by the register's position), with their
 * status and due date. The first barrier reads "5 organisations: 2 complete, 2 in progress, 1 not started".
 */
const PULLS: { row: number; org: DemoOrgKey; status: string; due: string; action: string }[] = [
  { row: 0, org: "luht", status: "green", due: "2025-12-31", action: "BSL video interpreting available in every outpatient clinic." },
  { row: 0, org: "merseyCare", status: "green", due: "2026-03-31", action: "Deaf awareness training for reception staff, and text booking for all services." },
  { row: 0, org: "wirral", status: "amber", due: "2026-09-30", action: "Adopt the collaborative's D/deaf access standards in community clinics." },
  { row: 0, org: "alderHey", status: "amber", due: "2027-03-31", action: "Child-friendly BSL information for families, co-produced with the Deaf society." },
  { row: 0, org: "icb", status: "red", due: "2027-03-31", action: "Build the D/deaf access standards into contracts with every provider." },
  { row: 1, org: "luht", status: "blue", due: "2027-03-31", action: "Reasonable adjustment flags in the patient record for every admission." },
  { row: 1, org: "sefton", status: "green", due: "2025-12-31", action: "Easy-read versions of all public health letters." },
  { row: 1, org: "cvs", status: "red", due: "2026-06-30", action: "Train community connectors to request reasonable adjustments for the people they support." },
  { row: 3, org: "merseyCare", status: "amber", due: "2026-12-31", action: "Community development workers embedded in the crisis pathway." },
  { row: 3, org: "icb", status: "green", due: "2025-09-30", action: "Fund the Community Development Worker service for three more years." },
  { row: 11, org: "wirral", status: "blue", due: "2028-03-31", action: "Cultural awareness training for every community team." },
];

const EQUALITY_PLAN_ORGS: DemoOrgKey[] = ["icb", "luht", "alderHey", "merseyCare", "wirral", "sefton", "cvs"];
const FULL_PLAN_ORGS: DemoOrgKey[] = ["luht", "merseyCare"];
const WORKFORCE_PLAN_ORGS: DemoOrgKey[] = ["luht", "icb"];

async function writePlan(
  tx: Tx,
  tenancy: DemoTenancy,
  tools: DemoPlanTools,
  org: DemoOrgKey,
  plan: { kind: PlanKind; title: string; periodStart: string; periodEnd: string; objectives: PlanObjective[]; archivedAt?: Date; archivedBy?: string | null },
  actions: DemoPlanAction[],
) {
  const orgId = tenancy.orgIds[org];
  const [row] = await tx
    .insert(plans)
    .values({ ...plan, collaborativeId: tenancy.collaborativeId, orgId, legend: DEFAULT_PLAN_LEGEND, createdBy: leadOf(tenancy, org).id })
    .returning({ id: plans.id });
  const planId = row!.id;
  const state = tools.encodePlan(actions.map((a) => ({ ...a, key: randomUUID() })));
  await tx.insert(collabSnapshots).values({ document: `plan:${planId}`, collaborativeId: tenancy.collaborativeId, orgId, state });
  await tools.projectPlan(tx, { planId, collaborativeId: tenancy.collaborativeId, orgId }, state);
  return planId;
}

/**
 * Objective plans for several demo organisations: an equality objective plan 2024-2028 with seed
 * 002's objectives and Appendix B's actions, a workforce plan with Appendix C's actions as steps,
 * and shared register barriers pulled into plans with a spread of statuses (the roll-up). Each plan
 * is written as a Yjs snapshot and projected, as the collaboration server would.
 */
export async function seedDemoPlans(tx: Tx, tenancy: DemoTenancy, tools: DemoPlanTools): Promise<void> {
  const register = await tx
    .select()
    .from(registerRows)
    .where(eq(registerRows.collaborativeId, tenancy.collaborativeId))
    .orderBy(asc(registerRows.position));

  for (const org of EQUALITY_PLAN_ORGS) {
    const lead = leadOf(tenancy, org);
    const own = equalityActions(lead);
    const mine = FULL_PLAN_ORGS.includes(org) ? own : [own[1]!, own[3]!, own[8]!];
    const pulled: DemoPlanAction[] = PULLS.filter((p) => p.org === org && register[p.row]).map((p) => {
      const r = register[p.row]!;
      const snapshot = {
        title: r.barrier,
        barrier: r.barrier,
        issue: r.issue,
        characteristics: [...r.characteristics].sort(),
        edsOutcomes: [...r.edsOutcomes].sort(),
        psedAims: [...r.psedAims].sort(),
      };
      const source: SourceLink = { kind: "register", id: r.rowKey, pulledAt: "2025-01-20T10:00:00.000Z", pulledBy: lead.name, snapshot };
      return {
        characteristics: snapshot.characteristics,
        barrier: r.barrier,
        issue: r.issue,
        action: p.action,
        responsibleOfficer: "Equality and Inclusion Lead",
        originalDue: p.due,
        currentDue: p.due,
        edsOutcomes: snapshot.edsOutcomes,
        psedAims: snapshot.psedAims,
        objectives: ["2", "3"],
        evidence: r.evidence,
        status: p.status,
        source,
        updates: p.status === "green" ? [updateBy(lead, "2025-11-01", "Complete: reported to the collaborative's November meeting.")] : [],
      };
    });
    await writePlan(
      tx,
      tenancy,
      tools,
      org,
      { kind: "equality_objectives", title: "Equality objective plan 2024 to 2028", periodStart: "2024-04-01", periodEnd: "2028-03-31", objectives: DEMO_OBJECTIVES },
      [...mine, ...pulled],
    );
  }

  // Seed 002's own plan (South Sefton, 2019-2023), finished and archived when its successor began.
  const sefton = leadOf(tenancy, "sefton");
  const done = (at: string, text: string) => [updateBy(sefton, at, text)];
  await writePlan(
    tx,
    tenancy,
    tools,
    "sefton",
    {
      kind: "equality_objectives",
      title: "Equality objective plan 2019 to 2023",
      periodStart: "2019-04-01",
      periodEnd: "2023-03-31",
      objectives: DEMO_OBJECTIVES,
      archivedAt: new Date("2024-04-02T09:00:00.000Z"),
      archivedBy: sefton.id,
    },
    [
      {
        characteristics: ["race"],
        barrier: "Poor access to services and poor outcomes for BAME communities",
        action: "Work with the Community Development Worker service to hear from seldom-heard communities.",
        responsibleOfficer: "Director of Commissioning",
        originalDue: "2020-03-31",
        currentDue: "2020-03-31",
        objectives: ["2"],
        status: "green",
        updates: done("2020-03-15", "Complete: quarterly highlight reports now reach the forum."),
      },
      {
        characteristics: ["disability", "deaf_bsl"],
        barrier: "Poor access to services and poor outcomes",
        action: "Approve the interpreting and translation quality standards across the collaborative.",
        responsibleOfficer: "Chief Finance Officer",
        originalDue: "2021-12-31",
        currentDue: "2021-12-31",
        objectives: ["2", "3"],
        status: "green",
        updates: done("2021-11-30", "Complete: the standards are in every interpreting contract."),
      },
      {
        characteristics: ["sex", "race", "disability"],
        barrier: "Under-representation in senior roles",
        action: "Carry the inclusive recruitment work into the 2024 to 2028 plan.",
        responsibleOfficer: "Director of People",
        originalDue: "2023-03-31",
        currentDue: "2023-03-31",
        objectives: ["4"],
        status: "blue",
        updates: done("2023-03-20", "Carried forward into the 2024 to 2028 plan."),
      },
    ],
  );

  for (const org of WORKFORCE_PLAN_ORGS) {
    await writePlan(
      tx,
      tenancy,
      tools,
      org,
      {
        kind: "workforce",
        title: "Workforce equality plan: six inclusive recruitment actions",
        periodStart: "2025-04-01",
        periodEnd: "2027-03-31",
        objectives: [{ number: 1, text: "To empower and engage our workforce: fair and inclusive recruitment and promotion" }],
      },
      workforceActions(leadOf(tenancy, org)),
    );
  }
}
