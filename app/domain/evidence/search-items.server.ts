import { sql, type SQL } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { rowsOf } from "#db/client";
import type { ItemType } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { MARK_END, MARK_START, PAGE_SIZE, type EvidenceFilters } from "./filters";

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
 * actor's own and the collaborative's shared items). Tag filters read the item's derived tag
 * arrays (item and finding tags, parent characteristics included), so one GIN lookup serves them.
 */
export function filterWhere(f: EvidenceFilters, orgId: string): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.q) parts.push(sql`i.search @@ websearch_to_tsquery('english', ${f.q})`);
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

/** One page of the visible evidence matching the filters, best match first when searching, newest first otherwise. */
export async function searchItems(database: Database, actor: Actor, filters: EvidenceFilters): Promise<{ total: number; hits: SearchHit[] }> {
  return withTenant(database, tenantOf(actor), (tx) => searchIn(tx, filters));
}

/**
 * One page: ids, ranks and the total come from `evidence_search()` (which applies the select
 * policy's predicate itself so the GIN indexes work, see the migration), then the rows are read
 * through RLS as usual.
 */
export async function searchIn(tx: Tx, f: EvidenceFilters, pageSize = PAGE_SIZE): Promise<{ total: number; hits: SearchHit[] }> {
  const page = await searchPage(tx, f, pageSize, (f.page - 1) * pageSize);
  const ids = page.map((p) => p.id);
  // Past the last page there are no rows to carry the total: ask for it alone.
  const total = page[0]?.total ?? (f.page > 1 ? ((await searchPage(tx, f, 1, 0))[0]?.total ?? 0) : 0);
  if (!ids.length) return { total, hits: [] };
  const idArray = `{${ids.join(",")}}`;
  const rows = rowsOf<{ id: string; title: string; type: ItemType; published_on: string | null; source_name: string | null; org_id: string; org_name: string; shared: boolean }>(
    await tx.execute(sql`
      select i.id, i.title, i.type, i.published_on::text as published_on, s.name as source_name, i.org_id, o.name as org_name, i.shared_at is not null as shared
      from evidence_items i
      left join evidence_sources s on s.id = i.source_id
      join organisations o on o.id = i.org_id
      where i.id = any(${idArray}::uuid[])
      order by array_position(${idArray}::uuid[], i.id)`),
  );
  const snippets = f.q ? await snippetsFor(tx, ids, f.q) : new Map<string, string>();
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
      snippet: snippets.get(r.id) ?? "",
    })),
  };
}

function searchPage(tx: Tx, f: EvidenceFilters, limit: number, offset: number) {
  return tx
    .execute(
      sql`select id, total::int as total from evidence_search(
        ${f.q || null}::text, ${f.sourceId}::uuid, ${f.type}::text, ${f.from}::date, ${f.to}::date, ${f.outcomeId}::uuid, ${f.characteristicId}::uuid,
        ${f.psedId}::uuid, ${f.themeId}::uuid, ${f.concernedOrgId}::uuid, ${f.ownerOrgId}::uuid, ${f.scope}::text, ${limit}::int, ${offset}::int)`,
    )
    .then((r) => rowsOf<{ id: string; total: number }>(r));
}

/** Highlighted fragments from the summary, findings and attachment text, for the page's results only. */
export async function snippetsFor(tx: Tx, ids: string[], q: string): Promise<Map<string, string>> {
  const rows = rowsOf<{ id: string; snippet: string }>(
    await tx.execute(sql`
      select i.id, ts_headline('english',
        concat_ws(' … ', nullif(i.summary, ''),
          (select string_agg(f.text, ' … ') from evidence_findings f where f.item_id = i.id),
          (select left(string_agg(a.extracted_text, ' … '), 100000) from evidence_attachments a where a.item_id = i.id)),
        websearch_to_tsquery('english', ${q}),
        ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=" … "`}) as snippet
      from evidence_items i where i.id = any(${`{${ids.join(",")}}`}::uuid[])`),
  );
  return new Map(rows.map((r) => [r.id, r.snippet]));
}
