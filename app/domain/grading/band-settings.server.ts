import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { frameworks, gradingSettings, ratingBands } from "#db/schema";
import { withTenant } from "#db/tenant";
import { type Actor, policyActor, tenantOf } from "~/domain/auth/actor";
import { forbidden, invalid } from "~/domain/errors";
import { canChangeBandSet } from "~/policies/grading";
import { loadBandSet } from "./load-framework.server";

export interface BandSetOption {
  bandSet: string;
  source: string;
  bands: { label: string; minScore: number; maxScore: number }[];
}

/** The configured EDS 2022 band sets and the one the collaborative uses. */
export async function getBandSettings(database: Database, actor: Actor): Promise<{ current: string; options: BandSetOption[] }> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const rows = await tx
      .select({ bandSet: ratingBands.bandSet, source: ratingBands.source, label: ratingBands.label, minScore: ratingBands.minScore, maxScore: ratingBands.maxScore })
      .from(ratingBands)
      .innerJoin(frameworks, eq(frameworks.id, ratingBands.frameworkId))
      .where(eq(frameworks.code, "EDS2022"))
      .orderBy(ratingBands.bandSet, ratingBands.position);
    const options: BandSetOption[] = [];
    for (const r of rows) {
      let option = options.find((o) => o.bandSet === r.bandSet);
      if (!option) options.push((option = { bandSet: r.bandSet, source: r.source, bands: [] }));
      option.bands.push({ label: r.label, minScore: r.minScore, maxScore: r.maxScore });
    }
    return { current: await loadBandSet(tx, actor.active.collaborativeId), options };
  });
}

/** Chooses the band set that rates EDS 2022 totals across the collaborative (collaborative admins). */
export async function setBandSet(database: Database, actor: Actor, bandSet: string): Promise<void> {
  if (!canChangeBandSet(policyActor(actor))) throw forbidden("Only a collaborative admin chooses the rating bands");
  const { options } = await getBandSettings(database, actor);
  if (!options.some((o) => o.bandSet === bandSet)) throw invalid({ bandSet: "Choose one of the configured band sets" });
  await withTenant(database, tenantOf(actor), async (tx) => {
    await tx
      .insert(gradingSettings)
      .values({ collaborativeId: actor.active.collaborativeId, bandSet, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: gradingSettings.collaborativeId, set: { bandSet, updatedBy: actor.userId, updatedAt: new Date() } });
  });
}
