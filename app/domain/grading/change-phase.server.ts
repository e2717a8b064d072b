import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { assessmentGrades, assessments, type AssessmentPhase } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { DomainError, invalid } from "~/domain/errors";
import { loadAssessmentView } from "./get-assessment.server";
import { holdEditableAssessment } from "./hold-assessment.server";
import { loadActionPlanLines } from "./load-action-plan-lines.server";
import { todayIso } from "~/lib/plan/dates";

export interface ChangePhaseInput {
  phase: AssessmentPhase;
  /** Required to publish: the date it is published on (today by default). */
  publishedOn?: string;
  authorisedOn?: string | null;
}

/**
 * Moves an assessment between phases. Agreeing and publishing need every outcome graded (and
 * Domain 1 at least one service); agreeing records the person agreeing against every grade not
 * yet agreed. Publishing makes the grades visible to the whole collaborative and freezes them.
 */
export async function changePhase(database: Database, actor: Actor, assessmentId: string, input: ChangePhaseInput): Promise<void> {
  // Publishing freezes the assessment, its date included: a date that has not come yet (a slip of the year) could never be put right.
  if (input.phase === "published" && input.publishedOn && input.publishedOn > todayIso()) {
    throw invalid({ publishedOn: "The publication date must be today or in the past" });
  }
  await withTenant(database, tenantOf(actor), async (tx) => {
    // Locked first, so the grades read below are the ones that get agreed and frozen: a save in flight finishes before.
    await holdEditableAssessment(tx, actor, assessmentId, "Only the organisation's equality lead changes the phase, and a published assessment stays published");
    const view = await loadAssessmentView(tx, assessmentId);
    const now = new Date();
    if (input.phase === "agreed" || input.phase === "published") {
      const missing = view.results.missing;
      if (missing.length) {
        throw new DomainError(
          422,
          `This assessment cannot be ${input.phase === "agreed" ? "agreed" : "published"} yet. Still missing: ${missing.slice(0, 12).join("; ")}${missing.length > 12 ? `; and ${missing.length - 12} more` : ""}.`,
        );
      }
      await tx
        .update(assessmentGrades)
        .set({ agreedBy: actor.userId, agreedAt: now, updatedBy: actor.userId, updatedAt: now })
        .where(and(eq(assessmentGrades.assessmentId, assessmentId), isNull(assessmentGrades.agreedBy)));
    }
    // The day in England: in British Summer Time the UTC date is still yesterday until 1 a.m.
    const today = todayIso(now);
    await tx
      .update(assessments)
      .set({
        phase: input.phase,
        publishedOn: input.phase === "published" ? (input.publishedOn ?? today) : null,
        authorisedOn: input.authorisedOn !== undefined ? input.authorisedOn : view.assessment.authorisedOn,
        // The published EDS 2022 summary keeps the action plan as it stood, for every reader.
        ...(input.phase === "published" && view.framework.code === "EDS2022" ? { actionPlan: await loadActionPlanLines(tx, view.assessment.orgId) } : {}),
        updatedAt: now,
      })
      .where(eq(assessments.id, assessmentId));
  });
}
