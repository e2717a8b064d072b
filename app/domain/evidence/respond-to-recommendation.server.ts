import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "#db/client";
import { evidenceRecommendations, recommendationResponses, RESPONSE_DECISIONS } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden, invalid, notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";
import { PII_LABELS, redact } from "~/lib/pii/scan";
import { answerHits } from "~/lib/recommendations";
import { canRespondToRecommendation } from "~/policies/evidence";
import { decisionField, type HitDecision } from "./share-fields";

export const responseInputSchema = z.object({
  decision: z.enum(RESPONSE_DECISIONS, { errorMap: () => ({ message: "Choose whether your organisation accepts the recommendation" }) }),
  body: z.string({ required_error: "Enter your response" }).trim().min(1, "Enter your response: what you are doing, or why not").max(5000, "The response must be 5,000 characters or fewer"),
});
export type ResponseInput = z.infer<typeof responseInputSchema>;

/**
 * Records the addressed organisation's answer to a recommendation. Appended: an earlier answer
 * stays in the history and the new one becomes current. The database checks the same (the
 * insert policy of recommendation_responses, migration 0027).
 *
 * Everyone who can read the recommendation reads the answer (the whole collaborative once the
 * item is shared), so the answer goes through the scan sharing runs, asked the same way: every
 * possible piece of personal data needs a decision (`decisions`, keyed by `answerHits`' ids), to
 * redact it (replaced by a marker) or keep it; until then nothing is saved.
 */
export async function respondToRecommendation(
  database: Database,
  actor: Actor,
  recommendationId: string,
  input: ResponseInput & { decisions?: Record<string, HitDecision> },
): Promise<void> {
  if (!isUuid(recommendationId)) throw notFound("Recommendation not found");
  await withTenant(database, tenantOf(actor), async (tx) => {
    const [rec] = await tx
      .select({ addressedToOrgId: evidenceRecommendations.addressedToOrgId, collaborativeId: evidenceRecommendations.collaborativeId })
      .from(evidenceRecommendations)
      .where(eq(evidenceRecommendations.id, recommendationId));
    if (!rec) throw notFound("Recommendation not found");
    if (!canRespondToRecommendation(policyActor(actor), rec)) throw forbidden("Only the organisation the recommendation is addressed to answers it: its equality leads and contributors");
    const body = input.body.trim();
    const hits = answerHits(body);
    const decided = (id: string) => input.decisions?.[id] === "redact" || input.decisions?.[id] === "keep";
    const undecided = hits.filter((h) => !decided(h.id));
    if (undecided.length) {
      const kinds = [...new Set(undecided.map((h) => PII_LABELS[h.kind]))].join(", ");
      throw invalid(
        {
          // On the answer itself, so the person sees it where they typed it (which stays as typed).
          body: `Your response may contain personal data (${kinds}): choose whether to redact or keep ${undecided.length === 1 ? "it" : "each one"} below, or change your response`,
          ...Object.fromEntries(undecided.map((h) => [decisionField(h.id), `Choose whether to redact or keep this ${PII_LABELS[h.kind]}`])),
        },
        "Decide on every possible piece of personal data before recording the answer",
      );
    }
    const redacted = hits.filter((h) => input.decisions?.[h.id] === "redact");
    await tx.insert(recommendationResponses).values({
      collaborativeId: actor.active.collaborativeId,
      orgId: actor.active.orgId,
      recommendationId,
      decision: input.decision,
      body: redact(body, redacted),
      respondedBy: actor.userId,
      // Kept with the answer, as sharing records its decisions: how many, never what.
      redacted: redacted.length,
      keptAfterCheck: hits.length - redacted.length,
    });
  });
}
