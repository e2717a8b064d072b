import { inArray, sql } from "drizzle-orm";
import * as Y from "yjs";
import { rowsOf, type Tx } from "#db/client";
import { plans } from "#db/schema";
import { loadDocumentState } from "~/domain/collab/document-store.server";
import { readActions } from "~/lib/plan/model";
import { readRows } from "~/lib/register/model";

/** A link to an item found in a stored document: the row it is on, as the delete page names it. */
export interface DocumentLinks {
  registerRows: { key: string; position: number; barrier: string }[];
  planActions: { key: string; planId: string; planTitle: string; action: string }[];
}

/**
 * Where the register and plans, as stored, link to an item: what their SQL copy may not show yet.
 * The collaboration server projects a document's rows up to a second after an edit settles, so an
 * item linked just now is in the stored updates before it is in `register_rows` or `plan_actions`,
 * and a check of those alone would let it be deleted under the new link.
 *
 * Only documents whose stored bytes mention the item's id are read (Yjs stores strings as UTF-8,
 * so a link's `evidenceId` is there as text); each is decoded and its rows' current links read, so
 * a link added and removed again does not count. Row-level security limits the documents to the
 * actor's collaborative's register and their own organisation's plans: the only documents that can
 * link a private item (a shared item cannot be deleted).
 */
export async function linksInStoredDocuments(tx: Tx, itemId: string): Promise<DocumentLinks> {
  const needle = sql`convert_to(${itemId}::text, 'UTF8')`;
  const documents = rowsOf<{ document: string }>(
    await tx.execute(sql`
      select document from collab_updates where payload is not null and position(${needle} in payload) > 0
      union
      select document from collab_snapshots where position(${needle} in state) > 0`),
  ).map((d) => d.document);

  const found: DocumentLinks = { registerRows: [], planActions: [] };
  const planIds = documents.filter((d) => d.startsWith("plan:")).map((d) => d.slice("plan:".length));
  const titles = new Map(
    planIds.length ? (await tx.select({ id: plans.id, title: plans.title }).from(plans).where(inArray(plans.id, planIds))).map((p) => [p.id, p.title]) : [],
  );
  for (const document of documents.sort()) {
    const doc = await readStored(tx, document);
    try {
      if (document.startsWith("register:")) {
        readRows(doc).forEach((row, position) => {
          if (row.evidence.some((l) => l.evidenceId === itemId)) found.registerRows.push({ key: row.key, position, barrier: row.barrier });
        });
      } else if (document.startsWith("plan:")) {
        const planId = document.slice("plan:".length);
        for (const a of readActions(doc)) {
          const linked = a.evidence.some((l) => l.evidenceId === itemId) || (a.source?.kind === "evidence" && a.source.id === itemId);
          if (linked) found.planActions.push({ key: a.key, planId, planTitle: titles.get(planId) ?? "A plan", action: a.action || a.barrier || "An action without text yet" });
        }
      }
    } finally {
      doc.destroy();
    }
  }
  return found;
}

async function readStored(tx: Tx, document: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const part of await loadDocumentState(tx, document)) Y.applyUpdate(doc, part);
  return doc;
}
