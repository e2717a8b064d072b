import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { appRole, ctx } from "./roles";
import { collaboratives, organisations } from "./tenancy";
import { users } from "./users";

/**
 * The stakeholder evidence library. Every row carries `collaborative_id` and the owner `org_id`.
 * An item is private to its organisation until shared (`shared_at`); children (findings, tags,
 * attachments...) follow their item's visibility through an `exists` on `evidence_items`, so the
 * item's policy is the one place visibility is decided.
 */

export const SOURCE_KINDS = ["healthwatch", "cdw_project", "deaf_society", "vcse", "staff_network", "trade_union", "nhs_england", "internal", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const ITEM_TYPES = ["report", "enter_and_view", "highlight_report", "survey", "meeting_note", "complaints_theme", "data_return", "other"] as const;
export type ItemType = (typeof ITEM_TYPES)[number];
export const TAG_KINDS = ["outcome", "characteristic", "psed", "theme"] as const;
export type TagKind = (typeof TAG_KINDS)[number];
export const FINDING_KINDS = ["issue", "quote"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** Who may write evidence for an organisation: its equality lead or a contributor. */
export const EVIDENCE_WRITER_ROLES = ["equality_lead", "contributor"] as const;
const writer = sql`(org_id = ${ctx.org} and collaborative_id = ${ctx.collaborative} and ${ctx.role} in (${inList(EVIDENCE_WRITER_ROLES)}))`;
const inCollaborative = sql`collaborative_id = ${ctx.collaborative}`;
/** A child row is visible when its item is (the item's own policy decides). */
const itemVisible = (table: string): SQL => sql.raw(`exists (select 1 from evidence_items i where i.id = ${table}.item_id)`);
/**
 * The row's item is one of the row's own organisation in the row's collaborative (migration 0018):
 * nobody hangs a part on another organisation's item while claiming their own organisation.
 */
const ownItem = (table: string, andAlso = ""): SQL =>
  sql.raw(`exists (select 1 from evidence_items i where i.id = ${table}.item_id and i.org_id = ${table}.org_id and i.collaborative_id = ${table}.collaborative_id${andAlso})`);
/**
 * ...and that item is private (migration 0019): a shared item is frozen, its findings,
 * recommendations and files are added, changed or removed only after unsharing, so everything
 * shared has been through the scan for personal data (app/policies/evidence.ts canEditItem).
 * Sharing itself redacts and removes files before it sets `shared_at`.
 */
const ownPrivateItem = (table: string): SQL => ownItem(table, " and i.shared_at is null");

/** Sources and themes: shared within the collaborative, written by their organisation's writers. */
function writerPolicies(name: string) {
  return [
    pgPolicy(`${name}_select`, { for: "select", to: appRole, using: inCollaborative }),
    pgPolicy(`${name}_insert`, { for: "insert", to: appRole, withCheck: writer }),
    pgPolicy(`${name}_update`, { for: "update", to: appRole, using: writer, withCheck: writer }),
    pgPolicy(`${name}_delete`, { for: "delete", to: appRole, using: writer }),
  ];
}

/** Findings, recommendations and files: written by the owner's writers, and only while the item is private. */
function frozenWhenSharedPolicies(name: string) {
  const check = sql`${writer} and ${ownPrivateItem(name)}`;
  return [
    pgPolicy(`${name}_select`, { for: "select", to: appRole, using: itemVisible(name) }),
    pgPolicy(`${name}_insert`, { for: "insert", to: appRole, withCheck: check }),
    pgPolicy(`${name}_update`, { for: "update", to: appRole, using: check, withCheck: check }),
    pgPolicy(`${name}_delete`, { for: "delete", to: appRole, using: check }),
  ];
}

const owned = {
  id: uuid().primaryKey().defaultRandom(),
  collaborativeId: uuid()
    .notNull()
    .references(() => collaboratives.id),
  orgId: uuid()
    .notNull()
    .references(() => organisations.id),
};

/** Stakeholders that produce evidence, kept per collaborative and shared within it. */
export const evidenceSources = pgTable(
  "evidence_sources",
  {
    ...owned,
    name: text().notNull(),
    kind: text().$type<SourceKind>().notNull(),
    area: text(),
    characteristicIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("evidence_sources_kind_check", sql`${t.kind} in (${inList(SOURCE_KINDS)})`),
    uniqueIndex("evidence_sources_name_uq").on(t.collaborativeId, t.name),
    ...writerPolicies("evidence_sources"),
  ],
);

/** Free themes ("interpreting", "access"...) kept per collaborative. */
export const evidenceThemes = pgTable(
  "evidence_themes",
  {
    ...owned,
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("evidence_themes_name_uq").on(t.collaborativeId, sql`lower(${t.name})`), ...writerPolicies("evidence_themes")],
);

export const evidenceItems = pgTable(
  "evidence_items",
  {
    ...owned,
    sourceId: uuid().references(() => evidenceSources.id),
    type: text().$type<ItemType>().notNull(),
    title: text().notNull(),
    periodStart: date(),
    periodEnd: date(),
    publishedOn: date(),
    link: text(),
    summary: text().notNull().default(""),
    services: text().notNull().default(""),
    concernedOrgIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sharedAt: timestamp({ withTimezone: true }),
    sharedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /**
     * Derived by `evidence_reindex_item()` (triggers on findings, tags and attachments): the text
     * of findings and attachments, and every tag of the item and its findings, with parent
     * characteristics included, so search and filters read one row and one index.
     */
    childText: tsvector().notNull().default(sql`''::tsvector`),
    outcomeIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    characteristicIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    psedIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    themeIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    // Slashes read as spaces ("D/deaf" is "D deaf"): PostgreSQL's parser takes "D/deaf" and
    // "and/or" as one path-like word, so a search for "deaf" missed every "D/deaf" (migration 0035;
    // the query gets the same treatment, `searchableQuery`).
    search: tsvector().generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english'::regconfig, translate(coalesce(title, ''), '/', ' ')), 'A') || setweight(to_tsvector('english'::regconfig, translate(coalesce(summary, ''), '/', ' ')), 'B') || child_text`,
    ),
    /**
     * Search keys for the GIN index, so `evidence_search()` finds visible matches in one index
     * scan: who may read the item (its organisation, and its collaborative once shared; the
     * select policy itself is still applied to every row), and the year published (0 if unknown),
     * so matches can be read newest year first.
     */
    accessKeys: uuid()
      .array()
      .generatedAlwaysAs((): SQL => sql`case when shared_at is null then array[org_id] else array[org_id, collaborative_id] end`),
    yearKeys: integer()
      .array()
      .generatedAlwaysAs((): SQL => sql`array[coalesce(extract(year from published_on)::integer, 0)]`),
    /**
     * The access keys by year published ("<org or collaborative id>:<year>"), for reading matches
     * a year at a time: the shared items' key of one year holds a sixth of what `accessKeys`'s
     * does, and decoding the index's lists was most of a year's read on PGlite (migration 0016).
     */
    accessYearKeys: text()
      .array()
      .generatedAlwaysAs(
        (): SQL =>
          sql`case when shared_at is null then array[org_id::text || ':' || coalesce(extract(year from published_on)::integer, 0)] else array[org_id::text || ':' || coalesce(extract(year from published_on)::integer, 0), collaborative_id::text || ':' || coalesce(extract(year from published_on)::integer, 0)] end`,
      ),
  },
  (t) => [
    check("evidence_items_type_check", sql`${t.type} in (${inList(ITEM_TYPES)})`),
    // One GIN index over every search key: PostgreSQL intersects them inside the index, so a
    // search reads only its matches (see evidence_search in migration 0014). No pending list
    // (fastupdate off): every scan would read it through, and items are written far less often
    // than they are searched.
    index("evidence_items_search_keys_idx")
      .using("gin", t.accessKeys, t.search, t.characteristicIds, t.outcomeIds, t.psedIds, t.themeIds, t.concernedOrgIds, t.yearKeys, t.accessYearKeys)
      .with({ fastupdate: false }),
    // Newest first, in the list's order: serves lists and searches with many matches.
    index("evidence_items_recent_idx").on(t.collaborativeId, t.publishedOn.desc().nullsLast(), t.createdAt.desc().nullsFirst(), t.id),
    index("evidence_items_tenant_idx").on(t.collaborativeId, t.orgId, t.publishedOn),
    index("evidence_items_shared_idx").on(t.collaborativeId, t.publishedOn).where(sql`shared_at is not null`),
    index("evidence_items_source_idx").on(t.sourceId),
    pgPolicy("evidence_items_select", {
      for: "select",
      to: appRole,
      using: sql`collaborative_id = ${ctx.collaborative} and (org_id = ${ctx.org} or shared_at is not null)`,
    }),
    pgPolicy("evidence_items_insert", { for: "insert", to: appRole, withCheck: writer }),
    // Only the equality lead shares; contributors edit private items only.
    pgPolicy("evidence_items_update", {
      for: "update",
      to: appRole,
      using: writer,
      withCheck: sql`${writer} and (shared_at is null or ${ctx.role} = 'equality_lead')`,
    }),
    // A shared item stays while it is shared: others may have pulled it into their plans (0023).
    // A private one is deleted from its page while nothing links to it (0024's trigger).
    pgPolicy("evidence_items_delete", { for: "delete", to: appRole, using: sql`${writer} and shared_at is null` }),
  ],
);

const childOf = () => ({
  ...owned,
  itemId: uuid()
    .notNull()
    .references(() => evidenceItems.id, { onDelete: "cascade" }),
});

export const evidenceFindings = pgTable(
  "evidence_findings",
  {
    ...childOf(),
    kind: text().$type<FindingKind>().notNull().default("issue"),
    text: text().notNull(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("evidence_findings_kind_check", sql`${t.kind} in (${inList(FINDING_KINDS)})`),
    index("evidence_findings_item_idx").on(t.itemId),
    ...frozenWhenSharedPolicies("evidence_findings"),
  ],
);

export const evidenceRecommendations = pgTable(
  "evidence_recommendations",
  {
    ...childOf(),
    text: text().notNull(),
    addressedToOrgId: uuid().references(() => organisations.id),
    responseDue: date(),
    response: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("evidence_recommendations_item_idx").on(t.itemId),
    // "Recommendations to us": an organisation's list of what it is asked to answer.
    index("evidence_recommendations_addressed_idx").on(t.collaborativeId, t.addressedToOrgId),
    ...frozenWhenSharedPolicies("evidence_recommendations"),
  ],
);

export const RESPONSE_DECISIONS = ["accepted", "partly_accepted", "not_accepted"] as const;
export type ResponseDecision = (typeof RESPONSE_DECISIONS)[number];

/**
 * The answers of the organisation a recommendation is addressed to ("you said, we did"): whether
 * it accepts it and what it is doing. Rows are appended, never changed: the latest is the current
 * answer and the earlier ones its history. Owned by the responding organisation, readable by
 * whoever can read the recommendation (so the whole collaborative once the item is shared), and
 * written only by the addressed organisation's leads and contributors.
 */
export const recommendationResponses = pgTable(
  "recommendation_responses",
  {
    ...owned,
    recommendationId: uuid()
      .notNull()
      .references(() => evidenceRecommendations.id, { onDelete: "cascade" }),
    decision: text().$type<ResponseDecision>().notNull(),
    body: text().notNull(),
    respondedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    respondedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The personal-data check's outcome, as sharing records it: how many possible pieces were redacted, and kept as not personal. */
    redacted: integer().notNull().default(0),
    keptAfterCheck: integer().notNull().default(0),
  },
  (t) => [
    check("recommendation_responses_counts_check", sql`${t.redacted} >= 0 and ${t.keptAfterCheck} >= 0`),
    check("recommendation_responses_decision_check", sql`${t.decision} in (${inList(RESPONSE_DECISIONS)})`),
    index("recommendation_responses_recommendation_idx").on(t.recommendationId, t.respondedAt),
    pgPolicy("recommendation_responses_select", {
      for: "select",
      to: appRole,
      using: sql`${inCollaborative} and exists (select 1 from evidence_recommendations r where r.id = recommendation_responses.recommendation_id)`,
    }),
    pgPolicy("recommendation_responses_insert", {
      for: "insert",
      to: appRole,
      withCheck: sql`${writer} and responded_by = ${ctx.user} and exists (select 1 from evidence_recommendations r where r.id = recommendation_responses.recommendation_id and r.addressed_to_org_id = recommendation_responses.org_id and r.collaborative_id = recommendation_responses.collaborative_id)`,
    }),
  ],
);

/**
 * A tag on an item (finding_id null) or on one of its findings; records who applied it and when.
 * Tags carry no personal data, so they stay editable on shared items (canTagItem), but must be on
 * an item of the row's organisation, and a finding's tag on a finding of that item (0018).
 */
const tagCheck = sql`${writer} and ${ownItem("evidence_tags")} and ${sql.raw(
  "(finding_id is null or exists (select 1 from evidence_findings f where f.id = evidence_tags.finding_id and f.item_id = evidence_tags.item_id))",
)}`;
export const evidenceTags = pgTable(
  "evidence_tags",
  {
    ...childOf(),
    findingId: uuid().references(() => evidenceFindings.id, { onDelete: "cascade" }),
    kind: text().$type<TagKind>().notNull(),
    refId: uuid().notNull(),
    appliedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    appliedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("evidence_tags_kind_check", sql`${t.kind} in (${inList(TAG_KINDS)})`),
    unique("evidence_tags_uq").on(t.itemId, t.findingId, t.kind, t.refId).nullsNotDistinct(),
    index("evidence_tags_finding_idx").on(t.findingId),
    pgPolicy("evidence_tags_select", { for: "select", to: appRole, using: itemVisible("evidence_tags") }),
    pgPolicy("evidence_tags_insert", { for: "insert", to: appRole, withCheck: tagCheck }),
    pgPolicy("evidence_tags_update", { for: "update", to: appRole, using: writer, withCheck: tagCheck }),
    pgPolicy("evidence_tags_delete", { for: "delete", to: appRole, using: writer }),
  ],
);

/** Files stored in the database under the item's tenant, with the text extracted from PDF and DOCX. */
export const evidenceAttachments = pgTable(
  "evidence_attachments",
  {
    ...childOf(),
    filename: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    data: bytea().notNull(),
    extractedText: text().notNull().default(""),
    /** True once sharing redacted personal data from the extracted text: the original file then stays with its owner. */
    redacted: boolean().notNull().default(false),
    uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evidence_attachments_item_idx").on(t.itemId), ...frozenWhenSharedPolicies("evidence_attachments")],
);

/**
 * What an item's history records. A finding, recommendation or file changed or removed while the
 * item is private has its own kind (migration 0034), as adding one has. "theme_confirmed": someone
 * said a new theme name the personal-data check flagged is not about a person (migration 0044).
 */
export const EVENT_ACTIONS = [
  "created",
  "edited",
  "tagged",
  "untagged",
  "finding_added",
  "recommendation_added",
  "attached",
  "shared",
  "unshared",
  "redacted",
  "imported",
  "finding_edited",
  "finding_removed",
  "recommendation_edited",
  "recommendation_removed",
  "file_removed",
  "theme_confirmed",
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** The item's history. Append-only for the app role (no update or delete grant). */
export const evidenceEvents = pgTable(
  "evidence_events",
  {
    ...childOf(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().$type<EventAction>().notNull(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("evidence_events_action_check", sql`${t.action} in (${inList(EVENT_ACTIONS)})`),
    index("evidence_events_item_idx").on(t.itemId, t.at),
    pgPolicy("evidence_events_select", { for: "select", to: appRole, using: itemVisible("evidence_events") }),
    pgPolicy("evidence_events_insert", {
      for: "insert",
      to: appRole,
      withCheck: sql`${writer} and actor_id = ${ctx.user} and ${ownItem("evidence_events")}`,
    }),
  ],
);
