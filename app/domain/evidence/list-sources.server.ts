import { asc, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceSources, organisations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";

/** The collaborative's stakeholder sources (shared within it), with who added each. */
export async function listSources(database: Database, actor: Actor) {
  return withTenant(database, tenantOf(actor), (tx) =>
    tx
      .select({ id: evidenceSources.id, name: evidenceSources.name, kind: evidenceSources.kind, area: evidenceSources.area, characteristicIds: evidenceSources.characteristicIds, orgId: evidenceSources.orgId, orgName: organisations.name })
      .from(evidenceSources)
      .innerJoin(organisations, eq(organisations.id, evidenceSources.orgId))
      .orderBy(asc(evidenceSources.name)),
  );
}
