import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { assessmentGrades, assessments, frameworks, organisations, peerAssignments, type AssessmentPhase } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";

export interface AssessmentListItem {
  id: string;
  orgName: string;
  frameworkCode: string;
  frameworkName: string;
  yearStart: number;
  phase: AssessmentPhase;
  publicationDeadline: string | null;
  publishedOn: string | null;
  grades: number;
  /** True when the actor sees it as an assigned peer reviewer. */
  reviewing: boolean;
}

/** The actor's organisation's assessments, newest first, and any the actor is assigned to peer review. */
export async function listAssessments(database: Database, actor: Actor): Promise<AssessmentListItem[]> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const assigned = tx
      .select({ id: peerAssignments.assessmentId })
      .from(peerAssignments)
      .where(and(eq(peerAssignments.reviewerUserId, actor.userId), eq(peerAssignments.reviewerOrgId, actor.active.orgId)));
    const rows = await tx
      .select({
        id: assessments.id,
        orgId: assessments.orgId,
        orgName: organisations.name,
        frameworkCode: frameworks.code,
        frameworkName: frameworks.name,
        yearStart: assessments.yearStart,
        phase: assessments.phase,
        publicationDeadline: assessments.publicationDeadline,
        publishedOn: assessments.publishedOn,
        grades: sql<number>`(select count(*)::int from ${assessmentGrades} g where g.assessment_id = ${assessments.id})`,
      })
      .from(assessments)
      .innerJoin(frameworks, eq(frameworks.id, assessments.frameworkId))
      .innerJoin(organisations, eq(organisations.id, assessments.orgId))
      .where(
        and(
          eq(assessments.collaborativeId, actor.active.collaborativeId),
          or(eq(assessments.orgId, actor.active.orgId), inArray(assessments.id, assigned)),
        ),
      )
      .orderBy(desc(assessments.yearStart), frameworks.code);
    return rows.map(({ orgId, ...r }) => ({ ...r, grades: Number(r.grades), reviewing: orgId !== actor.active.orgId }));
  });
}
