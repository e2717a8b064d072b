import { sql, type SQL } from "drizzle-orm";
import type { Database } from "#db/client";
import { rowsOf } from "#db/client";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import type { Cell } from "~/lib/tabular/csv";
import { findingsCell, numberedLines } from "./findings-cell";
import { filterWhere } from "./search-items.server";
import type { EvidenceFilters } from "./filters";
import { ITEM_TYPE_LABELS } from "./labels";
import type { ItemType, TagKind } from "#db/schema";

/**
 * "Outcomes" to "Themes" are the item's own tags, and "Finding outcomes" to "Finding themes" its
 * findings', a line for each finding that has any, numbered as the finding is in "Findings": the
 * columns the import reads, so a download imported again gives each item and each finding back its
 * own tags. The "All ..." columns are the tags as the list's filters count them (the findings' tags
 * too, and a group's parent characteristic), for reading; the import ignores them.
 */
export const EXPORT_HEADERS = [
  "Title",
  "Type",
  "Source",
  "Published",
  "Period start",
  "Period end",
  "Owner organisation",
  "Shared",
  "Link",
  "Summary",
  "Findings",
  "Outcomes",
  "Characteristics",
  "PSED aims",
  "Themes",
  "Finding outcomes",
  "Finding characteristics",
  "Finding PSED aims",
  "Finding themes",
  "All outcomes (item and findings)",
  "All characteristics (item and findings)",
  "All PSED aims (item and findings)",
  "All themes (item and findings)",
  "Page",
];
const MAX_ROWS = 50_000;

/** The names of the tags whose ids `ids` holds, as the import reads them (outcomes with their framework). */
const tagNames = (kind: TagKind, ids: SQL): SQL =>
  ({
    outcome: sql`(select string_agg(fw.code || ' ' || fo.code, '; ' order by fw.code, fo.position) from framework_outcomes fo join frameworks fw on fw.id = fo.framework_id where fo.id = any(${ids}))`,
    characteristic: sql`(select string_agg(c.name, '; ' order by c.position) from characteristics c where c.id = any(${ids}))`,
    psed: sql`(select string_agg(a.name, '; ' order by a.position) from psed_aims a where a.id = any(${ids}))`,
    theme: sql`(select string_agg(t.name, '; ' order by t.name) from evidence_themes t where t.id = any(${ids}))`,
  })[kind];
/** Tags on the item itself (a finding's tags have a finding_id). */
const own = (kind: TagKind): SQL => tagNames(kind, sql`array(select et.ref_id from evidence_tags et where et.item_id = i.id and et.finding_id is null and et.kind = ${kind})`);
/** Each finding's tags of a kind, in the findings' order ('' for a finding without). */
const findings = (kind: TagKind): SQL =>
  sql`array_agg(coalesce(${tagNames(kind, sql`array(select et.ref_id from evidence_tags et where et.finding_id = f.id and et.kind = ${kind})`)}, '') order by f.position, f.created_at)`;

/** The filtered list (every page, up to 50,000 rows) as table rows for a CSV or XLSX download. */
export async function exportItems(database: Database, actor: Actor, filters: EvidenceFilters, baseUrl: string): Promise<Cell[][]> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    type FindingLists = Record<"findings" | "finding_outcomes" | "finding_characteristics" | "finding_psed" | "finding_themes", string[] | null>;
    const rows = rowsOf<Record<string, string | null> & { type: ItemType; shared: boolean } & FindingLists>(
      await tx.execute(sql`
        select i.id, i.title, i.type, s.name as source, i.published_on::text as published, i.period_start::text as period_start, i.period_end::text as period_end,
          o.name as org, i.shared_at is not null as shared, i.link, i.summary,
          ft.findings, ft.finding_outcomes, ft.finding_characteristics, ft.finding_psed, ft.finding_themes,
          ${own("outcome")} as outcomes, ${own("characteristic")} as characteristics, ${own("psed")} as psed, ${own("theme")} as themes,
          ${tagNames("outcome", sql`i.outcome_ids`)} as all_outcomes, ${tagNames("characteristic", sql`i.characteristic_ids`)} as all_characteristics,
          ${tagNames("psed", sql`i.psed_ids`)} as all_psed, ${tagNames("theme", sql`i.theme_ids`)} as all_themes
        from evidence_items i
        join organisations o on o.id = i.org_id
        left join evidence_sources s on s.id = i.source_id
        -- The findings and their tags, in one pass over the item's findings.
        left join lateral (
          select array_agg(f.text order by f.position, f.created_at) as findings, ${findings("outcome")} as finding_outcomes,
            ${findings("characteristic")} as finding_characteristics, ${findings("psed")} as finding_psed, ${findings("theme")} as finding_themes
          from evidence_findings f where f.item_id = i.id) ft on true
        where ${filterWhere(filters, actor.active.orgId)}
        order by i.published_on desc nulls last, i.created_at desc
        limit ${MAX_ROWS}`),
    );
    return rows.map((r) => {
      const findingTags = [r.finding_outcomes, r.finding_characteristics, r.finding_psed, r.finding_themes].map((tags) => numberedLines(tags ?? []));
      return [
        r.title,
        ITEM_TYPE_LABELS[r.type],
        r.source,
        r.published,
        r.period_start,
        r.period_end,
        r.org,
        r.shared ? "Yes" : "No",
        r.link,
        r.summary,
        r.findings ? findingsCell(r.findings, findingTags.some(Boolean)) : null,
        r.outcomes,
        r.characteristics,
        r.psed,
        r.themes,
        ...findingTags,
        r.all_outcomes,
        r.all_characteristics,
        r.all_psed,
        r.all_themes,
        `${baseUrl}/evidence/${r.id}`,
      ];
    });
  });
}
