import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, memberships, organisations, peerAssignments, users } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { forbidden, invalid, isUniqueViolation } from "~/domain/errors";
import { canAssignReviewers } from "~/policies/grading";
import { loadAssessment } from "./get-assessment.server";

export interface ReviewerCandidate {
  /** `${userId}:${orgId}`: a person reviews from one organisation. */
  key: string;
  label: string;
}

/** People holding the peer reviewer role in another organisation of the collaborative. */
export async function listReviewerCandidates(database: Database, actor: Actor): Promise<ReviewerCandidate[]> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const rows = await tx
      .select({ userId: users.id, name: users.name, orgId: organisations.id, orgName: organisations.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organisations, eq(organisations.id, memberships.orgId))
      .innerJoin(collaborativeMembers, and(eq(collaborativeMembers.orgId, memberships.orgId), eq(collaborativeMembers.collaborativeId, actor.active.collaborativeId), isNull(collaborativeMembers.leftOn)))
      .where(and(eq(memberships.role, "peer_reviewer"), ne(memberships.orgId, actor.active.orgId)))
      .orderBy(asc(users.name));
    return rows.map((r) => ({ key: `${r.userId}:${r.orgId}`, label: `${r.name}, ${r.orgName}` }));
  });
}

/** Assigns a peer reviewer from another organisation: they may then read this one assessment and comment on it. */
export async function assignReviewer(database: Database, actor: Actor, assessmentId: string, candidateKey: string): Promise<void> {
  const [reviewerUserId, reviewerOrgId] = candidateKey.split(":");
  const candidates = await listReviewerCandidates(database, actor);
  if (!reviewerUserId || !reviewerOrgId || !candidates.some((c) => c.key === candidateKey)) throw invalid({ reviewer: "Choose a peer reviewer from another organisation" });
  try {
    await withTenant(database, tenantOf(actor), async (tx) => {
      const assessment = await loadAssessment(tx, assessmentId);
      if (!canAssignReviewers(policyActor(actor), assessment)) throw forbidden("Only the organisation's equality lead assigns peer reviewers");
      await tx.insert(peerAssignments).values({
        collaborativeId: assessment.collaborativeId,
        orgId: assessment.orgId,
        assessmentId,
        reviewerUserId,
        reviewerOrgId,
        assignedBy: actor.userId,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ reviewer: "That person is already reviewing this assessment" });
    throw error;
  }
}

/** Assessments the acting peer reviewer has been assigned. */
export async function listAssignedReviews(database: Database, actor: Actor): Promise<{ assessmentId: string }[]> {
  if (actor.active.role !== "peer_reviewer") return [];
  return withTenant(database, tenantOf(actor), (tx) =>
    tx
      .select({ assessmentId: peerAssignments.assessmentId })
      .from(peerAssignments)
      .where(and(eq(peerAssignments.reviewerUserId, actor.userId), eq(peerAssignments.reviewerOrgId, actor.active.orgId))),
  );
}
