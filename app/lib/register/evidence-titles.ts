import type { EvidenceLink } from "#db/schema";
import { itemIdOfPath } from "~/lib/import/evidence-links";
import { isUuid } from "~/lib/ids";

/** What a link to an evidence item the reader cannot see shows instead of its title. */
export const UNREADABLE_EVIDENCE = "An evidence item you cannot see (private to its organisation, or deleted)";

/**
 * Evidence-library items by id (lower-case), as one reader may see them: the library's current
 * title, or null when row-level security hides the item from them (private to another
 * organisation, or deleted).
 */
export type EvidenceTitles = Readonly<Record<string, string | null>>;

export interface ReadableEvidenceLink extends EvidenceLink {
  /** The linked item is not visible to the reader: `title` is `UNREADABLE_EVIDENCE`, not the stored one. */
  unreadable?: boolean;
}

/** The evidence-library item a link is to (lower-case), or null for a web link. */
export const evidenceItemOf = (link: EvidenceLink): string | null => link.evidenceId?.toLowerCase() ?? itemIdOfPath(link.url);

/**
 * A link titled as the reader may see it (see `readableEvidenceTitles`). An item `titles` does not
 * know keeps its stored title: it was linked after the titles were read, through the register's
 * picker or an import, which only link items shared with the collaborative. An id that is not one
 * (whatever a modified client wrote) names nothing the reader can see.
 */
export function readableLink(link: EvidenceLink, titles: EvidenceTitles): ReadableEvidenceLink {
  const id = evidenceItemOf(link);
  if (id === null) return link;
  const title = isUuid(id) ? (Object.hasOwn(titles, id) ? titles[id] : link.title) : null;
  return title === null || title === undefined ? { ...link, title: UNREADABLE_EVIDENCE, unreadable: true } : { ...link, title };
}
