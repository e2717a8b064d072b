import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, date, index, integer, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { EvidenceLink, LegendEntry, RowUpdate } from "./collab";
import { appRole, ctx } from "./roles";
import { collaboratives, organisations } from "./tenancy";
import { users } from "./users";

/**
 * Organisation objective plans. A plan is private to its organisation: its rows (a Yjs document,
 * "plan:<planId>", projected into `plan_actions`) are read by the organisation's members only.
 * What flows back to the collaborative is `plan_pulls`: for each action pulled from shared
 * intelligence, the source it came from and the action's status, nothing else.
 */

export const PLAN_KINDS = ["equality_objectives", "workforce", "eds_action"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** What a status means, whatever the plan calls it (the roll-up and "overdue" need to know). */
export const STATUS_MEANINGS = ["not_started", "in_progress", "ongoing", "complete"] as const;
export type StatusMeaning = (typeof STATUS_MEANINGS)[number];

export interface PlanLegendEntry extends LegendEntry {
  meaning: StatusMeaning;
}

/** Seed 002's legend: Blue action ongoing, Green complete, Amber in progress, Red not started. */
export const DEFAULT_PLAN_LEGEND: PlanLegendEntry[] = [
  { key: "blue", label: "Action ongoing", colour: "blue", meaning: "ongoing" },
  { key: "green", label: "Complete", colour: "green", meaning: "complete" },
  { key: "amber", label: "In progress", colour: "amber", meaning: "in_progress" },
  { key: "red", label: "Not started", colour: "red", meaning: "not_started" },
];

export interface PlanObjective {
  number: number;
  text: string;
}

/** Who edits an organisation's plans: its equality lead and contributors (as the issue says). */
export const PLAN_EDITOR_ROLES = ["equality_lead", "contributor"] as const;
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));
const ownOrg = sql`org_id = ${ctx.org} and collaborative_id = ${ctx.collaborative}`;
const editor = sql`${ownOrg} and ${ctx.role} in (${inList(PLAN_EDITOR_ROLES)})`;
/** Rows hung off a plan must name one of the organisation's own plans (RLS on `plans` shows only those). */
const ownPlan = (table: string) => sql`${editor} and exists (select 1 from plans p where p.id = ${sql.raw(`${table}.plan_id`)})`;

const tenant = {
  collaborativeId: uuid()
    .notNull()
    .references(() => collaboratives.id),
  orgId: uuid()
    .notNull()
    .references(() => organisations.id),
};

export const plans = pgTable(
  "plans",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...tenant,
    kind: text().$type<PlanKind>().notNull(),
    title: text().notNull(),
    periodStart: date().notNull(),
    periodEnd: date().notNull(),
    objectives: jsonb().$type<PlanObjective[]>().notNull().default([]),
    legend: jsonb().$type<PlanLegendEntry[]>().notNull().default(DEFAULT_PLAN_LEGEND),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * Set while the plan is archived: kept, read, printed and exported, but no longer changed
     * (migration 0028: its live document refuses updates and its settings are frozen until
     * restored).
     */
    archivedAt: timestamp({ withTimezone: true }),
    archivedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /**
     * The plan this one was started from (*Start the next plan*), so starting another from the
     * same plan can be questioned: it would carry the same unfinished actions a second time.
     */
    carriedFromPlanId: uuid().references((): AnyPgColumn => plans.id, { onDelete: "set null" }),
  },
  (t) => [
    check("plans_kind_check", sql`${t.kind} in (${inList(PLAN_KINDS)})`),
    check("plans_period_check", sql`${t.periodEnd} >= ${t.periodStart}`),
    index("plans_org_idx").on(t.collaborativeId, t.orgId),
    pgPolicy("plans_select", { for: "select", to: appRole, using: ownOrg }),
    pgPolicy("plans_insert", { for: "insert", to: appRole, withCheck: editor }),
    pgPolicy("plans_update", { for: "update", to: appRole, using: editor, withCheck: editor }),
    // Only a plan never worked on can go: the foreign keys of collab_updates and collab_snapshots refuse the rest (migration 0029).
    pgPolicy("plans_delete", { for: "delete", to: appRole, using: editor }),
  ],
);

export interface DueChange {
  at: string;
  authorId: string | null;
  authorName: string;
  from: string | null;
  to: string | null;
  reason: string;
}

export interface PlanStep {
  key: string;
  text: string;
  due: string | null;
  status: string | null;
}

export const SOURCE_KINDS_PULLED = ["register", "evidence"] as const;
export type PulledSourceKind = (typeof SOURCE_KINDS_PULLED)[number];

/** The source fields an action was pre-filled from, as they were when pulled (or last reconciled). */
export interface SourceSnapshot {
  title: string;
  barrier: string;
  issue: string;
  characteristics: string[];
  edsOutcomes: string[];
  psedAims: string[];
}

export interface SourceLink {
  kind: PulledSourceKind;
  /** Register row key, or evidence item id. */
  id: string;
  pulledAt: string;
  pulledBy: string;
  snapshot: SourceSnapshot;
}

export interface SourceDecision {
  at: string;
  authorId: string | null;
  authorName: string;
  choice: "take" | "keep";
  fields: string[];
}

/** The fields of one plan action, as the Yjs document, the projection and the import share them. */
export interface PlanActionFields {
  characteristics: string[];
  barrier: string;
  issue: string;
  action: string;
  responsibleOfficer: string;
  owner: string;
  originalDue: string | null;
  currentDue: string | null;
  dueChanges: DueChange[];
  updates: RowUpdate[];
  edsOutcomes: string[];
  psedAims: string[];
  objectives: string[];
  status: string | null;
  evidence: EvidenceLink[];
  steps: PlanStep[];
  risks: string;
  mitigations: string;
  source: SourceLink | null;
  sourceDecisions: SourceDecision[];
}

/** A plan's actions projected from its Yjs document (lists, exports, overdue, grading read this). */
export const planActions = pgTable(
  "plan_actions",
  {
    planId: uuid()
      .notNull()
      .references(() => plans.id),
    ...tenant,
    rowKey: text().notNull(),
    position: integer().notNull(),
    characteristics: text().array().notNull(),
    barrier: text().notNull(),
    issue: text().notNull(),
    action: text().notNull(),
    responsibleOfficer: text().notNull(),
    owner: text().notNull(),
    originalDue: date(),
    currentDue: date(),
    dueChanges: jsonb().$type<DueChange[]>().notNull(),
    updates: jsonb().$type<RowUpdate[]>().notNull(),
    edsOutcomes: text().array().notNull(),
    psedAims: text().array().notNull(),
    objectives: text().array().notNull(),
    status: text(),
    evidence: jsonb().$type<EvidenceLink[]>().notNull(),
    steps: jsonb().$type<PlanStep[]>().notNull(),
    risks: text().notNull(),
    mitigations: text().notNull(),
    source: jsonb().$type<SourceLink | null>(),
    sourceDecisions: jsonb().$type<SourceDecision[]>().notNull(),
    projectedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.rowKey] }),
    index("plan_actions_org_idx").on(t.collaborativeId, t.orgId, t.currentDue),
    pgPolicy("plan_actions_select", { for: "select", to: appRole, using: ownOrg }),
    pgPolicy("plan_actions_insert", { for: "insert", to: appRole, withCheck: ownPlan("plan_actions") }),
    pgPolicy("plan_actions_delete", { for: "delete", to: appRole, using: editor }),
  ],
);

/**
 * The roll-up: one row per plan action pulled from shared intelligence. It carries the source and
 * the action's status (as the plan's legend names it and what it means), and nothing else of the
 * plan: no action text, no evidence, no other rows. Only its own organisation reads the rows (a
 * pull's source may be one of the organisation's private evidence items); the collaborative reads
 * the roll-up of shared register rows through `register_pull_counts()` (everyone) and
 * `register_pull_progress()` (collaborative-wide roles), SECURITY DEFINER functions of migration
 * 0019 that drizzle-kit cannot declare.
 */
export const planPulls = pgTable(
  "plan_pulls",
  {
    ...tenant,
    planId: uuid()
      .notNull()
      .references(() => plans.id),
    rowKey: text().notNull(),
    sourceKind: text().$type<PulledSourceKind>().notNull(),
    sourceId: text().notNull(),
    statusLabel: text(),
    statusColour: text(),
    statusMeaning: text().$type<StatusMeaning>(),
    currentDue: date(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.rowKey] }),
    check("plan_pulls_source_kind_check", sql`${t.sourceKind} in (${inList(SOURCE_KINDS_PULLED)})`),
    index("plan_pulls_source_idx").on(t.collaborativeId, t.sourceKind, t.sourceId),
    pgPolicy("plan_pulls_select", { for: "select", to: appRole, using: ownOrg }),
    pgPolicy("plan_pulls_insert", { for: "insert", to: appRole, withCheck: ownPlan("plan_pulls") }),
    pgPolicy("plan_pulls_delete", { for: "delete", to: appRole, using: editor }),
  ],
);
