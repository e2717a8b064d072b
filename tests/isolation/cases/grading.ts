import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { assessmentComments, assessmentServices, gradeHistory, gradingSettings, memberships, peerAssignments, users } from "../../../db/schema";
import { firstGradeId, frameworkIds, outcomesOf, seedAssessment } from "../../support/grading";
import type { IsolationCase } from "../harness";

// Ids learnt while seeding, for the forged inserts that follow (seed runs first).
let eds2 = "";
let outcomeId = "";
const assessmentOf: Record<string, string> = {};

async function draftOfA(database: Parameters<IsolationCase["seed"]>[0], w: Parameters<IsolationCase["seed"]>[1], key = "draft", published = false) {
  eds2 ||= (await frameworkIds(database)).eds2;
  outcomeId ||= (await outcomesOf(database, eds2))[0]!.id;
  assessmentOf[key] ??= await seedAssessment(database, {
    collaborativeId: w.collaboratives.x,
    orgId: w.orgs.a,
    frameworkId: eds2,
    yearStart: published ? 2019 : 2020,
    published,
    grade: 2,
  });
  return assessmentOf[key]!;
}

const forgedGrade = (key: string) => (w: Parameters<IsolationCase["forgedInsert"]>[0]) => ({
  collaborative_id: w.collaboratives.x,
  org_id: w.orgs.a,
  assessment_id: assessmentOf[key],
  outcome_id: outcomeId,
  value: 3,
  service_id: randomUUID(),
});

export const gradingCases: IsolationCase[] = [
  {
    table: "grading_settings",
    pk: "collaborative_id",
    seed: async (db, w) => {
      await db.db.insert(gradingSettings).values({ collaborativeId: w.collaboratives.x }).onConflictDoNothing();
      return w.collaboratives.x;
    },
    forgedInsert: (w) => ({ collaborative_id: w.collaboratives.x, band_set: "alternative" }),
    update: { column: "band_set", value: "alternative" },
    visibleToSameCollaborative: true,
  },
  {
    // A draft: another organisation of the same collaborative cannot read it...
    table: "assessments",
    seed: (db, w) => draftOfA(db, w),
    forgedInsert: (w) => ({ collaborative_id: w.collaboratives.x, org_id: w.orgs.a, framework_id: eds2, year_start: 2030 }),
    update: { column: "phase", value: "published" },
    visibleToSameCollaborative: false,
  },
  {
    // ...but once published it can (and still cannot change it).
    table: "assessments",
    seed: (db, w) => draftOfA(db, w, "published", true),
    forgedInsert: (w) => ({ collaborative_id: w.collaboratives.x, org_id: w.orgs.a, framework_id: eds2, year_start: 2031 }),
    update: { column: "eds_lead", value: "Changed by an outsider" },
    visibleToSameCollaborative: true,
  },
  {
    table: "assessment_grades",
    seed: async (db, w) => firstGradeId(db, await draftOfA(db, w)),
    forgedInsert: forgedGrade("draft"),
    update: { column: "value", value: 0 },
    visibleToSameCollaborative: false,
  },
  {
    table: "assessment_grades",
    seed: async (db, w) => firstGradeId(db, await draftOfA(db, w, "published", true)),
    forgedInsert: forgedGrade("published"),
    update: { column: "rationale", value: "Rewritten by an outsider" },
    visibleToSameCollaborative: true,
  },
  {
    table: "assessment_services",
    seed: async (db, w) => {
      const assessmentId = await draftOfA(db, w);
      const [s] = await db.db
        .insert(assessmentServices)
        .values({ collaborativeId: w.collaboratives.x, orgId: w.orgs.a, assessmentId, name: "Community services" })
        .returning({ id: assessmentServices.id });
      return s!.id;
    },
    forgedInsert: (w) => ({ collaborative_id: w.collaboratives.x, org_id: w.orgs.a, assessment_id: assessmentOf.draft, name: "Forged service" }),
    update: { column: "name", value: "Renamed by an outsider" },
    visibleToSameCollaborative: false,
  },
  {
    table: "grade_history",
    seed: async (db, w) => {
      const assessmentId = await draftOfA(db, w);
      const [h] = await db.db.select({ id: gradeHistory.id }).from(gradeHistory).where(eq(gradeHistory.assessmentId, assessmentId)).limit(1);
      return h!.id;
    },
    forgedInsert: (w) => ({
      collaborative_id: w.collaboratives.x,
      org_id: w.orgs.a,
      assessment_id: assessmentOf.draft,
      grade_id: randomUUID(),
      outcome_id: outcomeId,
      value: 3,
    }),
    update: { column: "value", value: 0 },
    visibleToSameCollaborative: false,
  },
  {
    table: "peer_assignments",
    seed: async (db, w) => {
      const assessmentId = await draftOfA(db, w);
      const [u] = await db.db.insert(users).values({ email: `peer-${randomUUID()}@test.example`, name: "Peer" }).returning({ id: users.id });
      await db.db.insert(memberships).values({ userId: u!.id, orgId: w.orgs.a2, role: "peer_reviewer" });
      const [pa] = await db.db
        .insert(peerAssignments)
        .values({ collaborativeId: w.collaboratives.x, orgId: w.orgs.a, assessmentId, reviewerUserId: u!.id, reviewerOrgId: w.orgs.a2 })
        .returning({ id: peerAssignments.id });
      return pa!.id;
    },
    forgedInsert: (w) => ({
      collaborative_id: w.collaboratives.x,
      org_id: w.orgs.a,
      assessment_id: assessmentOf.draft,
      reviewer_user_id: w.people.leadA2.id,
      reviewer_org_id: w.orgs.a2,
    }),
    update: { column: "reviewer_user_id", value: randomUUID() },
    visibleToSameCollaborative: false,
  },
  {
    table: "assessment_comments",
    seed: async (db, w) => {
      const assessmentId = await draftOfA(db, w);
      const [c] = await db.db
        .insert(assessmentComments)
        .values({ collaborativeId: w.collaboratives.x, orgId: w.orgs.a, assessmentId, authorId: w.people.leadA.id, authorOrgId: w.orgs.a, body: "Our note" })
        .returning({ id: assessmentComments.id });
      return c!.id;
    },
    forgedInsert: (w) => ({
      collaborative_id: w.collaboratives.x,
      org_id: w.orgs.a,
      assessment_id: assessmentOf.draft,
      author_id: w.people.leadA2.id,
      author_org_id: w.orgs.a2,
      body: "Forged comment",
    }),
    update: { column: "body", value: "Rewritten" },
    visibleToSameCollaborative: false,
  },
];
