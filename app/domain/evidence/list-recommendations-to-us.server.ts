import { sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { rowsOf } from "#db/client";
import type { ResponseDecision } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { RECOMMENDATIONS_LIMIT, recommendationStatus, STATUS_ORDER, type RecommendationStatus } from "~/lib/recommendations";

export interface RecommendationToUs {
  id: string;
  text: string;
  responseDue: string | null;
  itemId: string;
  itemTitle: string;
  ownerName: string;
  sourceName: string | null;
  status: RecommendationStatus;
  latest: { decision: ResponseDecision; body: string; at: Date; by: string | null } | null;
  responses: number;
}

/**
 * The recommendations addressed to the actor's organisation that it can read (in its own items,
 * and in items shared with the collaborative), with where each stands and its latest answer.
 */
export async function listRecommendationsToUs(database: Database, actor: Actor, today: string): Promise<RecommendationToUs[]> {
  const rows = await withTenant(database, tenantOf(actor), async (tx) =>
    rowsOf<{
      id: string;
      text: string;
      response_due: string | null;
      item_id: string;
      item_title: string;
      owner_name: string;
      source_name: string | null;
      decision: ResponseDecision | null;
      body: string | null;
      responded_at: Date | string | null;
      responder: string | null;
      responses: number;
    }>(
      await tx.execute(sql`
        select r.id, r.text, r.response_due::text, i.id as item_id, i.title as item_title, o.name as owner_name, s.name as source_name,
               latest.decision, latest.body, latest.responded_at, u.name as responder,
               (select count(*)::int from recommendation_responses x where x.recommendation_id = r.id and x.org_id = ${actor.active.orgId}) as responses
        from evidence_recommendations r
        join evidence_items i on i.id = r.item_id
        join organisations o on o.id = i.org_id
        left join evidence_sources s on s.id = i.source_id
        left join lateral (
          select x.decision, x.body, x.responded_at, x.responded_by from recommendation_responses x
          where x.recommendation_id = r.id and x.org_id = ${actor.active.orgId}
          order by x.responded_at desc, x.id desc limit 1
        ) latest on true
        left join users u on u.id = latest.responded_by
        where r.collaborative_id = ${actor.active.collaborativeId} and r.addressed_to_org_id = ${actor.active.orgId}
        order by (latest.decision is not null), r.response_due nulls last, r.created_at
        limit ${RECOMMENDATIONS_LIMIT}`),
    ),
  );
  return rows
    .map((r) => ({
      id: r.id,
      text: r.text,
      responseDue: r.response_due,
      itemId: r.item_id,
      itemTitle: r.item_title,
      ownerName: r.owner_name,
      sourceName: r.source_name,
      status: recommendationStatus({ responseDue: r.response_due, responded: r.decision !== null }, today),
      latest: r.decision ? { decision: r.decision, body: r.body ?? "", at: new Date(r.responded_at!), by: r.responder } : null,
      responses: Number(r.responses),
    }))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}
