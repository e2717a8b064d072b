import { eq } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { evidenceSources } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden, notFound } from "~/domain/errors";
import { isUuid } from "~/lib/ids";
import { canEditSource } from "~/policies/evidence";

/** A source of the actor's collaborative that they may change, or 404 / 403. */
export async function loadEditableSource(tx: Tx, actor: Actor, sourceId: string) {
  if (!isUuid(sourceId)) throw notFound("Source not found");
  const [source] = await tx
    .select({ id: evidenceSources.id, orgId: evidenceSources.orgId, name: evidenceSources.name, kind: evidenceSources.kind, area: evidenceSources.area, characteristicIds: evidenceSources.characteristicIds })
    .from(evidenceSources)
    .where(eq(evidenceSources.id, sourceId));
  if (!source) throw notFound("Source not found");
  if (!canEditSource(policyActor(actor), source)) throw forbidden("Only the organisation that added a source can change it: its equality leads and contributors");
  return source;
}

/** A source for its edit page. */
export async function getSourceForEdit(database: Database, actor: Actor, sourceId: string) {
  return withTenant(database, tenantOf(actor), async (tx) => loadEditableSource(tx, actor, sourceId));
}
