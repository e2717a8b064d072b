import { eq, inArray } from "drizzle-orm";
import type { Tx } from "#db/client";
import { evidenceSources, organisations } from "#db/schema";
import { invalid } from "~/domain/errors";

/** The source and concerned organisations must be ones this actor can see (RLS decides), or the form says which field is wrong. */
export async function checkReferences(tx: Tx, input: { sourceId: string | null; concernedOrgIds: string[] }) {
  if (input.sourceId) {
    const [source] = await tx.select({ id: evidenceSources.id }).from(evidenceSources).where(eq(evidenceSources.id, input.sourceId));
    if (!source) throw invalid({ sourceId: "Select a source from the list" });
  }
  if (input.concernedOrgIds.length) {
    const found = await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, input.concernedOrgIds));
    if (found.length !== new Set(input.concernedOrgIds).size) throw invalid({ concernedOrgIds: "Select organisations from the list" });
  }
}
