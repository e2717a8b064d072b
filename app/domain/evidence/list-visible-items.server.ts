import { sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { rowsOf } from "#db/client";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { searchableQuery } from "~/lib/search-text";

export interface EvidencePick {
  id: string;
  title: string;
  source: string | null;
  date: string | null;
  /** The item's page, for links from registers, plans and grades. */
  href: string;
}

/**
 * For pickers elsewhere (barrier register rows, plan actions, grades): the evidence this actor
 * can see, newest first, optionally matching words. Stable ids; pages at /evidence/<id>.
 */
export async function listVisibleItems(database: Database, actor: Actor, input: { q?: string; limit?: number } = {}): Promise<EvidencePick[]> {
  const q = input.q?.trim();
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  return withTenant(database, tenantOf(actor), async (tx) =>
    rowsOf<{ id: string; title: string; source: string | null; date: string | null }>(
      await tx.execute(sql`
        select i.id, i.title, s.name as source, coalesce(i.published_on, i.created_at::date)::text as date
        from evidence_items i left join evidence_sources s on s.id = i.source_id
        where ${q ? sql`i.search @@ websearch_to_tsquery('english', ${searchableQuery(q)})` : sql`true`}
        order by i.published_on desc nulls last, i.created_at desc
        limit ${limit}`),
    ).map((r) => ({ ...r, href: `/evidence/${r.id}` })),
  );
}
