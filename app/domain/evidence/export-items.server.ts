import { sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { rowsOf } from "#db/client";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import type { Cell } from "~/lib/tabular/csv";
import { filterWhere } from "./search-items.server";
import type { EvidenceFilters } from "./filters";
import { ITEM_TYPE_LABELS } from "./labels";
import type { ItemType } from "#db/schema";

export const EXPORT_HEADERS = ["Title", "Type", "Source", "Published", "Period start", "Period end", "Owner organisation", "Shared", "Link", "Summary", "Findings", "Outcomes", "Characteristics", "PSED aims", "Themes", "Page"];
const MAX_ROWS = 50_000;

/** The filtered list (every page, up to 50,000 rows) as table rows for a CSV or XLSX download. */
export async function exportItems(database: Database, actor: Actor, filters: EvidenceFilters, baseUrl: string): Promise<Cell[][]> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const rows = rowsOf<Record<string, string | null> & { type: ItemType; shared: boolean }>(
      await tx.execute(sql`
        select i.id, i.title, i.type, s.name as source, i.published_on::text as published, i.period_start::text as period_start, i.period_end::text as period_end,
          o.name as org, i.shared_at is not null as shared, i.link, i.summary,
          (select string_agg(f.text, E'\n' order by f.position) from evidence_findings f where f.item_id = i.id) as findings,
          (select string_agg(fw.code || ' ' || fo.code, '; ' order by fw.code, fo.position) from framework_outcomes fo join frameworks fw on fw.id = fo.framework_id where fo.id = any(i.outcome_ids)) as outcomes,
          (select string_agg(c.name, '; ' order by c.position) from characteristics c where c.id = any(i.characteristic_ids)) as characteristics,
          (select string_agg(a.name, '; ' order by a.position) from psed_aims a where a.id = any(i.psed_ids)) as psed,
          (select string_agg(t.name, '; ' order by t.name) from evidence_themes t where t.id = any(i.theme_ids)) as themes
        from evidence_items i
        join organisations o on o.id = i.org_id
        left join evidence_sources s on s.id = i.source_id
        where ${filterWhere(filters, actor.active.orgId)}
        order by i.published_on desc nulls last, i.created_at desc
        limit ${MAX_ROWS}`),
    );
    return rows.map((r) => [
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
      r.findings,
      r.outcomes,
      r.characteristics,
      r.psed,
      r.themes,
      `${baseUrl}/evidence/${r.id}`,
    ]);
  });
}
