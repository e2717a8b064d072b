import { desc, eq, isNotNull } from "drizzle-orm";
import type { Tx } from "#db/client";
import { evidenceItems, organisations } from "#db/schema";
import type { EvidenceChoice } from "~/lib/register/options";

/**
 * Evidence items a register row or plan action can link to, most recent first: for the shared
 * register only items shared with the collaborative (every reader must be able to open the link);
 * for a plan, the organisation's own items too (RLS decides what is visible).
 */
export async function loadEvidenceLinkChoices(tx: Tx, options: { sharedOnly: boolean; limit?: number }): Promise<EvidenceChoice[]> {
  const rows = await tx
    .select({ id: evidenceItems.id, title: evidenceItems.title, orgName: organisations.name, sharedAt: evidenceItems.sharedAt })
    .from(evidenceItems)
    .innerJoin(organisations, eq(organisations.id, evidenceItems.orgId))
    .where(options.sharedOnly ? isNotNull(evidenceItems.sharedAt) : undefined)
    .orderBy(desc(evidenceItems.publishedOn), desc(evidenceItems.createdAt))
    .limit(options.limit ?? 300);
  return rows.map((r) => ({ id: r.id, label: `${r.title} (${r.orgName}${r.sharedAt ? ", shared" : ", private to your organisation"})`, title: r.title }));
}
