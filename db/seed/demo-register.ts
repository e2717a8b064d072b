import { randomUUID } from "node:crypto";
import type { Tx } from "../client";
import { collabSnapshots, registerRows, registers, type RegisterRowFields, type RowUpdate } from "../schema";

const EDS2_SERVICES = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "4.1", "4.3"].map((c) => `EDS2:${c}`);
const SEED = "Seed 002, South Sefton CCG equality objective plan 2019-2023 (update September 2021)";
const ENGAGEMENT = "EDS2 collaborative engagement";

export type DemoRegisterRow = RegisterRowFields;

const update = (at: string, text: string): RowUpdate => ({ at, authorId: null, authorName: "South Sefton CCG (imported)", text });
const row = (r: Partial<DemoRegisterRow> & Pick<DemoRegisterRow, "characteristics" | "barrier" | "issue">): DemoRegisterRow => ({
  identifiedBy: ENGAGEMENT,
  evidence: [],
  edsOutcomes: EDS2_SERVICES,
  psedAims: ["advance", "eliminate"],
  themes: [],
  leadOrganisation: "NHS South Sefton CCG",
  contactRole: "Interim Programme Lead, Corporate Services",
  status: "blue",
  updates: [],
  ...r,
});

/**
 * The rows of seed 002's Appendix B (the barrier register part of the equality objective plan).
 * The seed's "Action" column is kept as the issue at play; its statuses were cell colours that
 * did not survive into text, so these follow each row's September 2021 update.
 */
export const DEMO_REGISTER_ROWS: DemoRegisterRow[] = [
  row({
    characteristics: ["disability", "deaf_bsl"],
    barrier: "Poor access to services and poor outcomes",
    issue: "Ensure the CCG works closely with providers and General practice to progress the D/deaf access action plan.",
    themes: ["interpreting", "access"],
    updates: [update("2021-09-01", "The CCG is part of a Liverpool CCG-led system wide procurement for interpretation and translation services which includes British Sign Language. The Liverpool CCG-led procurement exercise is now complete for interpretation and the contract has been awarded.")],
  }),
  row({
    characteristics: ["disability", "age"],
    barrier: "Poor access to services (secondary and primary care) and poor outcomes",
    issue: "Support providers of NHS services to implement reasonable adjustments (including the Accessible Information Standard).",
    contactRole: "Chief Nurse",
    themes: ["reasonable adjustments", "accessible information"],
    updates: [update("2021-09-01", "All acute, community, mental health and independent sector organisations are refreshing their reasonable adjustments action plans to reflect COVID-19 impacts. As part of the COVID-19 vaccination programme the CCG supported people with learning disabilities and people with severe mental illness to access the vaccine by providing reasonable adjustments (home visits, dedicated clinics).")],
  }),
  row({
    characteristics: ["race", "disability"],
    barrier: "Poor access to services (secondary and primary care) and poor outcomes",
    issue: "Approve Translation and Interpretation Quality Standards and support providers to implement standards across South Sefton.",
    contactRole: "Chief Finance Officer",
    status: "green",
    themes: ["interpreting"],
    updates: [update("2021-09-01", "Quality Standards incorporated into interpreter and translation services service specification.")],
  }),
  row({
    characteristics: ["race"],
    barrier: "Poor access and outcomes",
    issue: "Work in close collaboration with the CDW service to ensure access and outcomes are improved and aligned to NHS pathways across all Black, Asian and minority ethnic communities.",
    identifiedBy: `${ENGAGEMENT}; BME Community Development Worker highlight reports`,
    contactRole: "Director of Commissioning and Redesign",
    themes: ["cultural competence", "community engagement"],
    updates: [update("2021-09-01", "The CCG Equality and Inclusion Service continues to facilitate the BME Community Development Worker Steering Group (quarterly) and receives key issues and highlight reports. The CDW supported delivery of key COVID-19 health messages and vaccine uptake, and supports practices with registrations of patients whose first language may not be English.")],
  }),
  row({
    characteristics: ["children_young_people"],
    barrier: "Poor access and outcomes",
    issue: "Ensure service change considers PSED and health inequalities and the appropriate level of engagement.",
    themes: ["service change", "engagement"],
    updates: [update("2021-09-01", "Merseyside CCGs Equality and Inclusion has supported a number of Equality Impact Assessments during the period, e.g. the post-consultation equality impact assessment for the haemato-oncology service change proposal.")],
  }),
  row({
    characteristics: ["age", "older_people"],
    barrier: "Poor access and outcomes (working age and older citizens)",
    issue: "Ensure service change considers PSED and health inequalities and the appropriate level of engagement.",
    themes: ["service change", "engagement"],
    updates: [update("2021-09-01", "Refer to the narrative above (children and young people).")],
  }),
  row({
    characteristics: ["sex"],
    barrier: "Access to service and poor outcomes linked to sex",
    issue: "Ensure service change considers PSED and health inequalities and the appropriate level of engagement.",
    themes: ["service change"],
    updates: [update("2021-09-01", "Refer to the narrative included above.")],
  }),
  row({
    characteristics: ["sexual_orientation"],
    barrier: "Access to service, poor outcomes and poor patient experience",
    issue: "Work with key departments across the CCG to ensure sexual orientation is considered and appropriate levels of engagement are in place.",
    themes: ["engagement"],
    updates: [update("2021-09-01", "The CCG Equality and Inclusion Service continues to work directly with commissioning leads to consider the impact on people with protected characteristics as part of commissioning decisions.")],
  }),
  row({
    characteristics: ["gender_reassignment"],
    barrier: "Access to service, poor outcomes and poor patient experience",
    issue: "Ensure the CCG is aligned to the CMAGIC service and transgender pathway via both the STP project and the national NHSE pilot.",
    contactRole: "Director of Commissioning and Redesign",
    status: "green",
    themes: ["pathways"],
    updates: [update("2021-02-01", "Complete. The NHSE Specialised Commissioning pilot launched in Cheshire and Merseyside on 18 January 2021.")],
  }),
  row({
    characteristics: ["religion_belief"],
    barrier: "Poor patient experience and outcomes",
    issue: "Ensure a collaborative action plan around meeting religious and spiritual needs of patients is developed by the provider collaborative forum, supported by the CCG.",
    contactRole: "Chief Nurse",
    status: "amber",
    themes: ["spiritual care"],
    updates: [update("2021-09-01", "A national review of the NHS guidance has been delayed and therefore the work of the Equality Collaborative has paused. The CCG awaits further national instruction.")],
  }),
  row({
    characteristics: ["all"],
    barrier: "Workforce and human resources",
    issue: "The CCG works closely with the EDS2 providers and CSU on progressing the CCG workforce equality plan.",
    edsOutcomes: ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"].map((c) => `EDS2:${c}`),
    themes: ["workforce"],
    updates: [update("2021-09-01", "The CCG's Workforce Equality Action plan is enclosed.")],
  }),
  row({
    characteristics: ["all"],
    barrier: "Cultural sensitivity and patient safety",
    issue: "Support providers to meet the cultural needs of all protected groups and improve patient safety.",
    contactRole: "Chief Nurse",
    themes: ["cultural competence", "patient safety"],
    updates: [update("2021-09-01", "The COVID-19 Equality Briefing continues to be updated and shared with all providers. A number of local Trusts have commissioned the local BME Community Development Worker services to deliver cultural awareness or unconscious bias training.")],
  }),
  row({
    characteristics: ["all"],
    barrier: "Ensure the CCG pays 'due regard' to PSED and health inequalities during unprecedented challenge facing the NHS",
    issue: "Ensure Governing Body and executive leads are trained and briefed on lawful decision making and consideration of public law duties.",
    edsOutcomes: ["4.1", "4.2", "4.3"].map((c) => `EDS2:${c}`),
    status: "amber",
    themes: ["leadership", "decision making"],
    updates: [update("2021-09-01", "Date for Board training to be confirmed. The COVID-19 Equality Briefing continues to be shared with CCG leads to ensure they are briefed on lawful decision making.")],
  }),
  row({
    characteristics: ["socio_economic"],
    barrier: "Widening health inequalities",
    issue: "Ensure the CCG embeds consideration of health inequalities in decision making and the PMO.",
    status: "green",
    themes: ["health inequalities", "decision making"],
    updates: [update("2021-02-01", "Complete. PMO process and documentation reviewed.")],
  }),
].map((r) => ({ ...r, evidence: [{ url: "https://www.southseftonccg.nhs.uk/get-informed/equality-and-health-inequalities/", title: SEED }] }));

/** The collaborative's shared register: its Yjs state (built by the caller) and its SQL projection. */
export async function seedDemoRegister(tx: Tx, collaborativeId: string, encode: (rows: (DemoRegisterRow & { key: string })[]) => Uint8Array) {
  const rows = DEMO_REGISTER_ROWS.map((r) => ({ ...r, key: randomUUID() }));
  await tx.insert(registers).values({ collaborativeId });
  await tx.insert(collabSnapshots).values({ document: `register:${collaborativeId}`, collaborativeId, state: encode(rows) });
  await tx.insert(registerRows).values(
    rows.map(({ key, ...r }, i) => ({ collaborativeId, rowKey: key, position: i, ...r, characteristics: [...r.characteristics].sort(), edsOutcomes: [...r.edsOutcomes].sort(), psedAims: [...r.psedAims].sort(), themes: [...r.themes].sort() })),
  );
}
