import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { planActions, plans } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden, notFound } from "~/domain/errors";
import { loadRowOptions } from "~/domain/register/row-options.server";
import { labelOf } from "~/lib/register/options";
import { canEditPlans } from "~/policies/plans";
import { isSourceKind, loadCurrentSource, type CurrentSource, type SourceRef } from "./source-snapshots.server";

/** "register:<rowKey>" or "evidence:<itemId>" from a query string; null when malformed. */
export function parseSourceParam(value: string | null): SourceRef | null {
  const colon = value?.indexOf(":") ?? -1;
  if (!value || colon < 1) return null;
  const kind = value.slice(0, colon);
  const id = value.slice(colon + 1);
  return isSourceKind(kind) && /^[0-9a-zA-Z-]{1,64}$/.test(id) ? { kind, id } : null;
}

export interface PullPreview {
  source: CurrentSource;
  /** The source's characteristics, outcomes and aims in words (the snapshot holds codes like "gender_reassignment", "EDS2:1.1"). */
  labels: { characteristics: string[]; edsOutcomes: string[]; psedAims: string[] };
  plans: { id: string; title: string; alreadyPulled: boolean }[];
}

/** What "Add to our plan" shows: the source as it is now, and the organisation's plans to choose from. */
export async function previewPull(database: Database, actor: Actor, ref: SourceRef): Promise<PullPreview> {
  if (!canEditPlans(actor.active.role)) throw forbidden("Only equality leads and contributors can add to their organisation's plans");
  return withTenant(database, tenantOf(actor), async (tx) => {
    const source = await loadCurrentSource(tx, ref);
    if (!source) throw notFound("That source does not exist or is not shared with your organisation");
    // Archived plans are not added to (migration 0028 refuses it).
    const choices = await tx.select({ id: plans.id, title: plans.title }).from(plans).where(isNull(plans.archivedAt)).orderBy(plans.title);
    const pulled = await tx
      .select({ planId: planActions.planId })
      .from(planActions)
      .where(and(sql`${planActions.source}->>'kind' = ${ref.kind}`, sql`${planActions.source}->>'id' = ${ref.id}`, eq(planActions.orgId, actor.active.orgId)));
    const already = new Set(pulled.map((p) => p.planId));
    const options = await loadRowOptions(tx);
    const labels = {
      characteristics: source.snapshot.characteristics.map((c) => labelOf(options.characteristics, c)),
      edsOutcomes: source.snapshot.edsOutcomes.map((o) => labelOf(options.edsOutcomes, o)),
      psedAims: source.snapshot.psedAims.map((a) => labelOf(options.psedAims, a)),
    };
    return { source, labels, plans: choices.map((p) => ({ ...p, alreadyPulled: already.has(p.id) })) };
  });
}
