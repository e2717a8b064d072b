import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { assessments, frameworks, type Rater } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { forbidden, invalid, isUniqueViolation } from "~/domain/errors";
import { canManageAssessments, defaultPublicationDeadline, yearLabel } from "~/policies/grading";

export interface AssessmentDetails {
  edsLead: string | null;
  boardSponsor: string | null;
  partnership: "alone" | "partnership";
  partners: string | null;
  publicationDeadline: string | null;
  authorisedOn: string | null;
  raters: Rater[];
}

export interface CreateAssessmentInput extends Partial<AssessmentDetails> {
  frameworkCode: "EDS2" | "EDS2022";
  yearStart: number;
}

/** Starts an assessment for the actor's organisation (previous years included: history lives in documents). */
export async function createAssessment(database: Database, actor: Actor, input: CreateAssessmentInput): Promise<string> {
  if (!canManageAssessments(policyActor(actor))) throw forbidden("Only the organisation's equality lead starts an assessment");
  try {
    return await withTenant(database, tenantOf(actor), async (tx) => {
      const [framework] = await tx.select({ id: frameworks.id, code: frameworks.code }).from(frameworks).where(and(eq(frameworks.code, input.frameworkCode), eq(frameworks.version, 1)));
      if (!framework) throw invalid({ frameworkCode: "Select a framework" });
      const [row] = await tx
        .insert(assessments)
        .values({
          collaborativeId: actor.active.collaborativeId,
          orgId: actor.active.orgId,
          frameworkId: framework.id,
          yearStart: input.yearStart,
          edsLead: input.edsLead ?? null,
          boardSponsor: input.boardSponsor ?? null,
          partnership: input.partnership ?? "alone",
          partners: input.partners ?? null,
          publicationDeadline: input.publicationDeadline ?? defaultPublicationDeadline(framework.code, input.yearStart),
          authorisedOn: input.authorisedOn ?? null,
          raters: input.raters ?? [],
          createdBy: actor.userId,
        })
        .returning({ id: assessments.id });
      return row!.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw invalid({ yearStart: `Your organisation already has an ${input.frameworkCode === "EDS2" ? "EDS2" : "EDS 2022"} assessment for ${yearLabel(input.yearStart)}` });
    }
    throw error;
  }
}
