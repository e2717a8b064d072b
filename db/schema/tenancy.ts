import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { appRole, ctx } from "./roles";
import { users } from "./users";

export const ORGANISATION_TYPES = [
  "icb",
  "ccg",
  "acute_trust",
  "community_trust",
  "mental_health_trust",
  "local_authority",
  "vcse",
  "other",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ROLES = [
  "collaborative_admin",
  "regional_lead",
  "equality_lead",
  "contributor",
  "peer_reviewer",
  "viewer",
] as const;
export type Role = (typeof ROLES)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));
const collaborativeRoles = sql.raw(`'collaborative_admin', 'regional_lead'`);

export const collaboratives = pgTable(
  "collaboratives",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    region: text(),
    description: text(),
    isDemo: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    pgPolicy("collaboratives_select", { for: "select", to: appRole, using: sql`id = ${ctx.collaborative}` }),
    pgPolicy("collaboratives_update", {
      for: "update",
      to: appRole,
      using: sql`id = ${ctx.collaborative} and ${ctx.isAdmin}`,
      withCheck: sql`id = ${ctx.collaborative} and ${ctx.isAdmin}`,
    }),
  ],
);

/**
 * Organisations can belong to several collaboratives (a PEFF and a WEFF), so they hang off
 * `collaborative_members` rather than carrying one collaborative id. CCGs were replaced by ICBs in
 * July 2022: an organisation keeps its validity dates and its successor, never deleted.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    type: text().$type<OrganisationType>().notNull(),
    odsCode: text(),
    validFrom: date(),
    validTo: date(),
    successorId: uuid().references((): AnyPgColumn => organisations.id),
    contactEmail: text(),
    contactPhone: text(),
    address: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("organisations_type_check", sql`${t.type} in (${inList(ORGANISATION_TYPES)})`),
    uniqueIndex("organisations_ods_code_uq").on(t.odsCode),
    pgPolicy("organisations_select", {
      for: "select",
      to: appRole,
      using: sql`id = ${ctx.org} or exists (select 1 from collaborative_members cm where cm.org_id = organisations.id and cm.collaborative_id = ${ctx.collaborative})`,
    }),
    // Its details are changed by its own equality lead, or an admin of a collaborative it is still
    // a member of (app/policies/organisations.ts canEditOrganisation): once it has left, no longer
    // that admin's to change, as its people are not (0033). Migration 0043 added `left_on is null`.
    // Without a WITH CHECK, USING checks the changed row too.
    pgPolicy("organisations_update", {
      for: "update",
      to: appRole,
      using: sql`(id = ${ctx.org} and ${ctx.role} = 'equality_lead') or (${ctx.isAdmin} and exists (select 1 from collaborative_members cm where cm.org_id = organisations.id and cm.collaborative_id = ${ctx.collaborative} and cm.left_on is null))`,
    }),
  ],
);

export const collaborativeMembers = pgTable(
  "collaborative_members",
  {
    id: uuid().primaryKey().defaultRandom(),
    collaborativeId: uuid()
      .notNull()
      .references(() => collaboratives.id),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    joinedOn: date().notNull().defaultNow(),
    leftOn: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("collaborative_members_uq").on(t.collaborativeId, t.orgId),
    index("collaborative_members_org_idx").on(t.orgId),
    // An organisation cannot leave before it joined (the roll-ups and the history read both dates).
    check("collaborative_members_left_after_joined", sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
    pgPolicy("collaborative_members_select", { for: "select", to: appRole, using: sql`collaborative_id = ${ctx.collaborative}` }),
    // Only leaving/joining dates change through the app. Adding an organisation to a collaborative
    // is not an app-role insert: an admin of one collaborative must never pull in another's. An
    // admin creates a brand-new member organisation only through peff_add_member_organisation
    // (SECURITY DEFINER, migration 0042), which attaches it to their active collaborative.
    // Nor is bringing back one that left: a trigger (migration 0019, custom SQL, as drizzle-kit
    // declares no triggers) keeps a leaving date from being cleared, changed or set in the future.
    pgPolicy("collaborative_members_update", {
      for: "update",
      to: appRole,
      using: sql`collaborative_id = ${ctx.collaborative} and ${ctx.isAdmin}`,
      withCheck: sql`collaborative_id = ${ctx.collaborative} and ${ctx.isAdmin}`,
    }),
  ],
);

/**
 * Who may manage memberships of an organisation: its equality lead, or an admin of a collaborative
 * it is still a member of (once it has left, its people are no longer that admin's to change,
 * remove or invite; migration 0033, as `grantableRoles` says in the app).
 */
const managesOrg = sql`((org_id = ${ctx.org} and ${ctx.role} = 'equality_lead') or (${ctx.isAdmin} and exists (select 1 from collaborative_members cm where cm.org_id = memberships.org_id and cm.collaborative_id = ${ctx.collaborative} and cm.left_on is null)))`;
/**
 * Only an admin may grant or alter the collaborative-wide roles, and only one who is admin in every
 * collaborative the organisation belongs to, since the role applies in all of them (migration
 * 0018; `peff_ctx_admin_of_every_collaborative_of` is SECURITY DEFINER, in custom SQL).
 */
const roleWithinReach = sql`(role not in (${collaborativeRoles}) or (${ctx.isAdmin} and peff_ctx_admin_of_every_collaborative_of(org_id)))`;
/** An invitation to a collaborative-wide role is that grant in flight: the same reach applies (0018). */
const invitationWithinReach = sql`(role not in (${collaborativeRoles}) or peff_ctx_admin_of_every_collaborative_of(org_id))`;

export const memberships = pgTable(
  "memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    role: text().$type<Role>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    check("memberships_role_check", sql`${t.role} in (${inList(ROLES)})`),
    uniqueIndex("memberships_user_org_uq").on(t.userId, t.orgId),
    index("memberships_org_idx").on(t.orgId),
    pgPolicy("memberships_select", {
      for: "select",
      to: appRole,
      using: sql`user_id = ${ctx.user} or exists (select 1 from collaborative_members cm where cm.org_id = memberships.org_id and cm.collaborative_id = ${ctx.collaborative})`,
    }),
    pgPolicy("memberships_insert", { for: "insert", to: appRole, withCheck: sql`${managesOrg} and ${roleWithinReach}` }),
    pgPolicy("memberships_update", {
      for: "update",
      to: appRole,
      using: sql`${managesOrg} and ${roleWithinReach}`,
      withCheck: sql`${managesOrg} and ${roleWithinReach}`,
    }),
    pgPolicy("memberships_delete", { for: "delete", to: appRole, using: sql`${managesOrg} and ${roleWithinReach}` }),
  ],
);

/** A one-time link that lets a person join an organisation with a role. Only a hash of the token is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull(),
    collaborativeId: uuid()
      .notNull()
      .references(() => collaboratives.id),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    email: text().notNull(),
    role: text().$type<Role>().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check("invitations_role_check", sql`${t.role} in (${inList(ROLES)})`),
    uniqueIndex("invitations_token_hash_uq").on(t.tokenHash),
    index("invitations_org_idx").on(t.collaborativeId, t.orgId),
    pgPolicy("invitations_select", {
      for: "select",
      to: appRole,
      using: sql`collaborative_id = ${ctx.collaborative} and (${ctx.isAdmin} or (org_id = ${ctx.org} and ${ctx.role} = 'equality_lead'))`,
    }),
    pgPolicy("invitations_insert", {
      for: "insert",
      to: appRole,
      withCheck: sql`collaborative_id = ${ctx.collaborative} and (${ctx.isAdmin} or (org_id = ${ctx.org} and ${ctx.role} = 'equality_lead' and role not in (${collaborativeRoles}))) and exists (select 1 from collaborative_members cm where cm.org_id = invitations.org_id and cm.collaborative_id = ${ctx.collaborative} and cm.left_on is null) and ${invitationWithinReach}`,
    }),
    // Withdrawing sets revoked_at (the only column the app role may update); without a WITH CHECK
    // the USING expression checks the new row too.
    pgPolicy("invitations_update", {
      for: "update",
      to: appRole,
      using: sql`collaborative_id = ${ctx.collaborative} and (${ctx.isAdmin} or (org_id = ${ctx.org} and ${ctx.role} = 'equality_lead')) and ${invitationWithinReach}`,
    }),
    pgPolicy("invitations_delete", {
      for: "delete",
      to: appRole,
      using: sql`collaborative_id = ${ctx.collaborative} and (${ctx.isAdmin} or (org_id = ${ctx.org} and ${ctx.role} = 'equality_lead')) and ${invitationWithinReach}`,
    }),
  ],
);

/**
 * One-time links to set a forgotten password (the service sends no email). Made by someone who
 * manages every membership the person has (see app/policies/password-reset.ts), shown to them once
 * to pass on, and stored only as a hash. Auth-internal, like `sessions`: RLS on, no policy, no
 * grant to the app role; only the auth path (owner connection) reads it.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The collaborative it was made in: the maker's rights are judged there, when made and when used. */
    collaborativeId: uuid()
      .notNull()
      .references(() => collaboratives.id),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /**
     * Made by the operator (`npm run peff:setup`), not by a person in the app: there is no maker
     * whose rights to judge. Its own column because a null `createdBy` also means a maker whose
     * account was deleted, whose links must stay refused.
     */
    madeByOperator: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    /** A newer link for the same person, or a password change, ends an unused one. */
    supersededAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("password_resets_token_hash_uq").on(t.tokenHash),
    index("password_resets_user_idx").on(t.userId),
    check("password_resets_operator_has_no_maker", sql`not ${t.madeByOperator} or ${t.createdBy} is null`),
  ],
).enableRLS();
