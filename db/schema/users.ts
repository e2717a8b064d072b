import { sql } from "drizzle-orm";
import { boolean, index, inet, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appRole, ctx } from "./roles";

/**
 * People. The app role sees itself and the people of organisations in its active collaborative
 * (names appear in member lists and presence); it never sees password hashes, which live in
 * `user_credentials`, a table it has no grant on.
 */
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(), // stored lower-cased
    name: text().notNull(),
    jobTitle: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    pgPolicy("users_select", {
      for: "select",
      to: appRole,
      using: sql`id = ${ctx.user} or exists (select 1 from memberships m where m.user_id = users.id)`,
    }),
    pgPolicy("users_update", { for: "update", to: appRole, using: sql`id = ${ctx.user}`, withCheck: sql`id = ${ctx.user}` }),
  ],
);

/** Auth-internal tables: RLS on, no policy, no grant to the app role. Only the auth module (owner) reads them. */
export const userCredentials = pgTable("user_credentials", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  passwordHash: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}).enableRLS();

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token: a database leak does not yield usable sessions. */
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    activeOrgId: uuid(),
    activeCollaborativeId: uuid(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
).enableRLS();

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    address: inet(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * The trusted device (valid device cookie for this email) the attempt came from, if any: it is
     * then counted against that device only, never the account's or the address's limits. No
     * foreign key: a device is replaced at every sign-in while another attempt from it may be in
     * flight, and its old attempts count for nothing once it is gone (housekeeping removes them).
     */
    deviceId: uuid(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.at),
    index("sign_in_attempts_address_idx").on(t.address, t.at),
    index("sign_in_attempts_device_idx").on(t.deviceId, t.at),
  ],
).enableRLS();

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * signed in to an account carries a random token for it, and an attempt presenting it is judged on
 * that browser's own failures, so guesses from elsewhere cannot lock the person out. Only the
 * token's SHA-256 is kept. Auth-internal, like `sessions`: RLS on, no policy, no grant.
 */
export const trustedDevices = pgTable(
  "trusted_devices",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("trusted_devices_token_hash_uq").on(t.tokenHash), index("trusted_devices_user_idx").on(t.userId)],
).enableRLS();
