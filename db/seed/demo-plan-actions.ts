import { randomUUID } from "node:crypto";
import type { DueChange, PlanActionFields, PlanObjective, PlanStep, RowUpdate } from "../schema";
import { DEMO_PEOPLE, type DemoOrgKey, type DemoTenancy } from "./demo-tenancy";

/**
 * The demo plans' content: seed 002's objectives, Appendix B's actions (equality objective plan)
 * and Appendix C's actions with their steps (workforce plan). Written by `demo-plans.ts`.
 */

/** One demo plan action: any of the fields a plan action has (the rest take their defaults). */
export type DemoPlanAction = Partial<PlanActionFields>;

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

export interface Person {
  id: string | null;
  name: string;
}

export const leadOf = (tenancy: DemoTenancy, org: DemoOrgKey): Person => {
  const person = DEMO_PEOPLE.find((p) => p.roles.some(([o, r]) => o === org && r === "equality_lead"))!;
  return { id: tenancy.userIds[person.email] ?? null, name: person.name };
};

export const updateBy = (who: Person, at: string, text: string): RowUpdate => ({ at: `${at}T09:00:00.000Z`, authorId: who.id, authorName: who.name, text });
const moveBy = (who: Person, at: string, from: string, to: string, reason: string): DueChange => ({ at: `${at}T09:00:00.000Z`, authorId: who.id, authorName: who.name, from, to, reason });

/** Appendix B's rows as an organisation's own actions for 2024-2028 (some complete, some overdue, one moved twice). */
export function equalityActions(who: Person): DemoPlanAction[] {
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
export function workforceActions(who: Person): DemoPlanAction[] {
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
