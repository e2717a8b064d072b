import { asc, eq, inArray } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { assessmentComments, assessmentGrades, assessments, assessmentServices, frameworkOutcomes, organisations, peerAssignments, users } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";
import { assessmentResults, type AssessmentResults, type FrameworkShape } from "~/policies/assessment-results";
import type { RatingBand } from "~/policies/eds2022-scoring";
import { loadBands, loadFramework } from "./load-framework.server";
import { loadSuggestionInputs, type SuggestionInputs } from "./load-suggestion-inputs.server";

export type AssessmentRecord = typeof assessments.$inferSelect & { orgName: string };

export interface GradeView {
  id: string;
  outcomeId: string;
  serviceId: string | null;
  value: number;
  rationale: string;
  agreedBy: string | null;
  agreedByName: string | null;
  agreedAt: Date | null;
  updatedAt: Date;
}

export interface AssessmentView {
  assessment: AssessmentRecord;
  framework: FrameworkShape;
  bands: (RatingBand & { source: string })[];
  bandSet: string;
  services: { id: string; name: string }[];
  grades: GradeView[];
  results: AssessmentResults;
  reviewers: { id: string; userId: string; name: string; orgName: string }[];
  comments: { id: string; outcomeCode: string | null; authorName: string; authorOrgName: string; body: string; createdAt: Date }[];
  suggestions: SuggestionInputs;
}

/** Loads an assessment the actor may read (RLS decides: own organisation, published, or assigned reviewer). */
export async function loadAssessment(tx: Tx, assessmentId: string): Promise<AssessmentRecord> {
  const [row] = await tx
    .select({ assessment: assessments, orgName: organisations.name })
    .from(assessments)
    .innerJoin(organisations, eq(organisations.id, assessments.orgId))
    .where(eq(assessments.id, assessmentId));
  if (!row) throw notFound("That assessment does not exist, or you cannot see it: drafts are visible only to their own organisation");
  return { ...row.assessment, orgName: row.orgName };
}

export async function loadAssessmentView(tx: Tx, assessmentId: string): Promise<AssessmentView> {
  const assessment = await loadAssessment(tx, assessmentId);
  const framework = await loadFramework(tx, assessment.frameworkId);
  const { bands, bandSet } = await loadBands(tx, assessment.collaborativeId);
  const services = await tx
    .select({ id: assessmentServices.id, name: assessmentServices.name })
    .from(assessmentServices)
    .where(eq(assessmentServices.assessmentId, assessmentId))
    .orderBy(asc(assessmentServices.createdAt), asc(assessmentServices.name));
  const grades = await tx
    .select({
      id: assessmentGrades.id,
      outcomeId: assessmentGrades.outcomeId,
      serviceId: assessmentGrades.serviceId,
      value: assessmentGrades.value,
      rationale: assessmentGrades.rationale,
      agreedBy: assessmentGrades.agreedBy,
      agreedByName: users.name,
      agreedAt: assessmentGrades.agreedAt,
      updatedAt: assessmentGrades.updatedAt,
    })
    .from(assessmentGrades)
    .leftJoin(users, eq(users.id, assessmentGrades.agreedBy))
    .where(eq(assessmentGrades.assessmentId, assessmentId));
  const reviewerRows = await tx
    .select({ id: peerAssignments.id, userId: peerAssignments.reviewerUserId, name: users.name, orgName: organisations.name })
    .from(peerAssignments)
    .innerJoin(users, eq(users.id, peerAssignments.reviewerUserId))
    .innerJoin(organisations, eq(organisations.id, peerAssignments.reviewerOrgId))
    .where(eq(peerAssignments.assessmentId, assessmentId));
  const commentRows = await tx
    .select({
      id: assessmentComments.id,
      outcomeId: assessmentComments.outcomeId,
      authorName: users.name,
      authorOrgId: assessmentComments.authorOrgId,
      body: assessmentComments.body,
      createdAt: assessmentComments.createdAt,
    })
    .from(assessmentComments)
    .innerJoin(users, eq(users.id, assessmentComments.authorId))
    .where(eq(assessmentComments.assessmentId, assessmentId))
    .orderBy(asc(assessmentComments.createdAt));
  const orgIds = [...new Set(commentRows.map((c) => c.authorOrgId))];
  const orgNames = orgIds.length ? await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, orgIds)) : [];
  const outcomeCodes = new Map((await tx.select({ id: frameworkOutcomes.id, code: frameworkOutcomes.code }).from(frameworkOutcomes)).map((o) => [o.id, o.code]));
  return {
    assessment,
    framework,
    bands,
    bandSet,
    services,
    grades,
    results: assessmentResults(framework, grades, services, bands),
    reviewers: reviewerRows,
    comments: commentRows.map((c) => ({
      id: c.id,
      outcomeCode: c.outcomeId ? (outcomeCodes.get(c.outcomeId) ?? null) : null,
      authorName: c.authorName,
      authorOrgName: orgNames.find((o) => o.id === c.authorOrgId)?.name ?? "",
      body: c.body,
      createdAt: c.createdAt,
    })),
    suggestions: framework.code === "EDS2" ? await loadSuggestionInputs(tx, { orgId: assessment.orgId, collaborativeId: assessment.collaborativeId }) : { available: false, reason: "not-applicable" },
  };
}

export async function getAssessment(database: Database, actor: Actor, assessmentId: string): Promise<AssessmentView> {
  return withTenant(database, tenantOf(actor), (tx) => loadAssessmentView(tx, assessmentId));
}
