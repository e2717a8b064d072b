import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgPolicy, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

/** One line of an EDS action plan, as the published EDS 2022 summary shows it. */
export interface ActionPlanLine {
  /** "1A", "2B"... */
  outcomeCode: string;
  action: string;
  responsibleOfficer: string;
  due: string | null;
  status: string | null;
}
import { frameworkOutcomes, frameworks } from "./reference";
import { appRole, ctx } from "./roles";
import { collaboratives, organisations } from "./tenancy";
import { users } from "./users";

export const ASSESSMENT_PHASES = ["gathering_evidence", "grading", "agreed", "published"] as const;
export type AssessmentPhase = (typeof ASSESSMENT_PHASES)[number];
export const RATERS = ["self", "stakeholder_panel", "peer", "trade_union", "independent_evaluator"] as const;
export type Rater = (typeof RATERS)[number];
export const PARTNERSHIP = ["alone", "partnership"] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** The organisation's own equality lead, acting for it in this collaborative. */
const ownLeadSql = (table: string) =>
  `(${table}.org_id = (select peff_ctx_org()) and ${table}.collaborative_id = (select peff_ctx_collaborative()) and (select peff_ctx_role()) = 'equality_lead')`;
const ownLead = (table: string) => sql.raw(ownLeadSql(table));

/**
 * A peer reviewer assigned to an assessment, acting as that reviewer (their own user, the
 * organisation they review from, the peer_reviewer role).
 */
const assignedReviewer = (assessmentIdColumn: string) =>
  sql.raw(
    `exists (select 1 from peer_assignments pa where pa.assessment_id = ${assessmentIdColumn} and pa.reviewer_user_id = (select peff_ctx_user()) and pa.reviewer_org_id = (select peff_ctx_org()) and (select peff_ctx_role()) = 'peer_reviewer')`,
  );

/** Per-collaborative grading settings: which configured EDS 2022 band set rates the totals. */
export const gradingSettings = pgTable(
  "grading_settings",
  {
    collaborativeId: uuid()
      .primaryKey()
      .references(() => collaboratives.id),
    bandSet: text().notNull().default("default"),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    pgPolicy("grading_settings_select", { for: "select", to: appRole, using: sql`collaborative_id = ${ctx.collaborative}` }),
    pgPolicy("grading_settings_insert", { for: "insert", to: appRole, withCheck: sql`collaborative_id = ${ctx.collaborative} and ${ctx.isAdmin}` }),
    pgPolicy("grading_settings_update", {
      for: "update",
      to: appRole,
      using: sql`collaborative_id = ${ctx.collaborative} and ${ctx.isAdmin}`,
      withCheck: sql`collaborative_id = ${ctx.collaborative} and ${ctx.isAdmin}`,
    }),
  ],
);

/**
 * One organisation's assessment against one framework for one year. Drafts and agreed grades are
 * the organisation's own; once published the whole collaborative reads them; an assigned peer
 * reviewer reads the one assessment they were assigned.
 */
export const assessments = pgTable(
  "assessments",
  {
    id: uuid().primaryKey().defaultRandom(),
    collaborativeId: uuid()
      .notNull()
      .references(() => collaboratives.id),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id),
    /** The first calendar year of the reporting year: 2022 means 2022/23. */
    yearStart: integer().notNull(),
    edsLead: text(),
    boardSponsor: text(),
    partnership: text().notNull().default("alone"),
    partners: text(),
    phase: text().$type<AssessmentPhase>().notNull().default("gathering_evidence"),
    publicationDeadline: date(),
    authorisedOn: date(),
    publishedOn: date(),
    raters: text().array().$type<Rater[]>().notNull().default(sql`'{}'::text[]`),
    /** EDS 2022: the EDS action plan's lines, frozen into the assessment when it is published. */
    actionPlan: jsonb().$type<ActionPlanLine[]>(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("assessments_phase_check", sql`${t.phase} in (${inList(ASSESSMENT_PHASES)})`),
    check("assessments_partnership_check", sql`${t.partnership} in (${inList(PARTNERSHIP)})`),
    check("assessments_raters_check", sql`${t.raters} <@ array[${inList(RATERS)}]::text[]`),
    check("assessments_year_check", sql`${t.yearStart} between 2010 and 2100`),
    check("assessments_published_check", sql`${t.phase} <> 'published' or ${t.publishedOn} is not null`),
    unique("assessments_org_framework_year_uq").on(t.collaborativeId, t.orgId, t.frameworkId, t.yearStart),
    index("assessments_published_idx").on(t.collaborativeId, t.frameworkId, t.yearStart).where(sql`phase = 'published'`),
    pgPolicy("assessments_select", {
      for: "select",
      to: appRole,
      using: sql`(org_id = ${ctx.org} and collaborative_id = ${ctx.collaborative}) or (phase = 'published' and collaborative_id = ${ctx.collaborative}) or ${assignedReviewer("assessments.id")}`,
    }),
    pgPolicy("assessments_insert", { for: "insert", to: appRole, withCheck: ownLead("assessments") }),
    // A published assessment is frozen: no update of the app reaches it (publishing is the last),
    // so USING refuses the published row while WITH CHECK still lets it be published (0018).
    pgPolicy("assessments_update", {
      for: "update",
      to: appRole,
      using: sql`${ownLead("assessments")} and assessments.phase <> 'published'`,
      withCheck: ownLead("assessments"),
    }),
    // Until its grades are agreed (app/policies/grading.ts canDeleteAssessment); its grades,
    // history, services, comments and reviewers go with it (foreign keys cascade). Migration 0026.
    pgPolicy("assessments_delete", {
      for: "delete",
      to: appRole,
      using: sql`${ownLead("assessments")} and assessments.phase in ('gathering_evidence', 'grading')`,
    }),
  ],
);

/** Readable when the assessment is (its own policy decides); the collaborative filter keeps the plan cheap. */
const readableWithAssessment = (table: string) =>
  sql.raw(`${table}.collaborative_id = (select peff_ctx_collaborative()) and exists (select 1 from assessments a where a.id = ${table}.assessment_id)`);
/** Writable by the organisation's lead while the assessment is not yet published. */
const editableByLead = (table: string) =>
  sql.raw(`${ownLeadSql(table)} and exists (select 1 from assessments a where a.id = ${table}.assessment_id and a.org_id = ${table}.org_id and a.phase <> 'published')`);

/** EDS 2022 Domain 1 is scored per service under review (at least one). */
export const assessmentServices = pgTable(
  "assessment_services",
  {
    id: uuid().primaryKey().defaultRandom(),
    collaborativeId: uuid()
      .notNull()
      .references(() => collaboratives.id),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("assessment_services_name_uq").on(t.assessmentId, t.name),
    pgPolicy("assessment_services_select", { for: "select", to: appRole, using: readableWithAssessment("assessment_services") }),
    pgPolicy("assessment_services_insert", { for: "insert", to: appRole, withCheck: editableByLead("assessment_services") }),
    pgPolicy("assessment_services_update", { for: "update", to: appRole, using: editableByLead("assessment_services"), withCheck: editableByLead("assessment_services") }),
    pgPolicy("assessment_services_delete", { for: "delete", to: appRole, using: editableByLead("assessment_services") }),
  ],
);

/**
 * A grade (EDS2) or score (EDS 2022) for one outcome, and for Domain 1 one service. `value` is a
 * point of the framework's rating scale (0-3 in both). The agreed grade records who agreed it.
 */
export const assessmentGrades = pgTable(
  "assessment_grades",
  {
    id: uuid().primaryKey().defaultRandom(),
    collaborativeId: uuid()
      .notNull()
      .references(() => collaboratives.id),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    outcomeId: uuid()
      .notNull()
      .references(() => frameworkOutcomes.id),
    serviceId: uuid().references(() => assessmentServices.id, { onDelete: "cascade" }),
    value: integer().notNull(),
    rationale: text().notNull().default(""),
    /** Evidence items (`evidence_items.id`) linked to this grade: own or shared when linked; RLS decides who reads their titles. */
    evidenceIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    agreedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    agreedAt: timestamp({ withTimezone: true }),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("assessment_grades_value_check", sql`${t.value} between 0 and 3`),
    unique("assessment_grades_uq").on(t.assessmentId, t.outcomeId, t.serviceId).nullsNotDistinct(),
    index("assessment_grades_assessment_idx").on(t.assessmentId),
    pgPolicy("assessment_grades_select", { for: "select", to: appRole, using: readableWithAssessment("assessment_grades") }),
    pgPolicy("assessment_grades_insert", { for: "insert", to: appRole, withCheck: editableByLead("assessment_grades") }),
    pgPolicy("assessment_grades_update", { for: "update", to: appRole, using: editableByLead("assessment_grades"), withCheck: editableByLead("assessment_grades") }),
    pgPolicy("assessment_grades_delete", { for: "delete", to: appRole, using: editableByLead("assessment_grades") }),
  ],
);

/**
 * Every change of a grade: written by a trigger on assessment_grades (SECURITY DEFINER, see the
 * custom migration), so the app role can read history but never write or alter it.
 */
export const gradeHistory = pgTable(
  "grade_history",
  {
    id: uuid().primaryKey().defaultRandom(),
    collaborativeId: uuid().notNull(),
    orgId: uuid().notNull(),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    gradeId: uuid().notNull(),
    outcomeId: uuid().notNull(),
    serviceId: uuid(),
    /** null when the grade was removed. */
    value: integer(),
    rationale: text(),
    agreedBy: uuid(),
    changedBy: uuid(),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("grade_history_assessment_idx").on(t.assessmentId, t.changedAt),
    pgPolicy("grade_history_select", { for: "select", to: appRole, using: readableWithAssessment("grade_history") }),
  ],
);

/**
 * A peer reviewer from another organisation assigned to one assessment. Only the assessed
 * organisation's lead (or a collaborative admin) assigns; the reviewer must hold the
 * peer_reviewer role in the organisation they review from. This table's policies never read
 * assessments, so the assessments policy can read it without recursion.
 */
export const peerAssignments = pgTable(
  "peer_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    collaborativeId: uuid()
      .notNull()
      .references(() => collaboratives.id),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    reviewerUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reviewerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    assignedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("peer_assignments_other_org_check", sql`${t.reviewerOrgId} <> ${t.orgId}`),
    unique("peer_assignments_uq").on(t.assessmentId, t.reviewerUserId),
    index("peer_assignments_reviewer_idx").on(t.reviewerUserId, t.reviewerOrgId),
    pgPolicy("peer_assignments_select", {
      for: "select",
      to: appRole,
      using: sql`collaborative_id = ${ctx.collaborative} and (org_id = ${ctx.org} or ${ctx.isAdmin} or (reviewer_user_id = ${ctx.user} and reviewer_org_id = ${ctx.org} and ${ctx.role} = 'peer_reviewer'))`,
    }),
    pgPolicy("peer_assignments_insert", {
      for: "insert",
      to: appRole,
      withCheck: sql`${ownLead("peer_assignments")} and exists (select 1 from memberships m join collaborative_members cm on cm.org_id = m.org_id and cm.collaborative_id = peer_assignments.collaborative_id and cm.left_on is null where m.user_id = peer_assignments.reviewer_user_id and m.org_id = peer_assignments.reviewer_org_id and m.role = 'peer_reviewer')`,
    }),
    pgPolicy("peer_assignments_delete", { for: "delete", to: appRole, using: ownLead("peer_assignments") }),
  ],
);

/** Comments on an assessment or one of its outcomes, by its assigned peer reviewers and its own organisation. */
export const assessmentComments = pgTable(
  "assessment_comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    collaborativeId: uuid()
      .notNull()
      .references(() => collaboratives.id),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    outcomeId: uuid().references(() => frameworkOutcomes.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    authorOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("assessment_comments_body_check", sql`length(${t.body}) between 1 and 5000`),
    index("assessment_comments_assessment_idx").on(t.assessmentId, t.createdAt),
    pgPolicy("assessment_comments_select", {
      for: "select",
      to: appRole,
      using: sql`collaborative_id = ${ctx.collaborative} and (org_id = ${ctx.org} or ${assignedReviewer("assessment_comments.assessment_id")})`,
    }),
    pgPolicy("assessment_comments_insert", {
      for: "insert",
      to: appRole,
      withCheck: sql`collaborative_id = ${ctx.collaborative} and author_id = ${ctx.user} and author_org_id = ${ctx.org} and exists (select 1 from assessments a where a.id = assessment_comments.assessment_id and a.org_id = assessment_comments.org_id) and (org_id = ${ctx.org} or ${assignedReviewer("assessment_comments.assessment_id")})`,
    }),
  ],
);
