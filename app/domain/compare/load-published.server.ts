import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "#db/client";
import { assessmentGrades, assessments, assessmentServices, organisations, type OrganisationType } from "#db/schema";
import type { GradeValue } from "~/policies/assessment-results";

export interface PublishedAssessment {
  id: string;
  orgId: string;
  orgName: string;
  orgType: OrganisationType;
  frameworkId: string;
  yearStart: number;
  grades: GradeValue[];
  services: { id: string; name: string }[];
}

/**
 * Published assessments of the collaborative with their grades and services, in three queries. Only published
 * ones, whoever asks: comparisons never show drafts, even the viewer's own (RLS would allow those).
 */
export async function loadPublished(
  tx: Tx,
  where: { collaborativeId: string; frameworkIds: string[]; years?: number[]; orgType?: OrganisationType; orgIds?: string[] },
): Promise<PublishedAssessment[]> {
  const filter = and(
    eq(assessments.collaborativeId, where.collaborativeId),
    eq(assessments.phase, "published"),
    inArray(assessments.frameworkId, where.frameworkIds),
    where.years ? inArray(assessments.yearStart, where.years) : undefined,
    where.orgType ? eq(organisations.type, where.orgType) : undefined,
    where.orgIds ? inArray(assessments.orgId, where.orgIds) : undefined,
  );
  const matching = tx.select({ id: assessments.id }).from(assessments).innerJoin(organisations, eq(organisations.id, assessments.orgId)).where(filter);
  const [list, grades, services] = await Promise.all([
    tx
      .select({
        id: assessments.id,
        orgId: assessments.orgId,
        orgName: organisations.name,
        orgType: organisations.type,
        frameworkId: assessments.frameworkId,
        yearStart: assessments.yearStart,
      })
      .from(assessments)
      .innerJoin(organisations, eq(organisations.id, assessments.orgId))
      .where(filter)
      .orderBy(asc(organisations.name), asc(assessments.yearStart)),
    tx
      .select({ assessmentId: assessmentGrades.assessmentId, outcomeId: assessmentGrades.outcomeId, serviceId: assessmentGrades.serviceId, value: assessmentGrades.value })
      .from(assessmentGrades)
      .where(inArray(assessmentGrades.assessmentId, matching)),
    tx
      .select({ assessmentId: assessmentServices.assessmentId, id: assessmentServices.id, name: assessmentServices.name })
      .from(assessmentServices)
      .where(inArray(assessmentServices.assessmentId, matching)),
  ]);
  const byAssessment = new Map(list.map((a) => [a.id, { ...a, grades: [] as GradeValue[], services: [] as { id: string; name: string }[] }]));
  for (const g of grades) byAssessment.get(g.assessmentId)?.grades.push(g);
  for (const s of services) byAssessment.get(s.assessmentId)?.services.push({ id: s.id, name: s.name });
  return [...byAssessment.values()];
}

/** Years with published assessments of a framework, newest first. */
export async function publishedYears(tx: Tx, collaborativeId: string, frameworkId: string): Promise<number[]> {
  const rows = await tx
    .selectDistinct({ yearStart: assessments.yearStart })
    .from(assessments)
    .where(and(eq(assessments.collaborativeId, collaborativeId), eq(assessments.phase, "published"), eq(assessments.frameworkId, frameworkId)));
  return rows.map((r) => r.yearStart).sort((a, b) => b - a);
}

/** Organisations with published assessments of these frameworks, by name: the unit a movement page counts in. */
export async function publishedOrganisations(tx: Tx, where: { collaborativeId: string; frameworkIds: string[]; orgType?: OrganisationType }): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(assessments)
    .innerJoin(organisations, eq(organisations.id, assessments.orgId))
    .where(
      and(
        eq(assessments.collaborativeId, where.collaborativeId),
        eq(assessments.phase, "published"),
        inArray(assessments.frameworkId, where.frameworkIds),
        where.orgType ? eq(organisations.type, where.orgType) : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(organisations.id));
  return rows.map((r) => r.id);
}
