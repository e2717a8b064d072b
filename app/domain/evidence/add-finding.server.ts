import { sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceFindings, type FindingKind } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden } from "~/domain/errors";
import { canEditItem } from "~/policies/evidence";
import { holdPrivate, loadItem, recordEvent } from "./events.server";
import { findingInputSchema, parsedOrInvalid } from "./part-input";

/** Adds a finding (a key issue or a quote) to a private item. */
export async function addFinding(database: Database, actor: Actor, input: { itemId: string; kind: FindingKind; text: string }): Promise<{ id: string }> {
  // The form's rules (part-input.ts), for callers that did not come through the form.
  const { findingText: text } = parsedOrInvalid(findingInputSchema, { findingKind: input.kind, findingText: input.text });
  return withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canEditItem(policyActor(actor), item)) throw forbidden("Only the owner organisation's equality lead or contributors can add findings, and only while the item is private");
    await holdPrivate(tx, item.id);
    const [row] = await tx
      .insert(evidenceFindings)
      // After the item's last finding. It was the clock modulo 2e9 ms, which wraps every 23 days: a
      // finding added after a wrap was listed (and numbered, on the item and the share page) first.
      // Two findings added at the same moment may get the same position; their creation time orders them.
      .values({ collaborativeId: item.collaborativeId, orgId: item.orgId, itemId: item.id, kind: input.kind, text, position: sql`(select coalesce(max(f.position), -1) + 1 from evidence_findings f where f.item_id = ${item.id})` })
      .returning({ id: evidenceFindings.id });
    await recordEvent(tx, actor, item, "finding_added", { findingId: row!.id, kind: input.kind });
    return { id: row!.id };
  });
}
