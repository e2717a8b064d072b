import { and, eq } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { assessments, assessmentServices } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { invalid, isUniqueViolation } from "~/domain/errors";
import type { AssessmentRecord } from "./get-assessment.server";
import { holdEditableAssessment } from "./hold-assessment.server";
import { loadFramework } from "./load-framework.server";

async function editablePerServiceAssessment(tx: Tx, actor: Actor, assessmentId: string) {
  const assessment = await holdEditableAssessment(tx, actor, assessmentId, "Only the organisation's equality lead changes the services, and not once published");
  const framework = await loadFramework(tx, assessment.frameworkId);
  if (!framework.groups.some((g) => g.outcomes.some((o) => o.scoredPerService))) throw invalid({ name: "This framework is not scored per service" });
  return assessment;
}

/**
 * A service added or removed changes what Domain 1 is the median of (a new service has no scores
 * yet; a removed one takes its scores with it), so grades agreed as a set are no longer that set:
 * as when a grade changes, an agreed assessment goes back to grading, to be agreed again.
 */
async function backToGrading(tx: Tx, assessment: AssessmentRecord) {
  if (assessment.phase === "agreed") await tx.update(assessments).set({ phase: "grading", updatedAt: new Date() }).where(eq(assessments.id, assessment.id));
}

/** Adds a service to Domain 1 (EDS 2022 scores Domain 1 once per service assessed). */
export async function addService(database: Database, actor: Actor, assessmentId: string, name: string): Promise<void> {
  try {
    await withTenant(database, tenantOf(actor), async (tx) => {
      const assessment = await editablePerServiceAssessment(tx, actor, assessmentId);
      await tx.insert(assessmentServices).values({ collaborativeId: assessment.collaborativeId, orgId: assessment.orgId, assessmentId, name });
      await backToGrading(tx, assessment);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ name: `"${name}" is already one of this assessment's services` });
    throw error;
  }
}

/** Removes a service and its Domain 1 scores (kept in the grade history). */
export async function removeService(database: Database, actor: Actor, assessmentId: string, serviceId: string): Promise<void> {
  await withTenant(database, tenantOf(actor), async (tx) => {
    const assessment = await editablePerServiceAssessment(tx, actor, assessmentId);
    const removed = await tx
      .delete(assessmentServices)
      .where(and(eq(assessmentServices.id, serviceId), eq(assessmentServices.assessmentId, assessmentId)))
      .returning({ id: assessmentServices.id });
    if (removed.length) await backToGrading(tx, assessment);
  });
}
