import { inArray } from "drizzle-orm";
import type { Tx } from "#db/client";
import { evidenceItems, type EvidenceLink } from "#db/schema";
import { itemIdOfPath } from "~/lib/import/evidence-links";
import { isUuid } from "~/lib/ids";

/** What a link to an evidence item the reader cannot see shows instead of its title. */
export const UNREADABLE_EVIDENCE = "An evidence item you cannot see (private to its organisation, or deleted)";

export interface ReadableEvidenceLink extends EvidenceLink {
  /** The linked item is not visible to the reader: `title` is `UNREADABLE_EVIDENCE`, not the stored one. */
  unreadable?: boolean;
}

/**
 * Register rows with each link to an evidence-library item titled as the reader may see it. A
 * row keeps the title written when the item was linked, but the item may since have been made
 * private again (or edited and re-shared with its title redacted), and an import can link an
 * item private to the importer's organisation: the stored title would then show another
 * organisation's private evidence to every member. So titles come from the library, as
 * row-level security lets this reader see it; an item they cannot see is named by a neutral
 * phrase (its address is kept, so the owner organisation's export still imports again).
 */
export async function withReadableEvidence<R extends { evidence: EvidenceLink[] }>(tx: Tx, rows: R[]): Promise<(Omit<R, "evidence"> & { evidence: ReadableEvidenceLink[] })[]> {
  const itemOf = (link: EvidenceLink) => link.evidenceId?.toLowerCase() ?? itemIdOfPath(link.url);
  // Ids come from the shared document, which any member's client writes: only well-formed ones reach SQL.
  const ids = [...new Set(rows.flatMap((r) => r.evidence.map(itemOf)).filter((id): id is string => id !== null && isUuid(id)))];
  const titles = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const found = await tx
      .select({ id: evidenceItems.id, title: evidenceItems.title })
      .from(evidenceItems)
      .where(inArray(evidenceItems.id, ids.slice(i, i + 1000)));
    for (const f of found) titles.set(f.id.toLowerCase(), f.title);
  }
  return rows.map((row) => ({
    ...row,
    evidence: row.evidence.map((link): ReadableEvidenceLink => {
      const id = itemOf(link);
      if (id === null) return link;
      const title = titles.get(id);
      return title === undefined ? { ...link, title: UNREADABLE_EVIDENCE, unreadable: true } : { ...link, title };
    }),
  }));
}
