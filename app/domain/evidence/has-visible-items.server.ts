import type { Database } from "#db/client";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { filtersFrom } from "./filters";
import { searchIn } from "./search-items.server";

/**
 * Whether this actor can see any evidence at all (their organisation's and the collaborative's
 * shared items), asked through the list's own search with no filters so that both agree: the list
 * then shows its empty state, not a search form over nothing, when a filtered search finds nothing.
 */
export async function hasVisibleItems(database: Database, actor: Actor): Promise<boolean> {
  return withTenant(database, tenantOf(actor), async (tx) => (await searchIn(tx, filtersFrom(new URLSearchParams()), 1)).total > 0);
}
