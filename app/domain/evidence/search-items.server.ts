import { sql, type SQL } from "drizzle-orm";
import type { Database, Tx } from "#db/client";
import { rowsOf } from "#db/client";
import type { ItemType } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { MARK_END, MARK_START, PAGE_SIZE, type EvidenceFilters } from "./filters";

/** How much of an item's attached text is searched for snippet passages (the index covers more). */
const SNIPPET_FILE_CHARS = 100_000;
/** Text up to this long goes to ts_headline whole; longer text as passages around the matches. */
const SNIPPET_WHOLE_CHARS = 300;
/** When no word appears as typed (only stemmed forms), ts_headline gets this much of the opening. */
const SNIPPET_OPENING_CHARS = 2_000;

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
 * One page in one round trip: `evidence_search()` chooses the ids, ranks and total (it applies the
 * select policy's predicate itself so the GIN indexes work, see migrations 0005 and 0014), and the
 * page's rows, names and snippets are read by joining its answer to `evidence_items` through RLS as
 * usual. Pages start within the first `TOTAL_CAP` results; past them the function returns nothing.
 */
export async function searchIn(tx: Tx, f: EvidenceFilters, pageSize = PAGE_SIZE): Promise<SearchResult> {
  const q = f.q || null;
  const rows = rowsOf<{ total: number; id: string; title: string; type: ItemType; published_on: string | null; source_name: string | null; org_id: string; org_name: string; shared: boolean; snippet: string | null }>(
    await tx.execute(sql`
      select s.total::int as total, i.id, i.title, i.type, i.published_on::text as published_on,
        (select src.name from evidence_sources src where src.id = i.source_id) as source_name,
        i.org_id, (select o.name from organisations o where o.id = i.org_id) as org_name, i.shared_at is not null as shared,
        ${q ? snippetOf() : sql`null::text`} as snippet
      from ${searchCall(f, pageSize, (f.page - 1) * pageSize)} with ordinality as s(id, rank, total, n)
      join evidence_items i on i.id = s.id
      ${q ? snippetSource(q) : sql``}
      order by s.n`),
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

function searchCall(f: EvidenceFilters, limit: number, offset: number) {
  return sql`evidence_search(
    ${f.q || null}::text, ${f.sourceId}::uuid, ${f.type}::text, ${f.from}::date, ${f.to}::date, ${f.outcomeId}::uuid, ${f.characteristicId}::uuid,
    ${f.psedId}::uuid, ${f.themeId}::uuid, ${f.concernedOrgId}::uuid, ${f.ownerOrgId}::uuid, ${f.scope}::text, ${limit}::int, ${offset}::int)`;
}

async function totalOf(tx: Tx, f: EvidenceFilters): Promise<number> {
  const [row] = rowsOf<{ total: number }>(await tx.execute(sql`select total::int as total from ${searchCall(f, 1, 0)}`));
  return row?.total ?? 0;
}

/**
 * For snippets: the query once (w); per result row its summary, findings and attached files' text
 * joined (x), read through RLS like the rest of the row, and where the query's words first appear
 * in it (y: as word prefixes, so "waiting" finds "wait"; 0 if nowhere). OFFSET 0 keeps the planner
 * from copying x's subqueries into every use of the text.
 */
function snippetSource(q: string): SQL {
  return sql`cross join (select websearch_to_tsquery('english', ${q}) as tsq, evidence_snippet_pattern(${q}) as pattern) w
    cross join lateral (select concat_ws(' … ', nullif(i.summary, ''),
      (select string_agg(f.text, ' … ' order by f.position) from evidence_findings f where f.item_id = i.id),
      (select left(string_agg(a.extracted_text, ' … '), ${SNIPPET_FILE_CHARS}) from evidence_attachments a where a.item_id = i.id)) as text
      offset 0) x
    cross join lateral (select coalesce(regexp_instr(x.text, w.pattern, 1, 1, 0, 'i'), 0) as at) y`;
}

/**
 * Highlighted fragments for one result row: ts_headline over bounded text, the passage around the
 * first place the words appear (200 characters from a little before it, without the words cut at
 * either end), so a word deep inside a long file is still shown and ts_headline never parses
 * whole documents (parsing was most of a page's time on PGlite). Short text goes whole; so does
 * the opening of text where the words appear only in another form ("ponies" for "pony"), for
 * ts_headline to find. (Written out here rather than as a SQL function, which PostgreSQL would
 * call row by row, at a cost.)
 */
function snippetOf(): SQL {
  const passage = sql`regexp_replace(substr(x.text, greatest(1, y.at - 60), 200),
    case when y.at <= 61 then '' else '^\S*\s+' end || case when y.at + 140 < length(x.text) then (case when y.at <= 61 then '' else '|' end) || '\s+\S*$' else '' end,
    '', 'g')`;
  return sql`ts_headline('english',
    case
      when length(x.text) <= ${SNIPPET_WHOLE_CHARS} then x.text
      when y.at = 0 then left(x.text, ${SNIPPET_OPENING_CHARS})
      else ${passage}
    end,
    w.tsq,
    ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=" … "`})`;
}
