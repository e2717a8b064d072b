import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "#db/client";
import { evidenceRecommendations, recommendationResponses, RESPONSE_DECISIONS } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden, notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";
import { canRespondToRecommendation } from "~/policies/evidence";

export const responseInputSchema = z.object({
  decision: z.enum(RESPONSE_DECISIONS, { errorMap: () => ({ message: "Choose whether your organisation accepts the recommendation" }) }),
  body: z.string({ required_error: "Enter your response" }).trim().min(1, "Enter your response: what you are doing, or why not").max(5000, "The response must be 5,000 characters or fewer"),
});
export type ResponseInput = z.infer<typeof responseInputSchema>;

/**
 * Records the addressed organisation's answer to a recommendation. Appended: an earlier answer
 * stays in the history and the new one becomes current. The database checks the same (the
 * insert policy of recommendation_responses, migration 0027).
 */
export async function respondToRecommendation(database: Database, actor: Actor, recommendationId: string, input: ResponseInput): Promise<void> {
  if (!isUuid(recommendationId)) throw notFound("Recommendation not found");
  await withTenant(database, tenantOf(actor), async (tx) => {
    const [rec] = await tx
      .select({ addressedToOrgId: evidenceRecommendations.addressedToOrgId, collaborativeId: evidenceRecommendations.collaborativeId })
      .from(evidenceRecommendations)
      .where(eq(evidenceRecommendations.id, recommendationId));
    if (!rec) throw notFound("Recommendation not found");
    if (!canRespondToRecommendation(policyActor(actor), rec)) throw forbidden("Only the organisation the recommendation is addressed to answers it: its equality leads and contributors");
    await tx.insert(recommendationResponses).values({
      collaborativeId: actor.active.collaborativeId,
      orgId: actor.active.orgId,
      recommendationId,
      decision: input.decision,
      body: input.body,
      respondedBy: actor.userId,
    });
  });
}
