import type { EvidenceLink } from "#db/schema";

/** How an export writes a link to an evidence item of the library: its page, "/evidence/<id>". */
const ITEM_PATH = /^\/evidence\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const ITEM_PATHS = /\/evidence\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;

/** The evidence item an address is the page of ("/evidence/<id>", lower-case), or null. */
export const itemIdOfPath = (url: string): string | null => ITEM_PATH.exec(url)?.[1]?.toLowerCase() ?? null;

/** Every evidence item id a table's cells link to, to ask the database which the importer can see. */
export function evidenceIdsIn(cells: Iterable<string>): string[] {
  const ids = new Set<string>();
  for (const cell of cells) for (const m of cell.matchAll(ITEM_PATHS)) ids.add(m[1]!.toLowerCase());
  return [...ids];
}

/** Why an evidence item's link is refused, unless the import says better. */
export const NOT_VISIBLE = "is not an evidence item you can see (it may have been deleted, or be private to another organisation)";

/**
 * A "Supporting evidence" cell: links separated by ";" or lines, each "Title <address>" or the
 * address alone. An address is a web address, or an evidence item's page as our exports write it
 * ("/evidence/<id>"), which becomes a link to that item again if the importer may link it
 * (`linkable`, from `linkableEvidenceIn`: id to the library's title, which the link takes); any
 * other item is refused with `refusal`.
 */
export function readEvidenceLinks(text: string, linkable: ReadonlyMap<string, string>, fail: (message: string) => void, refusal = NOT_VISIBLE): EvidenceLink[] {
  const links: EvidenceLink[] = [];
  for (const item of text.split(/[;\n]+/).map((s) => s.trim()).filter(Boolean)) {
    const match = /^(.*?)\s*<(\S+)>$/.exec(item);
    const url = match ? match[2]! : item;
    const title = match?.[1] || url;
    const itemId = itemIdOfPath(url);
    if (itemId) {
      const known = linkable.get(itemId);
      if (known !== undefined) links.push({ url: `/evidence/${itemId}`, title: known, evidenceId: itemId });
      else fail(`"${title}" ${refusal}`);
    } else if (/^https?:\/\/\S+$/i.test(url)) links.push({ url, title, evidenceId: null });
    else fail(`"${item}" is not a web address (write "Title <https://...>" or the address alone)`);
  }
  return links;
}
