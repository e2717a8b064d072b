import {
  boolean,
  date,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  index,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

/**
 * Reference data: the national frameworks, characteristics and PSED aims. Versioned rather than
 * edited in place: a framework revision is a new row in `frameworks` with its own outcomes, so a
 * grade recorded against EDS2 keeps meaning what it meant. Seeded by migration; read by everyone.
 */
export const frameworks = pgTable(
  "frameworks",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(), // "EDS2" | "EDS2022"
    version: integer().notNull().default(1),
    name: text().notNull(),
    groupNoun: text().notNull(), // "goal" | "domain"
    validFrom: date(),
    validTo: date(),
    /** How outcome grades combine into goal/overall grades (EDS2) or scores into a total (EDS 2022). */
    aggregationRule: text().notNull(),
    aggregationDescription: text().notNull(),
  },
  (t) => [uniqueIndex("frameworks_code_version_uq").on(t.code, t.version)],
);

export const frameworkGroups = pgTable(
  "framework_groups",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id),
    code: text().notNull(),
    name: text().notNull(),
    position: integer().notNull(),
  },
  (t) => [uniqueIndex("framework_groups_code_uq").on(t.frameworkId, t.code)],
);

export const frameworkOutcomes = pgTable(
  "framework_outcomes",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id),
    groupId: uuid()
      .notNull()
      .references(() => frameworkGroups.id),
    code: text().notNull(),
    title: text().notNull(), // short name ("Access")
    wording: text().notNull(), // the full outcome statement
    position: integer().notNull(),
    /** EDS 2022 Domain 1 outcomes are scored once per service under review. */
    scoredPerService: boolean().notNull().default(false),
  },
  (t) => [
    uniqueIndex("framework_outcomes_code_uq").on(t.frameworkId, t.code),
    index("framework_outcomes_group_idx").on(t.groupId),
  ],
);

/** The points of a framework's rating scale (EDS2 grades, EDS 2022 scores 0-3). */
export const ratingScalePoints = pgTable(
  "rating_scale_points",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id),
    value: integer().notNull(),
    label: text().notNull(),
    description: text().notNull(),
    colour: text().notNull(), // a hex colour; always shown with the label, never alone
    position: integer().notNull(),
  },
  (t) => [uniqueIndex("rating_scale_points_uq").on(t.frameworkId, t.value)],
);

/**
 * Bands that turn a total score into a rating (EDS 2022). Published sources disagree on the top
 * band, so bands are configuration with a version and a note of their source.
 */
export const ratingBands = pgTable(
  "rating_bands",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id),
    bandSet: text().notNull().default("default"),
    label: text().notNull(),
    minScore: integer().notNull(),
    maxScore: integer().notNull(),
    colour: text().notNull(),
    source: text().notNull(),
    position: integer().notNull(),
  },
  (t) => [uniqueIndex("rating_bands_uq").on(t.frameworkId, t.bandSet, t.label)],
);

/** An unofficial EDS2 -> EDS 2022 crosswalk, kept as data. */
export const frameworkCrosswalk = pgTable(
  "framework_crosswalk",
  {
    id: uuid().primaryKey().defaultRandom(),
    fromOutcomeId: uuid()
      .notNull()
      .references(() => frameworkOutcomes.id),
    toOutcomeId: uuid()
      .notNull()
      .references(() => frameworkOutcomes.id),
    note: text(),
  },
  (t) => [uniqueIndex("framework_crosswalk_uq").on(t.fromOutcomeId, t.toOutcomeId)],
);

/**
 * The nine protected characteristics and the other groups equality leads track. A group with a
 * parent counts toward it (D/deaf and BSL users count toward disability).
 */
export const characteristics = pgTable(
  "characteristics",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: text().notNull(), // "protected" | "group"
    parentId: uuid().references((): AnyPgColumn => characteristics.id),
    /** Marriage and civil partnership: first PSED aim only, and only in employment. */
    employmentOnly: boolean().notNull().default(false),
    position: integer().notNull(),
  },
);

export const psedAims = pgTable("psed_aims", {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull(),
  position: integer().notNull(),
});
