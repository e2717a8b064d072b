import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigserial, check, customType, index, integer, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appRole, ctx } from "./roles";
import { PLAN_EDITOR_ROLES, plans } from "./plans";
import { collaboratives, organisations } from "./tenancy";
import { users } from "./users";

/** Raw bytes (Yjs updates). PGlite answers Uint8Array, postgres.js a Buffer (also a Uint8Array). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

/** Everyone in the collaborative may write shared documents except read-only roles (same list as app/policies/register.ts). */
const canWriteShared = sql`${ctx.role} not in ('viewer', 'peer_reviewer')`;

/**
 * Documents are shared by the collaborative (org_id null: the register) or private to one
 * organisation (org_id set: its plans, written by its plan editors only).
 */
const visibleDocument = sql`collaborative_id = ${ctx.collaborative} and (org_id is null or org_id = ${ctx.org})`;
const planEditor = sql.raw(`(select peff_ctx_role()) in (${PLAN_EDITOR_ROLES.map((r) => `'${r}'`).join(", ")})`);
/**
 * A private document may only be written under the name of one of the organisation's own plans
 * (RLS on `plans` shows only those), so no one can plant updates or a snapshot under another
 * organisation's document name.
 */
const canWriteDocument = (table: string, planCondition = "") =>
  sql`collaborative_id = ${ctx.collaborative} and ((org_id is null and ${canWriteShared}) or (org_id = ${ctx.org} and ${planEditor} and exists (select 1 from plans p where 'plan:' || p.id::text = ${sql.raw(`${table}.document`)}${sql.raw(planCondition)})))`;
/**
 * New updates, unlike compaction, are refused for an archived plan (migration 0028): the
 * collaboration server downgrades its connections when it is archived, and this closes the race.
 */
const canAppendToDocument = (table: string) => canWriteDocument(table, " and p.archived_at is null");
/**
 * The plan a private document belongs to ("plan:<id>"), null for the register: a foreign key, so
 * a plan with any stored update or snapshot cannot be deleted (only one never worked on can,
 * migration 0029), and an update cannot be stored for a plan being deleted (the key check waits
 * for the delete and then fails).
 */
const planOfDocument = () =>
  uuid()
    .generatedAlwaysAs(sql.raw(`case when document like 'plan:%' then substr(document, 6)::uuid end`))
    .references((): AnyPgColumn => plans.id);
/** Shared documents are the register; anything else must name its organisation. */
const privateUnlessRegister = (table: string) => check(`${table}_org_check`, sql.raw(`org_id is not null or document like 'register:%'`));

export interface LegendEntry {
  key: string;
  label: string;
  colour: "blue" | "green" | "amber" | "red" | "grey" | "purple";
}

/** The status legend of seed 002's plan: Blue action ongoing, Green complete, Amber in progress, Red not started. */
export const DEFAULT_LEGEND: LegendEntry[] = [
  { key: "blue", label: "Action ongoing", colour: "blue" },
  { key: "green", label: "Complete", colour: "green" },
  { key: "amber", label: "In progress", colour: "amber" },
  { key: "red", label: "Not started", colour: "red" },
];

export const DEFAULT_REGISTER_TITLE = "Shared barrier register";

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;
/**
 * The first opener of the register creates its row (INSERT ... ON CONFLICT DO NOTHING) with the
 * defaults, so the insert may carry nothing else: the title and legend are the forum's, changed
 * afterwards by its admins and regional leads (migration 0019).
 */
const registerDefaults = sql.raw(`title = ${sqlText(DEFAULT_REGISTER_TITLE)} and legend = ${sqlText(JSON.stringify(DEFAULT_LEGEND))}::jsonb`);
/** Who changes the title and legend (app/policies/register.ts canChangeRegisterLegend; migration 0018). */
const changesLegend = sql`${ctx.role} in ('collaborative_admin', 'regional_lead')`;

/** One shared barrier register per collaborative. Its rows live in a Yjs document ("register:<collaborativeId>"). */
export const registers = pgTable(
  "registers",
  {
    collaborativeId: uuid()
      .primaryKey()
      .references(() => collaboratives.id),
    title: text().notNull().default(DEFAULT_REGISTER_TITLE),
    legend: jsonb().$type<LegendEntry[]>().notNull().default(DEFAULT_LEGEND),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    pgPolicy("registers_select", { for: "select", to: appRole, using: sql`collaborative_id = ${ctx.collaborative}` }),
    pgPolicy("registers_insert", {
      for: "insert",
      to: appRole,
      withCheck: sql`collaborative_id = ${ctx.collaborative} and ${canWriteShared} and ${registerDefaults}`,
    }),
    pgPolicy("registers_update", {
      for: "update",
      to: appRole,
      using: sql`collaborative_id = ${ctx.collaborative} and ${changesLegend}`,
      withCheck: sql`collaborative_id = ${ctx.collaborative} and ${changesLegend}`,
    }),
  ],
);

/**
 * The append-only log of a collaborative document's Yjs updates, each attributed to the person
 * who sent it. Compaction merges payloads into `collab_snapshots` and clears `payload`, but keeps
 * the row (who, when, which rows), which is the document's history.
 */
export const collabUpdates = pgTable(
  "collab_updates",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    collaborativeId: uuid()
      .notNull()
      .references(() => collaboratives.id),
    /** Set for documents private to one organisation (plans). */
    orgId: uuid().references(() => organisations.id),
    document: text().notNull(),
    planId: planOfDocument(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Null once compacted into the snapshot. */
    payload: bytea(),
    /** Keys of the rows this update touched (for history). */
    rowKeys: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("collab_updates_pending_idx").on(t.document, t.id).where(sql`payload is not null`),
    index("collab_updates_document_idx").on(t.collaborativeId, t.document, t.createdAt),
    // For the foreign key's check when a plan is deleted; the register's updates are not in it.
    index("collab_updates_plan_idx").on(t.planId).where(sql`plan_id is not null`),
    pgPolicy("collab_updates_select", { for: "select", to: appRole, using: visibleDocument }),
    pgPolicy("collab_updates_insert", {
      for: "insert",
      to: appRole,
      withCheck: sql`${canAppendToDocument("collab_updates")} and user_id = ${ctx.user}`,
    }),
    // Compaction clears payloads (the grant allows only that column).
    pgPolicy("collab_updates_update", {
      for: "update",
      to: appRole,
      using: canWriteDocument("collab_updates"),
      withCheck: sql`${canWriteDocument("collab_updates")} and payload is null`,
    }),
    privateUnlessRegister("collab_updates"),
  ],
);

/** The merged state of a document up to its compacted updates. */
export const collabSnapshots = pgTable(
  "collab_snapshots",
  {
    document: text().primaryKey(),
    collaborativeId: uuid()
      .notNull()
      .references(() => collaboratives.id),
    orgId: uuid().references(() => organisations.id),
    planId: planOfDocument(),
    state: bytea().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("collab_snapshots_plan_idx").on(t.planId).where(sql`plan_id is not null`),
    pgPolicy("collab_snapshots_select", { for: "select", to: appRole, using: visibleDocument }),
    pgPolicy("collab_snapshots_insert", { for: "insert", to: appRole, withCheck: canWriteDocument("collab_snapshots") }),
    pgPolicy("collab_snapshots_update", {
      for: "update",
      to: appRole,
      using: canWriteDocument("collab_snapshots"),
      withCheck: canWriteDocument("collab_snapshots"),
    }),
    privateUnlessRegister("collab_snapshots"),
  ],
);

export interface EvidenceLink {
  url: string;
  title: string;
  /** Set once the evidence library exists and the link points at an item in it. */
  evidenceId?: string | null;
}

export interface RowUpdate {
  at: string;
  authorId: string | null;
  authorName: string;
  text: string;
}

/** The fields of one register row, as the Yjs document, the projection and the demo seed share them. */
export interface RegisterRowFields {
  characteristics: string[];
  barrier: string;
  issue: string;
  identifiedBy: string;
  evidence: EvidenceLink[];
  edsOutcomes: string[];
  psedAims: string[];
  themes: string[];
  leadOrganisation: string;
  contactRole: string;
  status: string | null;
  updates: RowUpdate[];
}

/**
 * The register's rows projected from the Yjs document into SQL (lists, search, exports,
 * comparisons read this). Rewritten by the collaboration server after edits settle.
 */
export const registerRows = pgTable(
  "register_rows",
  {
    collaborativeId: uuid()
      .notNull()
      .references(() => collaboratives.id),
    rowKey: text().notNull(),
    position: integer().notNull(),
    characteristics: text().array().notNull(),
    barrier: text().notNull(),
    issue: text().notNull(),
    identifiedBy: text().notNull(),
    evidence: jsonb().$type<EvidenceLink[]>().notNull(),
    edsOutcomes: text().array().notNull(),
    psedAims: text().array().notNull(),
    themes: text().array().notNull(),
    leadOrganisation: text().notNull(),
    contactRole: text().notNull(),
    status: text(),
    updates: jsonb().$type<RowUpdate[]>().notNull(),
    projectedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.collaborativeId, t.rowKey] }),
    uniqueIndex("register_rows_position_uq").on(t.collaborativeId, t.position),
    pgPolicy("register_rows_select", { for: "select", to: appRole, using: sql`collaborative_id = ${ctx.collaborative}` }),
    pgPolicy("register_rows_insert", { for: "insert", to: appRole, withCheck: sql`collaborative_id = ${ctx.collaborative} and ${canWriteShared}` }),
    pgPolicy("register_rows_delete", { for: "delete", to: appRole, using: sql`collaborative_id = ${ctx.collaborative} and ${canWriteShared}` }),
  ],
);

/**
 * Server processes listening for stored updates on PostgreSQL (no tenant data: process ids and a
 * heartbeat). A process announces its stored updates with NOTIFY only while another process is
 * registered here, so a single-process deployment pays nothing for it (see the 0017 migration).
 * The app role has no access; only the owner connection and `collab_others_listen` read it.
 */
export const collabListeners = pgTable("collab_listeners", {
  processId: uuid().primaryKey(),
  registeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastSeen: timestamp({ withTimezone: true }).notNull().defaultNow(),
}).enableRLS();
