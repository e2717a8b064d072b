import type { Database } from "#db/client";
import { assessmentComments, peerAssignments } from "#db/schema";
import { eq } from "drizzle-orm";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { forbidden, invalid } from "~/domain/errors";
import { allOutcomes } from "~/policies/assessment-results";
import { canComment } from "~/policies/grading";
import { loadAssessment } from "./get-assessment.server";
import { loadFramework } from "./load-framework.server";

/** A peer reviewer's (or the organisation's own) comment on an assessment or one outcome's grade. Comments are kept. */
export async function addComment(database: Database, actor: Actor, assessmentId: string, input: { outcomeId: string | null; body: string }): Promise<void> {
  await withTenant(database, tenantOf(actor), async (tx) => {
    const assessment = await loadAssessment(tx, assessmentId);
    const reviewers = (await tx.select({ userId: peerAssignments.reviewerUserId }).from(peerAssignments).where(eq(peerAssignments.assessmentId, assessmentId))).map((r) => r.userId);
    if (!canComment(policyActor(actor), assessment, reviewers)) throw forbidden("Only the assessment's own organisation and its assigned peer reviewers comment");
    if (input.outcomeId) {
      const framework = await loadFramework(tx, assessment.frameworkId);
      if (!allOutcomes(framework).some((o) => o.id === input.outcomeId)) throw invalid({ outcomeId: "Choose an outcome of this framework" });
    }
    await tx.insert(assessmentComments).values({
      collaborativeId: assessment.collaborativeId,
      orgId: assessment.orgId,
      assessmentId,
      outcomeId: input.outcomeId,
      authorId: actor.userId,
      authorOrgId: actor.active.orgId,
      body: input.body,
    });
  });
}
