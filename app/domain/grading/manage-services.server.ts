import { and, eq } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { assessmentServices } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { forbidden, invalid, isUniqueViolation } from "~/domain/errors";
import { canEditAssessment } from "~/policies/grading";
import { loadAssessment } from "./get-assessment.server";
import { loadFramework } from "./load-framework.server";

async function editablePerServiceAssessment(tx: Tx, actor: Actor, assessmentId: string) {
  const assessment = await loadAssessment(tx, assessmentId);
  if (!canEditAssessment(policyActor(actor), assessment)) throw forbidden("Only the organisation's equality lead changes the services, and not once published");
  const framework = await loadFramework(tx, assessment.frameworkId);
  if (!framework.groups.some((g) => g.outcomes.some((o) => o.scoredPerService))) throw invalid({ name: "This framework is not scored per service" });
  return assessment;
}

/** Adds a service to Domain 1 (EDS 2022 scores Domain 1 once per service assessed). */
export async function addService(database: Database, actor: Actor, assessmentId: string, name: string): Promise<void> {
  try {
    await withTenant(database, tenantOf(actor), async (tx) => {
      const assessment = await editablePerServiceAssessment(tx, actor, assessmentId);
      await tx.insert(assessmentServices).values({ collaborativeId: assessment.collaborativeId, orgId: assessment.orgId, assessmentId, name });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ name: `"${name}" is already one of this assessment's services` });
    throw error;
  }
}

/** Removes a service and its Domain 1 scores (kept in the grade history). */
export async function removeService(database: Database, actor: Actor, assessmentId: string, serviceId: string): Promise<void> {
  await withTenant(database, tenantOf(actor), async (tx) => {
    await editablePerServiceAssessment(tx, actor, assessmentId);
    await tx.delete(assessmentServices).where(and(eq(assessmentServices.id, serviceId), eq(assessmentServices.assessmentId, assessmentId)));
  });
}
