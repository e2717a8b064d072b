import { and, asc, eq } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { evidenceRecommendations, organisations, recommendationResponses } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { conflict, notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";
import { listInWords } from "~/lib/labels";
import { canEditItem } from "~/policies/evidence";
import { checkAddressee } from "./add-recommendation.server";
import { cannotChangePart, holdPrivate, loadItem, recordEvent } from "./events.server";
import { parsedOrInvalid, recommendationInputSchema } from "./part-input";

export interface RecommendationChange {
  itemId: string;
  recommendationId: string;
  text: string;
  addressedToOrgId: string | null;
  responseDue: string | null;
  response: string;
}

/** Who answered, in words: "Alder Hey" or "Alder Hey and Mersey Care" ("the organisation addressed" should a name be unreadable). */
export const answeredByWords = (names: string[]) => (names.length ? listInWords(names) : "The organisation addressed");

/**
 * The recommendation of the item, locked (FOR UPDATE) for a change or removal, with the
 * organisations that have answered it. The lock is taken before the answers are read: an answer
 * being recorded holds a key-share lock on the recommendation (its foreign key), so the lock waits
 * for it and then sees it, and an answer arriving after waits for this change.
 */
export async function holdRecommendation(tx: Tx, itemId: string, recommendationId: string) {
  if (!isUuid(recommendationId)) throw notFound("Recommendation not found");
  const [row] = await tx
    .select({ text: evidenceRecommendations.text, addressedToOrgId: evidenceRecommendations.addressedToOrgId, responseDue: evidenceRecommendations.responseDue, response: evidenceRecommendations.response })
    .from(evidenceRecommendations)
    .where(and(eq(evidenceRecommendations.id, recommendationId), eq(evidenceRecommendations.itemId, itemId)))
    .for("update");
  if (!row) throw notFound("Recommendation not found: it may have been removed");
  const answers = await tx
    .selectDistinct({ orgId: recommendationResponses.orgId, name: organisations.name })
    .from(recommendationResponses)
    .leftJoin(organisations, eq(organisations.id, recommendationResponses.orgId))
    .where(eq(recommendationResponses.recommendationId, recommendationId))
    .orderBy(asc(organisations.name));
  return { ...row, answeredBy: answers.map((a) => a.name ?? "").filter(Boolean), answered: answers.length > 0 };
}

/**
 * Corrects a recommendation of a private item, with the add form's rules; the history records
 * which fields changed, never what they say.
 *
 * Once it has been answered (recommendation_responses: the addressed organisation's answers,
 * appended and theirs), two things stay as they are:
 * - whom it is addressed to: the answers are the addressed organisation's own, and readdressing it
 *   would put their answers under another organisation's name and drop it from their list;
 * - its wording: the answers reply to the recommendation as they read it, and whoever reads the
 *   item sees them side by side; a changed text would have them answer words they never saw. A
 *   recommendation that says something new is added as a new one (this one stays, answered).
 * The response due date and the response recorded in the evidence stay the owner's to correct:
 * neither changes what was answered (an answered recommendation is "answered", whatever its date).
 * Changes to the two frozen fields are refused (409) field by field, so the form says why.
 */
export async function updateRecommendation(database: Database, actor: Actor, input: RecommendationChange): Promise<void> {
  const values = parsedOrInvalid(recommendationInputSchema, { recText: input.text, addressedToOrgId: input.addressedToOrgId ?? "", responseDue: input.responseDue ?? "", response: input.response });
  await withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canEditItem(policyActor(actor), item)) throw cannotChangePart(actor, item, "change recommendations");
    await holdPrivate(tx, item.id);
    const before = await holdRecommendation(tx, item.id, input.recommendationId);
    const after = { text: values.recText, addressedToOrgId: values.addressedToOrgId, responseDue: values.responseDue, response: values.response };
    const fields = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
    if (!fields.length) return;
    if (before.answered) {
      const who = answeredByWords(before.answeredBy);
      const refused: Record<string, string> = {};
      if (fields.includes("text")) refused.recText = `${who} answered this recommendation as it is worded, so its wording cannot change. Add a new recommendation instead.`;
      if (fields.includes("addressedToOrgId")) refused.addressedToOrgId = `${who} answered this recommendation, so it stays addressed to them: the answers are theirs.`;
      if (Object.keys(refused).length) throw conflict("This recommendation has been answered", refused);
    }
    if (fields.includes("addressedToOrgId")) await checkAddressee(tx, after.addressedToOrgId);
    await tx.update(evidenceRecommendations).set(after).where(eq(evidenceRecommendations.id, input.recommendationId));
    await recordEvent(tx, actor, item, "recommendation_edited", { recommendationId: input.recommendationId, fields });
  });
}
