import { sql } from "drizzle-orm";
import { boolean, index, integer, pgPolicy, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appRole, ctx } from "./roles";
import { collaboratives, organisations } from "./tenancy";

// The evidence library's coverage counters, beside its tables in evidence.ts (kept by a trigger on evidence_items).

/** The "any" key of `evidence_coverage`: a row counted for every outcome, or every characteristic. */
export const COVERAGE_ANY = "00000000-0000-0000-0000-000000000000";

/**
 * Item counts per (organisation, shared, outcome, characteristic), kept by a trigger on
 * evidence_items so the coverage views read a few thousand counters instead of unnesting every
 * visible item. `COVERAGE_ANY` in outcome_id/characteristic_id gives the per-characteristic and
 * per-outcome totals (an item counted once). Readable exactly like the items it counts; written
 * only by the trigger (no grant).
 */
export const evidenceCoverage = pgTable(
  "evidence_coverage",
  {
    id: uuid().primaryKey().defaultRandom(),
    collaborativeId: uuid()
      .notNull()
      .references(() => collaboratives.id),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id),
    shared: boolean().notNull(),
    outcomeId: uuid().notNull(),
    characteristicId: uuid().notNull(),
    items: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex("evidence_coverage_uq").on(t.collaborativeId, t.orgId, t.shared, t.outcomeId, t.characteristicId),
    // One cell across organisations: exact list totals for evidence_search().
    index("evidence_coverage_cell_idx").on(t.collaborativeId, t.outcomeId, t.characteristicId),
    pgPolicy("evidence_coverage_select", {
      for: "select",
      to: appRole,
      using: sql`collaborative_id = ${ctx.collaborative} and (org_id = ${ctx.org} or shared)`,
    }),
  ],
);
