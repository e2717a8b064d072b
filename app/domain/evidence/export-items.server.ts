import { sql, type SQL } from "drizzle-orm";
import type { Database } from "#db/client";
import { rowsOf } from "#db/client";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import type { Cell } from "~/lib/tabular/csv";
import { DECISION_LABELS } from "~/lib/recommendations";
import { findingsCell, numberedLines, numberedTexts } from "./findings-cell";
import { filterWhere } from "./search-items.server";
import type { EvidenceFilters } from "./filters";
import { FINDING_KIND_LABELS, ITEM_TYPE_LABELS } from "./labels";
import type { FindingKind, ItemType, ResponseDecision, TagKind } from "#db/schema";

/**
 * "Outcomes" to "Themes" are the item's own tags, and "Finding outcomes" to "Finding themes" its
 * findings', a line for each finding that has any, numbered as the finding is in "Findings": the
 * columns the import reads, so a download imported again gives each item and each finding back its
 * own tags. The "All ..." columns are the tags as the list's filters count them (the findings' tags
 * too, and a group's parent characteristic), for reading; the import ignores them.
 *
 * "Finding kinds" names each quote by its number (a finding not named is a key issue, as the
 * import reads a blank). "Recommendations" to "Recommendation response" are the item's
 * recommendations, as the import reads them back (RECOMMENDATION_COLUMNS says what travels and why);
 * "Recommendation answers", the latest answer of the organisation addressed, is for reading only.
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
  "Finding kinds",
  "Finding outcomes",
  "Finding characteristics",
  "Finding PSED aims",
  "Finding themes",
  "Recommendations",
  "Recommendation addressed to",
  "Recommendation response due",
  "Recommendation response",
  "Recommendation answers",
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
    type FindingLists = Record<"findings" | "finding_outcomes" | "finding_characteristics" | "finding_psed" | "finding_themes", string[] | null> & { finding_kinds: FindingKind[] | null };
    type RecommendationLists = Record<"recommendations" | "rec_addressed_to" | "rec_due" | "rec_responses" | "rec_answer_at" | "rec_answer_body", string[] | null> & { rec_decision: (ResponseDecision | "")[] | null };
    const rows = rowsOf<Record<string, string | null> & { type: ItemType; shared: boolean } & FindingLists & RecommendationLists>(
      await tx.execute(sql`
        select i.id, i.title, i.type, s.name as source, i.published_on::text as published, i.period_start::text as period_start, i.period_end::text as period_end,
          o.name as org, i.shared_at is not null as shared, i.link, i.summary,
          ft.findings, ft.finding_kinds, ft.finding_outcomes, ft.finding_characteristics, ft.finding_psed, ft.finding_themes,
          ${own("outcome")} as outcomes, ${own("characteristic")} as characteristics, ${own("psed")} as psed, ${own("theme")} as themes,
          ${tagNames("outcome", sql`i.outcome_ids`)} as all_outcomes, ${tagNames("characteristic", sql`i.characteristic_ids`)} as all_characteristics,
          ${tagNames("psed", sql`i.psed_ids`)} as all_psed, ${tagNames("theme", sql`i.theme_ids`)} as all_themes,
          rt.recommendations, rt.rec_addressed_to, rt.rec_due, rt.rec_responses, rt.rec_decision, rt.rec_answer_at, rt.rec_answer_body
        from evidence_items i
        join organisations o on o.id = i.org_id
        left join evidence_sources s on s.id = i.source_id
        -- The findings and their tags, in one pass over the item's findings.
        left join lateral (
          select array_agg(f.text order by f.position, f.created_at) as findings, array_agg(f.kind order by f.position, f.created_at) as finding_kinds, ${findings("outcome")} as finding_outcomes,
            ${findings("characteristic")} as finding_characteristics, ${findings("psed")} as finding_psed, ${findings("theme")} as finding_themes
          from evidence_findings f where f.item_id = i.id) ft on true
        -- The recommendations in the item page's order, with whom each is addressed to and the latest answer
        -- ('' for none: a NULL inside an array does not come back as null from every driver).
        left join lateral (
          select array_agg(r.text order by r.created_at, r.id) as recommendations, array_agg(coalesce(ro.name, '') order by r.created_at, r.id) as rec_addressed_to,
            array_agg(coalesce(r.response_due::text, '') order by r.created_at, r.id) as rec_due, array_agg(r.response order by r.created_at, r.id) as rec_responses,
            array_agg(coalesce(ra.decision, '') order by r.created_at, r.id) as rec_decision, array_agg(coalesce(ra.at, '') order by r.created_at, r.id) as rec_answer_at,
            array_agg(coalesce(ra.body, '') order by r.created_at, r.id) as rec_answer_body
          from evidence_recommendations r
          left join organisations ro on ro.id = r.addressed_to_org_id
          left join lateral (
            select rr.decision, rr.body, (rr.responded_at at time zone 'Europe/London')::date::text as at from recommendation_responses rr
            where rr.recommendation_id = r.id order by rr.responded_at desc, rr.id desc limit 1) ra on true
          where r.item_id = i.id) rt on true
        where ${filterWhere(filters, actor.active.orgId)}
        order by i.published_on desc nulls last, i.created_at desc
        limit ${MAX_ROWS}`),
    );
    return rows.map((r) => {
      const findingTags = [r.finding_outcomes, r.finding_characteristics, r.finding_psed, r.finding_themes].map((tags) => numberedLines(tags ?? []));
      const findingKinds = numberedLines((r.finding_kinds ?? []).map((kind) => (kind === "issue" ? "" : FINDING_KIND_LABELS[kind])));
      const recommendations = r.recommendations ?? [];
      const recommendationColumns = [numberedLines(r.rec_addressed_to ?? []), numberedLines(r.rec_due ?? []), numberedTexts(r.rec_responses ?? [])];
      const answers = numberedTexts((r.rec_decision ?? []).map((decision, n) => (decision ? `${DECISION_LABELS[decision]} (${r.rec_addressed_to?.[n] || "the organisation addressed"}, ${r.rec_answer_at?.[n]}): ${r.rec_answer_body?.[n]}` : "")));
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
        r.findings ? findingsCell(r.findings, [findingKinds, ...findingTags].some(Boolean)) : null,
        r.outcomes,
        r.characteristics,
        r.psed,
        r.themes,
        findingKinds,
        ...findingTags,
        recommendations.length ? findingsCell(recommendations, [...recommendationColumns, answers].some(Boolean)) : null,
        ...recommendationColumns,
        answers,
        r.all_outcomes,
        r.all_characteristics,
        r.all_psed,
        r.all_themes,
        `${baseUrl}/evidence/${r.id}`,
      ];
    });
  });
}
