import { sql, type SQL } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { rowsOf } from "#db/client";
import type { ItemType } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { MARK_END, MARK_START, PAGE_SIZE, type EvidenceFilters } from "./filters";
import { searchableQuery } from "~/lib/search-text";

export interface SearchHit {
  id: string;
  title: string;
  type: ItemType;
  publishedOn: string | null;
  sourceName: string | null;
  orgId: string;
  orgName: string;
  shared: boolean;
  /** Text with matches wrapped in \u0001 ... \u0002 (rendered as <mark> by the page, never as HTML). */
  snippet: string;
}

export { MARK_END, MARK_START };

/**
 * The WHERE clause for filters, on top of row-level security (which already limits rows to the
 * actor's own and the collaborative's shared items), for the export. Tag filters read the item's
 * derived tag arrays (item and finding tags, parent characteristics included). The list itself
 * goes through `evidence_search()`, which applies the same filters.
 */
export function filterWhere(f: EvidenceFilters, orgId: string): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.q) parts.push(sql`i.search @@ websearch_to_tsquery('english', ${searchableQuery(f.q)})`);
  if (f.sourceId) parts.push(sql`i.source_id = ${f.sourceId}`);
  if (f.type) parts.push(sql`i.type = ${f.type}`);
  if (f.from) parts.push(sql`i.published_on >= ${f.from}`);
  if (f.to) parts.push(sql`i.published_on <= ${f.to}`);
  if (f.outcomeId) parts.push(sql`i.outcome_ids @> array[${f.outcomeId}]::uuid[]`);
  if (f.characteristicId) parts.push(sql`i.characteristic_ids @> array[${f.characteristicId}]::uuid[]`);
  if (f.psedId) parts.push(sql`i.psed_ids @> array[${f.psedId}]::uuid[]`);
  if (f.themeId) parts.push(sql`i.theme_ids @> array[${f.themeId}]::uuid[]`);
  if (f.concernedOrgId) parts.push(sql`i.concerned_org_ids @> array[${f.concernedOrgId}]::uuid[]`);
  if (f.ownerOrgId) parts.push(sql`i.org_id = ${f.ownerOrgId}`);
  if (f.scope === "own") parts.push(sql`i.org_id = ${orgId}`);
  if (f.scope === "shared") parts.push(sql`i.shared_at is not null`);
  return sql.join(parts, sql` and `);
}

export interface SearchResult {
  /** Exact up to `TOTAL_CAP`; `TOTAL_CAP + 1` means "more than that" (see `pagingOf`). Filter-only lists may be exact beyond. */
  total: number;
  hits: SearchHit[];
}

/** One page of the visible evidence matching the filters, best match first when searching, newest first otherwise. */
export async function searchItems(database: Database, actor: Actor, filters: EvidenceFilters): Promise<SearchResult> {
  return withTenant(database, tenantOf(actor), (tx) => searchIn(tx, filters));
}

/**
 * One page in one round trip, through `evidence_search_page()` (migration 0016): `evidence_search()`
 * chooses the ids, ranks and total (it applies the select policy's predicate itself so the GIN
 * indexes work, see migrations 0005 and 0014), and the page's rows, names and highlighted snippets
 * are read by joining its answer to `evidence_items` through RLS as usual, in a statement planned
 * once per connection. Pages start within the first `TOTAL_CAP` results; past them the function
 * returns nothing.
 */
export async function searchIn(tx: Tx, f: EvidenceFilters, pageSize = PAGE_SIZE): Promise<SearchResult> {
  const rows = rowsOf<{ total: number; id: string; title: string; type: ItemType; published_on: string | null; source_name: string | null; org_id: string; org_name: string; shared: boolean; snippet: string | null }>(
    await tx.execute(sql`select * from evidence_search_page(${searchArgs(f, pageSize, (f.page - 1) * pageSize)}, ${MARK_START}::text, ${MARK_END}::text)`),
  );
  // Past the last page (or the counted ones) there are no rows to carry the total: ask for it alone.
  const total = rows[0]?.total ?? (f.page > 1 ? await totalOf(tx, f) : 0);
  return {
    total,
    hits: rows.map((r) => ({
      id: r.id,
      title: r.title,
      type: r.type,
      publishedOn: r.published_on,
      sourceName: r.source_name,
      orgId: r.org_id,
      orgName: r.org_name,
      shared: r.shared,
      snippet: r.snippet ?? "",
    })),
  };
}

/** `evidence_search()`'s arguments, in its order. */
function searchArgs(f: EvidenceFilters, limit: number, offset: number) {
  return sql`${f.q ? searchableQuery(f.q) : null}::text, ${f.sourceId}::uuid, ${f.type}::text, ${f.from}::date, ${f.to}::date, ${f.outcomeId}::uuid, ${f.characteristicId}::uuid,
    ${f.psedId}::uuid, ${f.themeId}::uuid, ${f.concernedOrgId}::uuid, ${f.ownerOrgId}::uuid, ${f.scope}::text, ${limit}::int, ${offset}::int`;
}

async function totalOf(tx: Tx, f: EvidenceFilters): Promise<number> {
  const [row] = rowsOf<{ total: number }>(await tx.execute(sql`select total::int as total from evidence_search(${searchArgs(f, 1, 0)})`));
  return row?.total ?? 0;
}
