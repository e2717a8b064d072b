import { sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { rowsOf } from "#db/client";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { dueSoonUntil, type StatusTally } from "~/lib/recommendations";

/**
 * How many of the recommendations addressed to the actor's organisation, in the evidence it can
 * read, stand in each status: the home page's summary, counted in the database rather than by
 * building the list (listRecommendationsToUs) to count it. The same rule as `recommendationStatus`,
 * in the same order: answered (a response of ours) first, then by due date, the two weeks reckoned
 * by `dueSoonUntil`. Not capped at the list's 500: a count costs no more for more rows.
 */
export async function countRecommendationsToUs(database: Database, actor: Actor, today: string): Promise<StatusTally> {
  const [row] = await withTenant(database, tenantOf(actor), async (tx) =>
    rowsOf<{ responded: number; overdue: number; due_soon: number; awaiting: number }>(
      await tx.execute(sql`
        select count(*) filter (where responded)::int as responded,
               count(*) filter (where not responded and response_due < ${today}::date)::int as overdue,
               count(*) filter (where not responded and response_due >= ${today}::date and response_due <= ${dueSoonUntil(today)}::date)::int as due_soon,
               count(*) filter (where not responded and (response_due is null or response_due > ${dueSoonUntil(today)}::date))::int as awaiting
        from (
          select r.response_due,
                 exists (select 1 from recommendation_responses x where x.recommendation_id = r.id and x.org_id = ${actor.active.orgId}) as responded
          from evidence_recommendations r
          where r.collaborative_id = ${actor.active.collaborativeId} and r.addressed_to_org_id = ${actor.active.orgId}
        ) addressed`),
    ),
  );
  return { overdue: Number(row?.overdue ?? 0), "due-soon": Number(row?.due_soon ?? 0), awaiting: Number(row?.awaiting ?? 0), responded: Number(row?.responded ?? 0) };
}
