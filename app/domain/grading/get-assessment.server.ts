import { asc, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Database, type Tx } from "#db/client";
import { assessmentComments, assessmentGrades, assessments, assessmentServices, frameworkOutcomes, organisations, peerAssignments, users } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, tenantOf } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";
import { assessmentResults, type AssessmentResults, type FrameworkShape } from "~/policies/assessment-results";
import type { RatingBand } from "~/policies/eds2022-scoring";
import { loadBands, loadFramework } from "./load-framework.server";
import { UNTAGGED_CHOICES } from "./evidence-choices";
import { loadSuggestionInputs, type SuggestionInputs } from "./load-suggestion-inputs.server";
import { isUuid } from "~/lib/ids";

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
  /** Every linked evidence id, readable or not. */
  evidenceIds: string[];
  /** The linked items this reader can see, with their titles. */
  evidence: LinkedEvidence[];
  /** Linked items this reader cannot see (another organisation's private evidence): a count per owner, never a title. */
  privateEvidence: { orgName: string; count: number }[];
}

export interface LinkedEvidence {
  id: string;
  title: string;
  orgId: string;
  orgName: string;
  shared: boolean;
  href: string;
}

/** An evidence item the grader may link, with the outcomes (of the framework being graded) it or its findings are tagged to. */
export interface EvidenceChoice {
  id: string;
  title: string;
  orgName: string;
  own: boolean;
  shared: boolean;
  date: string | null;
  outcomeIds: string[];
}


export interface AssessmentView {
  assessment: AssessmentRecord;
  framework: FrameworkShape;
  bands: (RatingBand & { source: string })[];
  bandSet: string;
  services: { id: string; name: string }[];
  grades: GradeView[];
  results: AssessmentResults;
  reviewers: { id: string; userId: string; orgId: string; name: string; orgName: string }[];
  comments: { id: string; outcomeCode: string | null; authorName: string; authorOrgName: string; body: string; createdAt: Date }[];
  suggestions: SuggestionInputs;
}

/** Loads an assessment the actor may read (RLS decides: own organisation, published, or assigned reviewer). */
export async function loadAssessment(tx: Tx, assessmentId: string): Promise<AssessmentRecord> {
  if (!isUuid(assessmentId)) throw notFound("That assessment does not exist, or you cannot see it: drafts are visible only to their own organisation");
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
      evidenceIds: assessmentGrades.evidenceIds,
    })
    .from(assessmentGrades)
    .leftJoin(users, eq(users.id, assessmentGrades.agreedBy))
    .where(eq(assessmentGrades.assessmentId, assessmentId));
  const linked = await loadLinkedEvidence(tx, assessmentId, [...new Set(grades.flatMap((g) => g.evidenceIds))]);
  const reviewerRows = await tx
    .select({ id: peerAssignments.id, userId: peerAssignments.reviewerUserId, orgId: peerAssignments.reviewerOrgId, name: users.name, orgName: organisations.name })
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
    grades: grades.map((g) => ({ ...g, ...linked(g.evidenceIds) })),
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

/**
 * The titles of linked evidence in one query (`id = any(...)`, RLS applies: own items and shared
 * items). Only when some ids stay hidden, their owners come from `grade_evidence_owners`, which
 * answers for an assessment the reader may read and gives organisations, never titles.
 */
async function loadLinkedEvidence(tx: Tx, assessmentId: string, ids: string[]) {
  const readable = new Map<string, LinkedEvidence>();
  const owners = new Map<string, string>();
  if (ids.length) {
    const rows = rowsOf<{ id: string; title: string; org_id: string; org_name: string; shared: boolean }>(
      await tx.execute(sql`
        select i.id, i.title, i.org_id, o.name as org_name, i.shared_at is not null as shared
        from evidence_items i join organisations o on o.id = i.org_id
        where i.id = any(${`{${ids.join(",")}}`}::uuid[])`),
    );
    for (const r of rows) readable.set(r.id, { id: r.id, title: r.title, orgId: r.org_id, orgName: r.org_name, shared: r.shared, href: `/evidence/${r.id}` });
    if (ids.some((id) => !readable.has(id))) {
      const hidden = rowsOf<{ evidence_id: string; org_name: string | null }>(
        await tx.execute(sql`
          select h.evidence_id, o.name as org_name
          from grade_evidence_owners(${assessmentId}::uuid) h left join organisations o on o.id = h.org_id`),
      );
      for (const h of hidden) owners.set(h.evidence_id, h.org_name ?? "another organisation");
    }
  }
  return (evidenceIds: string[]) => {
    const evidence = evidenceIds.flatMap((id) => readable.get(id) ?? []).sort((a, b) => a.title.localeCompare(b.title));
    const counts = new Map<string, number>();
    for (const id of evidenceIds) {
      if (readable.has(id)) continue;
      // Not in the owners' list either: the item was deleted.
      const orgName = owners.get(id);
      if (orgName) counts.set(orgName, (counts.get(orgName) ?? 0) + 1);
    }
    return { evidence, privateEvidence: [...counts].map(([orgName, count]) => ({ orgName, count })) };
  };
}

/**
 * The evidence a grader may link (RLS: their organisation's items and items shared with the
 * collaborative), newest first: every item tagged to an outcome of the framework (up to 500),
 * then the most recent untagged ones.
 */
export async function listEvidenceChoices(database: Database, actor: Actor, outcomeIds: string[]): Promise<EvidenceChoice[]> {
  if (!outcomeIds.length) return [];
  const outcomes = `{${outcomeIds.join(",")}}`;
  return withTenant(database, tenantOf(actor), async (tx) => {
    const rows = rowsOf<{ id: string; title: string; org_id: string; org_name: string; shared: boolean; date: string | null; outcome_ids: string[] | string }>(
      await tx.execute(sql`
        (select i.id, i.title, i.org_id, o.name as org_name, i.shared_at is not null as shared, coalesce(i.published_on, i.created_at::date)::text as date,
                array(select x from unnest(i.outcome_ids) x where x = any(${outcomes}::uuid[])) as outcome_ids, i.published_on, i.created_at
         from evidence_items i join organisations o on o.id = i.org_id
         where i.outcome_ids && ${outcomes}::uuid[]
         order by i.published_on desc nulls last, i.created_at desc limit 500)
        union all
        (select i.id, i.title, i.org_id, o.name, i.shared_at is not null, coalesce(i.published_on, i.created_at::date)::text,
                '{}'::uuid[], i.published_on, i.created_at
         from evidence_items i join organisations o on o.id = i.org_id
         where not (i.outcome_ids && ${outcomes}::uuid[])
         order by i.published_on desc nulls last, i.created_at desc limit ${UNTAGGED_CHOICES})`),
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      orgName: r.org_name,
      own: r.org_id === actor.active.orgId,
      shared: r.shared,
      date: r.date,
      outcomeIds: Array.isArray(r.outcome_ids) ? r.outcome_ids : r.outcome_ids.replace(/[{}]/g, "").split(",").filter(Boolean),
    }));
  });
}

export async function getAssessment(database: Database, actor: Actor, assessmentId: string): Promise<AssessmentView> {
  return withTenant(database, tenantOf(actor), (tx) => loadAssessmentView(tx, assessmentId));
}
