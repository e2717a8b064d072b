import { sql } from "drizzle-orm";
import { rowsOf, type Tx } from "#db/client";
import { evidenceIdsIn } from "~/lib/import/evidence-links";

/**
 * Of the evidence items an uploaded table links to ("/evidence/<id>", as our exports write them),
 * those the importer may link: ones they can see (their organisation's and shared ones; row-level
 * security decides), and for the shared register only shared ones, as its picker offers (every
 * member reads the register, so a private item's title must not reach it). The imports link only
 * to these, so a file cannot plant a link to an item its importer may not read, and with each
 * item's title as the library has it (a file's text does not rename an item).
 */
export async function linkableEvidenceIn(tx: Tx, table: { rows: { cells: Record<string, string> }[] }, options: { sharedOnly: boolean }): Promise<Map<string, string>> {
  const ids = evidenceIdsIn(table.rows.flatMap((r) => Object.values(r.cells)));
  if (ids.length === 0) return new Map();
  const found = rowsOf<{ id: string; title: string }>(
    await tx.execute(
      sql`select id::text, title from evidence_items where id = any(${`{${ids.join(",")}}`}::uuid[]) ${options.sharedOnly ? sql`and shared_at is not null` : sql``}`,
    ),
  );
  return new Map(found.map((f) => [f.id, f.title]));
}
