import type { Database } from "#db/client";
import { evidenceItems } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden } from "~/domain/errors";
import { canWriteEvidence } from "~/policies/evidence";
import { recordEvent } from "./events.server";
import type { ItemInput } from "./item-input";
import { checkReferences } from "./check-references.server";

/** Adds an evidence item, private to the actor's organisation. */
export async function createItem(database: Database, actor: Actor, input: ItemInput): Promise<{ id: string }> {
  if (!canWriteEvidence(policyActor(actor))) throw forbidden("Only equality leads and contributors can add evidence");
  return withTenant(database, tenantOf(actor), async (tx) => {
    await checkReferences(tx, input);
    const [row] = await tx
      .insert(evidenceItems)
      .values({ ...input, collaborativeId: actor.active.collaborativeId, orgId: actor.active.orgId, createdBy: actor.userId })
      .returning({ id: evidenceItems.id, orgId: evidenceItems.orgId, collaborativeId: evidenceItems.collaborativeId });
    // Nothing typed goes into the history: it cannot be redacted when the item is shared, and every reader of the item sees it.
    await recordEvent(tx, actor, row!, "created");
    return { id: row!.id };
  });
}
