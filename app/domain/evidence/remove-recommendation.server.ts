import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceRecommendations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { conflict } from "~/domain/errors";
import { canEditItem } from "~/policies/evidence";
import { cannotChangePart, holdPrivate, loadItem, recordEvent } from "./events.server";
import { answeredByWords, holdRecommendation } from "./update-recommendation.server";

/**
 * Removes a recommendation of a private item, unless it has been answered: the answers
 * (recommendation_responses) are the addressed organisation's, and removing the recommendation
 * would take them with it (their foreign key cascades), so it is refused (409) and stays.
 */
export async function removeRecommendation(database: Database, actor: Actor, input: { itemId: string; recommendationId: string }): Promise<void> {
  await withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canEditItem(policyActor(actor), item)) throw cannotChangePart(actor, item, "remove recommendations");
    await holdPrivate(tx, item.id);
    const recommendation = await holdRecommendation(tx, item.id, input.recommendationId);
    if (recommendation.answered) {
      throw conflict(`${answeredByWords(recommendation.answeredBy)} answered this recommendation, so it cannot be removed: the answers are theirs, and would go with it.`);
    }
    await tx.delete(evidenceRecommendations).where(eq(evidenceRecommendations.id, input.recommendationId));
    await recordEvent(tx, actor, item, "recommendation_removed", { recommendationId: input.recommendationId });
  });
}
