import { asc, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { registerRows, registers, type LegendEntry } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import type { RegisterRow } from "~/lib/register/model";
import type { RegisterOptions } from "~/lib/register/options";
import { loadEvidenceLinkChoices } from "~/domain/evidence/link-choices.server";
import { readableLink, type EvidenceTitles } from "~/lib/register/evidence-titles";
import { readableEvidenceTitles } from "./readable-evidence.server";
import { loadRowOptions } from "./row-options.server";
import { canEditSharedRegister } from "~/policies/register";

export interface OpenedRegister {
  /** The Yjs document the page edits over the collaboration socket. */
  document: string;
  collaborativeId: string;
  title: string;
  legend: LegendEntry[];
  canEdit: boolean;
  options: RegisterOptions;
  /**
   * With `withRows`: the rows as last projected, which the page shows while the live document
   * connects, their evidence links titled as this reader may see them.
   */
  saved: RegisterRow[];
  /**
   * With `withRows`: the evidence items those rows link to, as this reader may see them. The grid
   * titles the live document's links by it: the document keeps the title written when an item was
   * linked, which may since have changed, or be another organisation's private evidence.
   */
  evidenceTitles: EvidenceTitles;
}

/**
 * The active collaborative's shared register (created on first visit by anyone who may edit it),
 * with the pickers' reference data. Null when it does not exist yet and this person cannot create it.
 */
export async function openRegister(database: Database, actor: Actor, load: { withRows?: boolean } = {}): Promise<OpenedRegister | null> {
  const canEdit = canEditSharedRegister(actor.active.role);
  return withTenant(database, tenantOf(actor), async (tx) => {
    const collaborativeId = actor.active.collaborativeId;
    if (canEdit) await tx.insert(registers).values({ collaborativeId }).onConflictDoNothing();
    const [register] = await tx.select().from(registers).where(eq(registers.collaborativeId, collaborativeId));
    if (!register) return null;
    const options = { ...(await loadRowOptions(tx)), evidence: await loadEvidenceLinkChoices(tx, { sharedOnly: true }) };
    const stored = load.withRows ? await tx.select().from(registerRows).where(eq(registerRows.collaborativeId, collaborativeId)).orderBy(asc(registerRows.position)) : [];
    const evidenceTitles = await readableEvidenceTitles(tx, stored.flatMap((r) => r.evidence));
    const saved = stored.map(
      ({ collaborativeId: _c, projectedAt: _p, rowKey, evidence, ...fields }): RegisterRow => ({ key: rowKey, ...fields, evidence: evidence.map((link) => readableLink(link, evidenceTitles)) }),
    );
    return {
      document: `register:${collaborativeId}`,
      collaborativeId,
      title: register.title,
      legend: register.legend,
      canEdit,
      options,
      saved,
      evidenceTitles,
    };
  });
}
