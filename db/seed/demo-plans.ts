import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import {
  collabSnapshots,
  DEFAULT_PLAN_LEGEND,
  plans,
  registerRows,
  type DueChange,
  type PlanActionFields,
  type PlanKind,
  type PlanObjective,
  type PlanStep,
  type RowUpdate,
  type SourceLink,
} from "../schema";
import { DEMO_PEOPLE, type DemoOrgKey, type DemoTenancy } from "./demo-tenancy";

/** One demo plan action: any of the fields a plan action has (the rest take their defaults). */
export type DemoPlanAction = Partial<PlanActionFields>;

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

/** Seed 002's four equality objectives (South Sefton CCG, 2019-2023), carried into 2024-2028. */
export const DEMO_OBJECTIVES: PlanObjective[] = [
  { number: 1, text: "To make fair and transparent commissioning decisions" },
  { number: 2, text: "To improve access and outcomes for patients and communities who experience disadvantage" },
  { number: 3, text: "To improve the equality performance of our providers through collaboration and partnership working" },
  { number: 4, text: "To empower and engage our workforce" },
];

const SERVICES = ["1A", "1B", "1C", "1D", "3A"].map((c) => `EDS2022:${c}`);
const WORKFORCE = ["2A", "2B", "2C", "2D", "3A"].map((c) => `EDS2022:${c}`);
const BOTH_AIMS = ["advance", "eliminate"];

interface Person {
  id: string | null;
  name: string;
}

const leadOf = (tenancy: DemoTenancy, org: DemoOrgKey): Person => {
  const person = DEMO_PEOPLE.find((p) => p.roles.some(([o, r]) => o === org && r === "equality_lead"))!;
  return { id: tenancy.userIds[person.email] ?? null, name: person.name };
};

const updateBy = (who: Person, at: string, text: string): RowUpdate => ({ at: `${at}T09:00:00.000Z`, authorId: who.id, authorName: who.name, text });
const moveBy = (who: Person, at: string, from: string, to: string, reason: string): DueChange => ({ at: `${at}T09:00:00.000Z`, authorId: who.id, authorName: who.name, from, to, reason });

/** Appendix B's rows as an organisation's own actions for 2024-2028 (some complete, some overdue, one moved twice). */
function equalityActions(who: Person): DemoPlanAction[] {
  const u = (at: string, text: string) => updateBy(who, at, text);
  return [
    {
      characteristics: ["disability", "deaf_bsl"],
      barrier: "Poor access to services and poor outcomes",
      issue: "D/deaf people and BSL users cannot book or attend appointments without an interpreter being arranged for them.",
      action: "Work closely with providers and general practice to progress the D/deaf access action plan.",
      responsibleOfficer: "Head of Patient Experience",
      originalDue: "2025-12-31",
      currentDue: "2025-12-31",
      updates: [
        u("2024-09-01", "The system-wide procurement for interpretation and translation services, including British Sign Language, incorporates the collaborative's quality standards."),
        u("2025-09-01", "Contract awarded. A timeline is in development to confirm the go-live date for every site."),
      ],
      edsOutcomes: SERVICES,
      psedAims: BOTH_AIMS,
      objectives: ["2", "3"],
      status: "amber",
    },
    {
      characteristics: ["disability", "age"],
      barrier: "Poor access to services (secondary and primary care) and poor outcomes",
      issue: "Reasonable adjustments and accessible information are not recorded or met consistently.",
      action: "Implement reasonable adjustments, including the Accessible Information Standard, across all services.",
      responsibleOfficer: "Chief Nurse",
      originalDue: "2026-03-31",
      currentDue: "2026-03-31",
      updates: [
        u("2024-09-01", "Every service is refreshing its reasonable adjustments action plan; quality compliance reporting resumes in quarter 2."),
        u("2026-03-01", "Complete. Reasonable adjustment flags are live in the patient record and reported monthly to the quality committee."),
      ],
      edsOutcomes: SERVICES,
      psedAims: BOTH_AIMS,
      objectives: ["2", "3"],
      status: "green",
    },
    {
      characteristics: ["race", "disability"],
      barrier: "Poor access to services (secondary and primary care) and poor outcomes",
      issue: "Interpreting and translation quality varies between services.",
      action: "Approve the Translation and Interpretation Quality Standards and support services to implement them.",
      responsibleOfficer: "Chief Finance Officer",
      originalDue: "2025-03-31",
      currentDue: "2026-12-31",
      dueChanges: [
        moveBy(who, "2025-02-14", "2025-03-31", "2025-09-30", "The regional procurement was delayed: the standards go into the new contract's specification."),
        moveBy(who, "2025-09-12", "2025-09-30", "2026-12-31", "The contract was awarded late and go-live is phased site by site through 2026."),
      ],
      updates: [u("2025-09-01", "Quality standards incorporated into the interpreting and translation service specification.")],
      edsOutcomes: SERVICES,
      psedAims: BOTH_AIMS,
      objectives: ["2", "3"],
      status: "amber",
    },
    {
      characteristics: ["race"],
      barrier: "Poor access and outcomes",
      issue: "Black, Asian and minority ethnic communities are under-represented in pathways and engagement.",
      action: "Work in close collaboration with the Community Development Worker service so access and outcomes improve across all Black, Asian and minority ethnic communities.",
      responsibleOfficer: "Director of Strategy",
      originalDue: "2028-03-31",
      currentDue: "2028-03-31",
      updates: [u("2025-03-01", "The CDW steering group meets quarterly; its highlight reports are escalated to service leads.")],
      edsOutcomes: SERVICES,
      psedAims: BOTH_AIMS,
      objectives: ["2", "3"],
      status: "blue",
    },
    {
      characteristics: ["children_young_people"],
      barrier: "Poor access and outcomes",
      issue: "Service changes affecting children and young people are not always assessed for their equality impact.",
      action: "Ensure every service change considers the PSED and health inequalities, with the appropriate level of engagement.",
      responsibleOfficer: "Director of Corporate Services",
      originalDue: "2026-06-30",
      currentDue: "2026-06-30",
      edsOutcomes: SERVICES,
      psedAims: BOTH_AIMS,
      objectives: ["1", "2"],
      status: "red",
    },
    {
      characteristics: ["sexual_orientation"],
      barrier: "Access to service, poor outcomes and poor patient experience",
      issue: "Sexual orientation is rarely recorded or considered in service design.",
      action: "Work with key departments so sexual orientation is considered and appropriate engagement is in place.",
      responsibleOfficer: "Director of Corporate Services",
      originalDue: "2027-03-31",
      currentDue: "2027-03-31",
      updates: [u("2026-02-01", "LGBT+ history month used to launch sexual orientation monitoring in outpatients.")],
      edsOutcomes: SERVICES,
      psedAims: BOTH_AIMS,
      objectives: ["2"],
      status: "amber",
    },
    {
      characteristics: ["gender_reassignment"],
      barrier: "Access to service, poor outcomes and poor patient experience",
      issue: "Trans and non-binary people wait a long time for gender identity services.",
      action: "Align with the CMAGIC service and transgender pathway through the regional project and the national pilot.",
      responsibleOfficer: "Director of Strategy",
      originalDue: "2025-03-31",
      currentDue: "2025-03-31",
      updates: [u("2025-02-01", "Complete. The specialised commissioning pilot is live across Cheshire and Merseyside.")],
      edsOutcomes: SERVICES,
      psedAims: ["advance"],
      objectives: ["2", "3"],
      status: "green",
    },
    {
      characteristics: ["religion_belief"],
      barrier: "Poor patient experience and outcomes",
      issue: "Religious and spiritual needs of patients are met inconsistently.",
      action: "Develop, with the provider collaborative forum, an action plan for meeting the religious and spiritual needs of patients.",
      responsibleOfficer: "Chief Nurse",
      originalDue: "2025-06-30",
      currentDue: "2025-06-30",
      updates: [u("2025-06-01", "The national review of the NHS guidance is delayed; the collaborative's work has paused awaiting national instruction.")],
      edsOutcomes: SERVICES,
      psedAims: ["advance"],
      objectives: ["2", "3"],
      status: "red",
    },
    {
      characteristics: ["all"],
      barrier: "Ensure the organisation pays 'due regard' to the PSED and health inequalities",
      issue: "Board members and executive leads need training on lawful decision making and public law duties.",
      action: "Train and brief the board and executive leads on lawful decision making and the consideration of public law duties.",
      responsibleOfficer: "Director of Corporate Services",
      originalDue: "2025-10-31",
      currentDue: "2025-10-31",
      updates: [u("2025-10-01", "Complete. Board development session delivered; equality briefings continue for every committee.")],
      edsOutcomes: ["3A", "3B", "3C"].map((c) => `EDS2022:${c}`),
      psedAims: BOTH_AIMS,
      objectives: ["1"],
      status: "green",
    },
    {
      characteristics: ["socio_economic"],
      barrier: "Widening health inequalities",
      issue: "Health inequalities are not considered systematically in programme decisions.",
      action: "Embed the consideration of health inequalities in decision making and the programme management office.",
      responsibleOfficer: "Director of Corporate Services",
      originalDue: "2027-03-31",
      currentDue: "2027-03-31",
      updates: [u("2026-04-01", "PMO templates now include a health inequalities impact section.")],
      edsOutcomes: ["1A", "3B"].map((c) => `EDS2022:${c}`),
      psedAims: BOTH_AIMS,
      objectives: ["1", "2"],
      status: "blue",
    },
  ].map((a) => ({ owner: "", dueChanges: [], ...a }));
}

const step = (text: string, due: string | null, status: string | null): PlanStep => ({ key: randomUUID(), text, due, status });

/** Appendix C: the six inclusive recruitment actions, with their steps, risks and mitigations. */
function workforceActions(who: Person): DemoPlanAction[] {
  const officer = "Director of People, HR Business Partner and Equality and Inclusion Lead";
  const base = { characteristics: ["all"], responsibleOfficer: officer, edsOutcomes: WORKFORCE, psedAims: BOTH_AIMS, objectives: ["1"], barrier: "Workforce and human resources" };
  return [
    {
      ...base,
      characteristics: ["race", "disability"],
      action:
        "Ensure very senior managers own the agenda, with improvements in Black, Asian and minority ethnic representation (and other under-represented groups) in their objectives and appraisal: specific, time-limited KPIs and targets linked to recruitment.",
      originalDue: "2025-10-31",
      currentDue: "2025-10-31",
      steps: [
        step("Identify appraisal dates for very senior managers so equality objectives and actions are included at the next review.", "2025-10-31", "red"),
        step("Monitor WRES data and the career progression disparity ratio.", null, "blue"),
        step("Add the inclusivity statement to the job advert template.", "2025-10-31", "green"),
        step("Remind hiring managers to prioritise disabled candidates who meet the essential criteria for interview (Disability Confident).", "2025-09-30", "red"),
        step("Promote job adverts more widely through networks, inclusive job boards and community partners, and explore targeted recruitment fairs.", null, "red"),
      ],
      risks: "A small number of very senior managers, who may move into different roles within the system.",
      mitigations: "Equality objectives and their action plans continue to be monitored; the equality and inclusion service supports delivery.",
      updates: [updateBy(who, "2025-09-01", "Inclusivity statement added to every job advert. Appraisal objectives not yet set.")],
      status: "amber",
    },
    {
      ...base,
      action: "Introduce 'comply or explain' for fair interviews: diverse interview panels, with an equality representative who can stop the selection process if it is unfair.",
      originalDue: "2026-03-31",
      currentDue: "2026-03-31",
      steps: [step("Explore NHS England's regional training on recruitment bias; ask partner organisations with a more diverse workforce to support interview panels.", null, "red")],
      risks: "Recruitment is restricted during the system's integration. The organisation's size may limit representative interview panels.",
      mitigations: "Share the recruitment bias presentation with all recruiting managers. Equality leads to ensure this action is part of system and place recruitment plans.",
      status: "red",
    },
    {
      ...base,
      action: "Organise talent panels: advertise development opportunities such as stretch and acting-up assignments to all staff, agree positive action approaches, and set transparent minimum criteria for talent pools.",
      originalDue: "2025-10-31",
      currentDue: "2025-10-31",
      steps: [step("Communicate the basic principles of internal and external recruitment and promotion to staff through bulletins and team meetings.", "2025-10-31", "red")],
      risks: "Few opportunities are currently available.",
      mitigations: "Recommend system-wide talent panels. Positive action approaches are in the workforce equality action plan.",
      status: "red",
    },
    {
      ...base,
      action: "Enhance EDI support: train HR policy teams to complete equality impact assessments of recruitment and promotion policies; for band 8a and above, candidates demonstrate their EDI work at interview.",
      originalDue: "2025-10-31",
      currentDue: "2025-10-31",
      steps: [
        step("Include at least one EDI question on the interview scoring matrix, with guidance for recruiting managers.", "2025-10-31", "red"),
        step("Record the EDI training of interview panels on the recruitment documentation.", null, "red"),
        step("Remind staff of EDI when recruiting, and keep records that evidence decisions.", "2025-10-31", "red"),
      ],
      risks: "EDI training status is not recorded. Scoring and rationale are not recorded.",
      mitigations: "Review the internal training log to obtain status. Recruiting managers check documentation for completeness.",
      status: "red",
    },
    {
      ...base,
      action: "Overhaul interview processes: training on good practice for hiring managers, values-based shortlisting and interviews, and skills-based assessment such as scenarios.",
      originalDue: "2025-11-30",
      currentDue: "2025-11-30",
      steps: [step("Explore recruitment bias training for recruiting managers.", "2025-11-30", "amber")],
      risks: "This training works best face to face; hybrid working may reduce its effectiveness.",
      mitigations: "Share the recruitment bias presentation with all recruiting managers. Unconscious bias training is planned.",
      status: "amber",
    },
    {
      ...base,
      characteristics: ["race"],
      action: "Adopt resources, guides and tools that help leaders and individuals have productive conversations about race.",
      originalDue: null,
      currentDue: null,
      steps: [
        step("Keep sharing EDI resources with staff.", null, "blue"),
        step("Review and expand EDI and accessibility content on the website and intranet.", null, "blue"),
        step("Promote the staff equality network, the Black, Asian and minority ethnic peer support group and the inclusivity calendar.", null, "blue"),
      ],
      risks: "Adoption of the Race Equality Code paused pending the national race equality strategy.",
      mitigations: "Follow the NHS race equality strategy being developed.",
      status: "blue",
    },
  ];
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
  plan: { kind: PlanKind; title: string; periodStart: string; periodEnd: string; objectives: PlanObjective[] },
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
