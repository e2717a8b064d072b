import { asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "#db/client";
import { frameworkGroups, frameworkOutcomes, frameworks, ratingBands, ratingScalePoints, gradingSettings } from "#db/schema";
import type { FrameworkShape } from "~/policies/assessment-results";
import type { RatingBand } from "~/policies/eds2022-scoring";

/**
 * Reference data never changes in place (a revision is a new framework row with new ids), so a
 * framework's groups, outcomes and scale are cached per process by framework id: comparison views
 * then spend their round trips on tenant data.
 */
const shapes = new Map<string, FrameworkShape>();

/** The frameworks (reference data), with groups, outcomes and scale. */
export async function loadFrameworks(tx: Tx, where: { ids?: string[]; codes?: string[] } = {}): Promise<FrameworkShape[]> {
  const fw = await tx
    .select()
    .from(frameworks)
    .where(where.ids ? inArray(frameworks.id, where.ids) : where.codes ? inArray(frameworks.code, where.codes) : undefined)
    .orderBy(asc(frameworks.validFrom));
  const missing = fw.filter((f) => !shapes.has(f.id)).map((f) => f.id);
  if (missing.length) {
    const [groups, outcomes, scale] = await Promise.all([
      tx.select().from(frameworkGroups).where(inArray(frameworkGroups.frameworkId, missing)).orderBy(asc(frameworkGroups.position)),
      tx.select().from(frameworkOutcomes).where(inArray(frameworkOutcomes.frameworkId, missing)).orderBy(asc(frameworkOutcomes.position)),
      tx.select().from(ratingScalePoints).where(inArray(ratingScalePoints.frameworkId, missing)).orderBy(asc(ratingScalePoints.position)),
    ]);
    for (const f of fw.filter((x) => missing.includes(x.id))) {
      shapes.set(f.id, {
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
        scale: scale.filter((p) => p.frameworkId === f.id).map((p) => ({ value: p.value, label: p.label, description: p.description, colour: p.colour })),
      });
    }
  }
  // The framework row itself is always read fresh (its aggregation rule is configuration).
  return fw.map((f) => ({ ...shapes.get(f.id)!, aggregationRule: f.aggregationRule, aggregationDescription: f.aggregationDescription }));
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
