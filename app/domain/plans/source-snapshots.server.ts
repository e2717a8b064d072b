import { inArray, sql } from "drizzle-orm";
import type { Tx } from "#db/client";
import { characteristics, evidenceItems, frameworkOutcomes, frameworks, psedAims, registerRows, type EvidenceLink, type PulledSourceKind, type SourceSnapshot } from "#db/schema";
import { isUuid } from "~/lib/ids";

export interface SourceRef {
  kind: PulledSourceKind;
  id: string;
}

export interface CurrentSource {
  snapshot: SourceSnapshot;
  /** Where a reader goes to see the source. */
  href: string;
  evidence: EvidenceLink[];
}

export const sourceKey = (ref: SourceRef) => `${ref.kind}:${ref.id}`;


/**
 * The sources as they are now, as this tenant may see them (RLS: the collaborative's register,
 * own and shared evidence). A source missing from the answer was removed or is no longer shared.
 */
export async function loadCurrentSources(tx: Tx, refs: SourceRef[]): Promise<Map<string, CurrentSource>> {
  const out = new Map<string, CurrentSource>();
  const rowKeys = [...new Set(refs.filter((r) => r.kind === "register").map((r) => r.id))];
  const itemIds = [...new Set(refs.filter((r) => r.kind === "evidence" && isUuid(r.id)).map((r) => r.id))];
  if (rowKeys.length) {
    const rows = await tx.select().from(registerRows).where(inArray(registerRows.rowKey, rowKeys));
    for (const r of rows) {
      out.set(sourceKey({ kind: "register", id: r.rowKey }), {
        snapshot: {
          title: r.barrier,
          barrier: r.barrier,
          issue: r.issue,
          characteristics: [...r.characteristics].sort(),
          edsOutcomes: [...r.edsOutcomes].sort(),
          psedAims: [...r.psedAims].sort(),
        },
        href: `/register#row-${r.rowKey}`,
        evidence: r.evidence,
      });
    }
  }
  if (itemIds.length) {
    const items = await tx
      .select({
        id: evidenceItems.id,
        title: evidenceItems.title,
        summary: evidenceItems.summary,
        characteristics: sql<string[]>`coalesce((select array_agg(c.code order by c.code) from ${characteristics} c where c.id = any(${evidenceItems.characteristicIds})), '{}')`,
        outcomes: sql<string[]>`coalesce((select array_agg(f.code || ':' || o.code order by f.code, o.code) from ${frameworkOutcomes} o join ${frameworks} f on f.id = o.framework_id where o.id = any(${evidenceItems.outcomeIds})), '{}')`,
        aims: sql<string[]>`coalesce((select array_agg(a.code order by a.code) from ${psedAims} a where a.id = any(${evidenceItems.psedIds})), '{}')`,
      })
      .from(evidenceItems)
      .where(inArray(evidenceItems.id, itemIds));
    for (const item of items) {
      out.set(sourceKey({ kind: "evidence", id: item.id }), {
        snapshot: {
          title: item.title,
          barrier: item.title,
          issue: item.summary,
          characteristics: item.characteristics,
          edsOutcomes: item.outcomes,
          psedAims: item.aims,
        },
        href: `/evidence/${item.id}`,
        evidence: [{ url: `/evidence/${item.id}`, title: item.title, evidenceId: item.id }],
      });
    }
  }
  return out;
}

/** One source, or null when this tenant cannot see it. */
export async function loadCurrentSource(tx: Tx, ref: SourceRef): Promise<CurrentSource | null> {
  return (await loadCurrentSources(tx, [ref])).get(sourceKey(ref)) ?? null;
}

export const isSourceKind = (value: string): value is PulledSourceKind => value === "register" || value === "evidence";
