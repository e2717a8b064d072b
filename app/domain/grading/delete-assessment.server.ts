import { eq, sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { rowsOf } from "#db/client";
import { assessments, frameworks } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { conflict, forbidden } from "~/domain/errors";
import { canDeleteAssessment, canEditAssessment, yearLabel, type AssessmentRow } from "~/policies/grading";
import { loadAssessment } from "./get-assessment.server";

export const AGREED_MESSAGE = "Agreed and published assessments cannot be deleted: they are the record of what was agreed.";

export interface DeleteAssessmentPreview {
  id: string;
  title: string;
  /** What goes with it. */
  grades: number;
  comments: number;
  reviewers: number;
  services: number;
}

/** An assessment's title ("EDS2 2023/24") and what deleting it would remove; only for those who may delete it. */
export async function previewDeleteAssessment(database: Database, actor: Actor, assessmentId: string): Promise<DeleteAssessmentPreview> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const assessment = await loadAssessment(tx, assessmentId);
    refuseUnlessDeletable(actor, assessment);
    const [counts] = rowsOf<{ grades: number; comments: number; reviewers: number; services: number }>(
      await tx.execute(sql`
        select (select count(*)::int from assessment_grades where assessment_id = ${assessment.id} and value is not null) as grades,
               (select count(*)::int from assessment_comments where assessment_id = ${assessment.id}) as comments,
               (select count(*)::int from peer_assignments where assessment_id = ${assessment.id}) as reviewers,
               (select count(*)::int from assessment_services where assessment_id = ${assessment.id}) as services`),
    );
    const [framework] = await tx.select({ code: frameworks.code }).from(frameworks).where(eq(frameworks.id, assessment.frameworkId));
    return { id: assessment.id, title: `${framework!.code === "EDS2" ? "EDS2" : "EDS 2022"} ${yearLabel(assessment.yearStart)}`, ...counts! };
  });
}

/**
 * Deletes an assessment started by mistake (the wrong year or framework, say), with its grades,
 * their history, its services, comments and peer reviewers (the foreign keys cascade). Only its
 * organisation's equality lead, and only before the grades are agreed; the database's policy says
 * the same (migration 0026). The row is locked first, so a phase change in flight either lands
 * before (and the delete is refused) or waits.
 */
export async function deleteAssessment(database: Database, actor: Actor, assessmentId: string): Promise<void> {
  await withTenant(database, tenantOf(actor), async (tx) => {
    const found = await loadAssessment(tx, assessmentId);
    refuseUnlessDeletable(actor, found);
    const [held] = await tx.select({ phase: assessments.phase }).from(assessments).where(eq(assessments.id, found.id)).for("update");
    if (!held || !canDeleteAssessment(policyActor(actor), { ...found, phase: held.phase })) throw conflict(AGREED_MESSAGE);
    await tx.delete(assessments).where(eq(assessments.id, found.id));
  });
}

function refuseUnlessDeletable(actor: Actor, assessment: AssessmentRow) {
  const who = policyActor(actor);
  if (canDeleteAssessment(who, assessment)) return;
  if (canEditAssessment(who, { ...assessment, phase: "grading" })) throw conflict(AGREED_MESSAGE);
  throw forbidden("Only the organisation's equality lead can delete its assessment");
}
