import { eq } from "drizzle-orm";
import type { Tx } from "#db/client";
import { assessments } from "#db/schema";
import { type Actor, policyActor } from "~/domain/auth/actor";
import { forbidden } from "~/domain/errors";
import { canEditAssessment } from "~/policies/grading";
import { loadAssessment, type AssessmentRecord } from "./get-assessment.server";

/**
 * The assessment an equality lead is about to change, locked (FOR UPDATE) until the transaction
 * ends, with its phase as it stands once the lock is held. Every change of an assessment, its
 * grades or its services takes this lock before reading anything else, so two changes at once run
 * one after the other: publishing never freezes grades that a save in flight is still changing
 * (nor agrees a set it has not seen), and a save that waited behind a publish finds the assessment
 * published and is refused, instead of changing frozen grades or moving it back to grading.
 * Without the lock, a plain read sees the phase from before the other transaction commits.
 */
export async function holdEditableAssessment(tx: Tx, actor: Actor, assessmentId: string, refusal: string): Promise<AssessmentRecord> {
  const found = await loadAssessment(tx, assessmentId);
  if (!canEditAssessment(policyActor(actor), found)) throw forbidden(refusal);
  const [held] = await tx.select({ phase: assessments.phase }).from(assessments).where(eq(assessments.id, found.id)).for("update");
  const assessment = { ...found, phase: held?.phase ?? found.phase };
  if (!held || !canEditAssessment(policyActor(actor), assessment)) throw forbidden(refusal);
  return assessment;
}
