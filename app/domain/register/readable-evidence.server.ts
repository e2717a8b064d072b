import { inArray } from "drizzle-orm";
import type { Tx } from "#db/client";
import { evidenceItems, type EvidenceLink } from "#db/schema";
import { isUuid } from "~/lib/ids";
import { evidenceItemOf, readableLink, type EvidenceTitles, type ReadableEvidenceLink } from "~/lib/register/evidence-titles";

export { UNREADABLE_EVIDENCE, type EvidenceTitles, type ReadableEvidenceLink } from "~/lib/register/evidence-titles";

/**
 * The evidence-library items these links are to, as row-level security lets this reader see
 * them: each id with the library's current title, or null when the reader cannot see the item.
 */
export async function readableEvidenceTitles(tx: Tx, links: Iterable<EvidenceLink>): Promise<EvidenceTitles> {
  // Ids come from the shared document, which any member's client writes: only well-formed ones reach SQL.
  const ids = [...new Set([...links].map(evidenceItemOf).filter((id): id is string => id !== null && isUuid(id)))];
  const titles: Record<string, string | null> = Object.fromEntries(ids.map((id) => [id, null]));
  for (let i = 0; i < ids.length; i += 1000) {
    const found = await tx
      .select({ id: evidenceItems.id, title: evidenceItems.title })
      .from(evidenceItems)
      .where(inArray(evidenceItems.id, ids.slice(i, i + 1000)));
    for (const f of found) titles[f.id.toLowerCase()] = f.title;
  }
  return titles;
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
  const titles = await readableEvidenceTitles(tx, rows.flatMap((r) => r.evidence));
  return rows.map((row) => ({ ...row, evidence: row.evidence.map((link) => readableLink(link, titles)) }));
}
