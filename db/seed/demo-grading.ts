import { and, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { assessmentComments, assessmentGrades, assessments, assessmentServices, frameworkOutcomes, frameworks, peerAssignments, type AssessmentPhase, type Rater } from "../schema";
import type { DemoOrgKey, DemoTenancy } from "./demo-tenancy";

interface DemoAssessment {
  org: DemoOrgKey;
  lead: string;
  framework: "EDS2" | "EDS2022";
  yearStart: number;
  phase: AssessmentPhase;
  /** Outcome code -> grade; others get `otherwise`. For EDS 2022 Domain 1, the score of the first service (later ones vary). */
  grades: Record<string, number>;
  otherwise: number;
  services?: string[];
  raters: Rater[];
}

// The demo CCG's EDS2 years follow seed 002: achieving on fifteen of eighteen outcomes, developing on three.
const ASSESSMENTS: DemoAssessment[] = [
  { org: "southSefton", lead: "icb.lead@peff.example", framework: "EDS2", yearStart: 2019, phase: "published", grades: { "1.3": 1, "2.4": 1, "3.3": 1 }, otherwise: 2, raters: ["self", "stakeholder_panel"] },
  { org: "southSefton", lead: "icb.lead@peff.example", framework: "EDS2", yearStart: 2020, phase: "published", grades: { "1.3": 1, "3.3": 1, "4.3": 1 }, otherwise: 2, raters: ["self", "stakeholder_panel"] },
  { org: "luht", lead: "luht.lead@peff.example", framework: "EDS2", yearStart: 2019, phase: "published", grades: { "1.5": 1, "2.1": 1, "3.4": 0, "3.6": 1 }, otherwise: 2, raters: ["self"] },
  { org: "luht", lead: "luht.lead@peff.example", framework: "EDS2", yearStart: 2020, phase: "published", grades: { "1.5": 1, "3.4": 1 }, otherwise: 2, raters: ["self", "stakeholder_panel"] },
  { org: "luht", lead: "luht.lead@peff.example", framework: "EDS2022", yearStart: 2022, phase: "published", grades: { "1A": 1, "2B": 1, "3C": 1 }, otherwise: 2, services: ["Maternity", "Emergency department"], raters: ["self", "stakeholder_panel", "peer"] },
  { org: "luht", lead: "luht.lead@peff.example", framework: "EDS2022", yearStart: 2023, phase: "published", grades: { "2B": 1 }, otherwise: 2, services: ["Maternity", "Emergency department", "Stroke"], raters: ["self", "stakeholder_panel", "peer", "trade_union"] },
  { org: "luht", lead: "luht.lead@peff.example", framework: "EDS2022", yearStart: 2024, phase: "grading", grades: { "1A": 2, "2B": 2 }, otherwise: 2, services: ["Maternity"], raters: ["self"] },
  { org: "merseyCare", lead: "merseycare.lead@peff.example", framework: "EDS2", yearStart: 2020, phase: "published", grades: { "1.1": 1, "1.4": 1, "2.3": 1, "4.2": 1 }, otherwise: 2, raters: ["self", "peer"] },
  { org: "merseyCare", lead: "merseycare.lead@peff.example", framework: "EDS2022", yearStart: 2022, phase: "published", grades: { "1C": 1, "2A": 1, "2B": 1 }, otherwise: 1, services: ["Community mental health", "Secure services"], raters: ["self", "stakeholder_panel"] },
  { org: "merseyCare", lead: "merseycare.lead@peff.example", framework: "EDS2022", yearStart: 2023, phase: "published", grades: { "2B": 1, "3A": 3 }, otherwise: 2, services: ["Community mental health", "Secure services"], raters: ["self", "stakeholder_panel", "independent_evaluator"] },
  { org: "alderHey", lead: "alderhey.lead@peff.example", framework: "EDS2022", yearStart: 2023, phase: "published", grades: { "1A": 3, "1D": 3, "2D": 3 }, otherwise: 2, services: ["Outpatients"], raters: ["self", "stakeholder_panel"] },
  { org: "alderHey", lead: "alderhey.lead@peff.example", framework: "EDS2022", yearStart: 2024, phase: "agreed", grades: { "1A": 3 }, otherwise: 2, services: ["Outpatients"], raters: ["self", "stakeholder_panel"] },
  { org: "wirral", lead: "wirral.lead@peff.example", framework: "EDS2022", yearStart: 2023, phase: "published", grades: { "2C": 1, "3B": 1, "3C": 0 }, otherwise: 1, services: ["District nursing", "Urgent treatment centre"], raters: ["self", "trade_union"] },
  { org: "icb", lead: "icb.lead@peff.example", framework: "EDS2022", yearStart: 2023, phase: "published", grades: { "1B": 1, "3C": 1 }, otherwise: 2, services: ["Commissioned maternity", "Primary care access"], raters: ["self", "stakeholder_panel", "peer"] },
];

const RATIONALE: Record<number, string> = {
  0: "No evidence yet for any protected group; an engagement plan is agreed for next year.",
  1: "Evidence and actions for some protected characteristics (age, disability, race); gaps remain for the others.",
  2: "Evidence from Healthwatch and community partners, with plan actions, covers most protected characteristics.",
  3: "Stakeholders agreed that people in all protected groups fare well; independent review confirmed it.",
};

/** Demo assessments over several years and both frameworks, some published, some not. Owner connection. */
export async function seedDemoGrading(tx: Tx, tenancy: DemoTenancy): Promise<void> {
  const fw = await tx.select({ id: frameworks.id, code: frameworks.code }).from(frameworks).where(eq(frameworks.version, 1));
  const outcomes = await tx.select().from(frameworkOutcomes).orderBy(frameworkOutcomes.position);
  let luhtDraft = "";
  for (const spec of ASSESSMENTS) {
    const frameworkId = fw.find((f) => f.code === spec.framework)!.id;
    const lead = tenancy.userIds[spec.lead]!;
    const published = spec.phase === "published";
    const [row] = await tx
      .insert(assessments)
      .values({
        collaborativeId: tenancy.collaborativeId,
        orgId: tenancy.orgIds[spec.org],
        frameworkId,
        yearStart: spec.yearStart,
        edsLead: "Equality and Diversity Lead",
        boardSponsor: "Director of Nursing",
        phase: spec.phase,
        publicationDeadline: spec.framework === "EDS2022" ? `${spec.yearStart + 1}-02-28` : null,
        authorisedOn: published || spec.phase === "agreed" ? `${spec.yearStart + 1}-01-25` : null,
        publishedOn: published ? `${spec.yearStart + 1}-02-20` : null,
        raters: spec.raters,
        createdBy: lead,
      })
      .returning({ id: assessments.id });
    const assessmentId = row!.id;
    if (spec.org === "luht" && spec.phase === "grading") luhtDraft = assessmentId;
    const services = [];
    for (const name of spec.services ?? []) {
      const [s] = await tx
        .insert(assessmentServices)
        .values({ collaborativeId: tenancy.collaborativeId, orgId: tenancy.orgIds[spec.org], assessmentId, name })
        .returning({ id: assessmentServices.id });
      services.push(s!.id);
    }
    const agreed = spec.phase === "agreed" || published;
    for (const o of outcomes.filter((x) => x.frameworkId === frameworkId)) {
      const base = spec.grades[o.code] ?? spec.otherwise;
      const slots = o.scoredPerService ? services.map((id, i) => ({ serviceId: id, value: Math.max(0, Math.min(3, base + (i % 2 === 1 ? 1 : 0) - (i === 2 ? 1 : 0))) })) : [{ serviceId: null, value: base }];
      // The LUHT draft is part-scored, so the demo shows what "still missing" looks like.
      if (spec.phase === "grading" && ["3A", "3B", "3C"].includes(o.code)) continue;
      for (const slot of slots) {
        await tx.insert(assessmentGrades).values({
          collaborativeId: tenancy.collaborativeId,
          orgId: tenancy.orgIds[spec.org],
          assessmentId,
          outcomeId: o.id,
          serviceId: slot.serviceId,
          value: slot.value,
          rationale: RATIONALE[slot.value]!,
          agreedBy: agreed ? lead : null,
          agreedAt: agreed ? new Date(`${spec.yearStart + 1}-01-25T12:00:00Z`) : null,
          updatedBy: lead,
        });
      }
    }
  }
  // Mersey Care's peer reviewer is reviewing LUHT's draft, and has left a comment.
  const reviewer = tenancy.userIds["peer.reviewer@peff.example"]!;
  await tx.insert(peerAssignments).values({
    collaborativeId: tenancy.collaborativeId,
    orgId: tenancy.orgIds.luht,
    assessmentId: luhtDraft,
    reviewerUserId: reviewer,
    reviewerOrgId: tenancy.orgIds.merseyCare,
    assignedBy: tenancy.userIds["luht.lead@peff.example"],
  });
  const [outcome1A] = await tx
    .select({ id: frameworkOutcomes.id })
    .from(frameworkOutcomes)
    .where(and(eq(frameworkOutcomes.code, "1A"), eq(frameworkOutcomes.frameworkId, fw.find((f) => f.code === "EDS2022")!.id)));
  await tx.insert(assessmentComments).values({
    collaborativeId: tenancy.collaborativeId,
    orgId: tenancy.orgIds.luht,
    assessmentId: luhtDraft,
    outcomeId: outcome1A!.id,
    authorId: reviewer,
    authorOrgId: tenancy.orgIds.merseyCare,
    body: "Achieving for maternity access looks right; the interpreting audit would strengthen the evidence for people who need interpreters.",
  });
}
