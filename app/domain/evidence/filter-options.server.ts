import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { collaborativeMembers, organisations } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { listSources } from "./list-sources.server";
import { listTagOptions } from "./tag-options.server";

/** What the list's filters, the item form and the import offer: sources, tags and the collaborative's organisations. */
export async function listFilterOptions(database: Database, actor: Actor) {
  const [sources, tags, orgs] = await Promise.all([
    listSources(database, actor),
    listTagOptions(database, actor),
    withTenant(database, tenantOf(actor), (tx) =>
      tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .innerJoin(collaborativeMembers, eq(collaborativeMembers.orgId, organisations.id))
        .where(and(eq(collaborativeMembers.collaborativeId, actor.active.collaborativeId), isNull(collaborativeMembers.leftOn)))
        .orderBy(asc(organisations.name)),
    ),
  ]);
  return { sources, tags, organisations: orgs };
}
