import type { Database, Tx } from "#db/client";
import { eq } from "drizzle-orm";
import { evidenceRecommendations, organisations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden, invalid } from "~/domain/errors";
import { canEditItem } from "~/policies/evidence";
import { holdPrivate, loadItem, recordEvent } from "./events.server";
import { parsedOrInvalid, recommendationInputSchema } from "./part-input";

export interface RecommendationInput {
  itemId: string;
  text: string;
  addressedToOrgId: string | null;
  responseDue: string | null;
  response: string;
}

/** The organisation a recommendation is addressed to must be one this actor can see (RLS decides), or the form says so. */
export async function checkAddressee(tx: Tx, orgId: string | null): Promise<void> {
  if (!orgId) return;
  const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw invalid({ addressedToOrgId: "Select an organisation from the list" });
}

/** Adds a recommendation (addressed to an organisation, with a response due and the response) to a private item. */
export async function addRecommendation(database: Database, actor: Actor, input: RecommendationInput): Promise<{ id: string }> {
  // The form's rules (part-input.ts), for callers that did not come through the form.
  const values = parsedOrInvalid(recommendationInputSchema, { recText: input.text, addressedToOrgId: input.addressedToOrgId ?? "", responseDue: input.responseDue ?? "", response: input.response });
  return withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canEditItem(policyActor(actor), item)) throw forbidden("Recommendations can be added by the owner organisation while the item is private");
    await holdPrivate(tx, item.id);
    await checkAddressee(tx, values.addressedToOrgId);
    const [row] = await tx
      .insert(evidenceRecommendations)
      .values({ collaborativeId: item.collaborativeId, orgId: item.orgId, itemId: item.id, text: values.recText, addressedToOrgId: values.addressedToOrgId, responseDue: values.responseDue, response: values.response })
      .returning({ id: evidenceRecommendations.id });
    await recordEvent(tx, actor, item, "recommendation_added", { recommendationId: row!.id });
    return { id: row!.id };
  });
}
