import { asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "#db/client";
import { frameworkGroups, frameworkOutcomes, frameworks, ratingBands, ratingScalePoints, gradingSettings } from "#db/schema";
import type { FrameworkShape } from "~/policies/assessment-results";
import type { RatingBand } from "~/policies/eds2022-scoring";

/** The current frameworks (reference data), with groups, outcomes and scale, by code. */
export async function loadFrameworks(tx: Tx, where: { ids?: string[]; codes?: string[] } = {}): Promise<FrameworkShape[]> {
  const fw = await tx
    .select()
    .from(frameworks)
    .where(where.ids ? inArray(frameworks.id, where.ids) : where.codes ? inArray(frameworks.code, where.codes) : undefined)
    .orderBy(asc(frameworks.validFrom));
  if (fw.length === 0) return [];
  const ids = fw.map((f) => f.id);
  const [groups, outcomes, scale] = await Promise.all([
    tx.select().from(frameworkGroups).where(inArray(frameworkGroups.frameworkId, ids)).orderBy(asc(frameworkGroups.position)),
    tx.select().from(frameworkOutcomes).where(inArray(frameworkOutcomes.frameworkId, ids)).orderBy(asc(frameworkOutcomes.position)),
    tx.select().from(ratingScalePoints).where(inArray(ratingScalePoints.frameworkId, ids)).orderBy(asc(ratingScalePoints.position)),
  ]);
  return fw.map((f) => ({
    id: f.id,
    code: f.code,
    name: f.name,
    groupNoun: f.groupNoun,
    aggregationRule: f.aggregationRule,
    aggregationDescription: f.aggregationDescription,
    groups: groups
      .filter((g) => g.frameworkId === f.id)
      .map((g) => ({
        id: g.id,
        code: g.code,
        name: g.name,
        outcomes: outcomes
          .filter((o) => o.groupId === g.id)
          .map((o) => ({ id: o.id, code: o.code, title: o.title, wording: o.wording, scoredPerService: o.scoredPerService })),
      })),
    scale: scale.filter((s) => s.frameworkId === f.id).map((s) => ({ value: s.value, label: s.label, description: s.description, colour: s.colour })),
  }));
}

export async function loadFramework(tx: Tx, id: string): Promise<FrameworkShape> {
  const [framework] = await loadFrameworks(tx, { ids: [id] });
  if (!framework) throw new Error(`Framework ${id} not found`);
  return framework;
}

/** The collaborative's chosen band set ("default" until an admin chooses another). */
export async function loadBandSet(tx: Tx, collaborativeId: string): Promise<string> {
  const [row] = await tx.select({ bandSet: gradingSettings.bandSet }).from(gradingSettings).where(eq(gradingSettings.collaborativeId, collaborativeId));
  return row?.bandSet ?? "default";
}

/** EDS 2022 rating bands of the collaborative's band set, with their source note. */
export async function loadBands(tx: Tx, collaborativeId: string): Promise<{ bandSet: string; bands: (RatingBand & { source: string })[] }> {
  const bandSet = await loadBandSet(tx, collaborativeId);
  const rows = await tx
    .select({ label: ratingBands.label, minScore: ratingBands.minScore, maxScore: ratingBands.maxScore, colour: ratingBands.colour, source: ratingBands.source, bandSet: ratingBands.bandSet })
    .from(ratingBands)
    .innerJoin(frameworks, eq(frameworks.id, ratingBands.frameworkId))
    .where(eq(frameworks.code, "EDS2022"))
    .orderBy(asc(ratingBands.position));
  const chosen = rows.filter((r) => r.bandSet === bandSet);
  return { bandSet, bands: (chosen.length ? chosen : rows.filter((r) => r.bandSet === "default")).map(({ bandSet: _b, ...band }) => band) };
}
