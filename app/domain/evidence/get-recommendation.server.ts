import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceItems, evidenceRecommendations, organisations, recommendationResponses, users, type ResponseDecision } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";
import { canRespondToRecommendation } from "~/policies/evidence";

export interface RecommendationView {
  id: string;
  text: string;
  responseDue: string | null;
  /** What the item's owner recorded as the response, when the recommendation came with one. */
  recordedResponse: string;
  addressedToOrgId: string | null;
  addressedTo: string | null;
  item: { id: string; title: string; ownerName: string; shared: boolean };
  responses: { decision: ResponseDecision; body: string; at: Date; by: string | null; orgId: string; orgName: string; redacted: number; keptAfterCheck: number }[];
  canRespond: boolean;
}

const NOT_FOUND = "Recommendation not found: it is not in an item your organisation can read";

/** One recommendation as RLS lets the actor read it, with every answer of the addressed organisation, oldest first. */
export async function getRecommendation(database: Database, actor: Actor, recommendationId: string): Promise<RecommendationView> {
  if (!isUuid(recommendationId)) throw notFound(NOT_FOUND);
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [row] = await tx
      .select({
        id: evidenceRecommendations.id,
        text: evidenceRecommendations.text,
        responseDue: evidenceRecommendations.responseDue,
        recordedResponse: evidenceRecommendations.response,
        addressedToOrgId: evidenceRecommendations.addressedToOrgId,
        itemId: evidenceItems.id,
        itemTitle: evidenceItems.title,
        itemOrgId: evidenceItems.orgId,
        sharedAt: evidenceItems.sharedAt,
      })
      .from(evidenceRecommendations)
      .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceRecommendations.itemId))
      .where(eq(evidenceRecommendations.id, recommendationId));
    if (!row) throw notFound(NOT_FOUND);
    const responses = await tx
      .select({
        decision: recommendationResponses.decision,
        body: recommendationResponses.body,
        at: recommendationResponses.respondedAt,
        by: users.name,
        orgId: recommendationResponses.orgId,
        redacted: recommendationResponses.redacted,
        keptAfterCheck: recommendationResponses.keptAfterCheck,
      })
      .from(recommendationResponses)
      .leftJoin(users, eq(users.id, recommendationResponses.respondedBy))
      .where(eq(recommendationResponses.recommendationId, row.id))
      .orderBy(asc(recommendationResponses.respondedAt), asc(recommendationResponses.id));
    // Only the organisations this page names (the item's owner, the one addressed, those who
    // answered: two or three), not every one the collaborative lets the actor read.
    const wanted = [...new Set([row.itemOrgId, ...(row.addressedToOrgId ? [row.addressedToOrgId] : []), ...responses.map((r) => r.orgId)])];
    const names = new Map((await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, wanted))).map((o) => [o.id, o.name]));
    return {
      id: row.id,
      text: row.text,
      responseDue: row.responseDue,
      recordedResponse: row.recordedResponse,
      addressedToOrgId: row.addressedToOrgId,
      addressedTo: row.addressedToOrgId ? (names.get(row.addressedToOrgId) ?? null) : null,
      item: { id: row.itemId, title: row.itemTitle, ownerName: names.get(row.itemOrgId) ?? "", shared: Boolean(row.sharedAt) },
      responses: responses.map((r) => ({ ...r, orgName: names.get(r.orgId) ?? "" })),
      canRespond: canRespondToRecommendation(policyActor(actor), row),
    };
  });
}
