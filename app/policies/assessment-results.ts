import { aggregateEds2, type GoalGrade } from "./eds2-aggregation";
import { median, scoreEds2022, type Eds2022Result, type RatingBand } from "./eds2022-scoring";

/** A framework as grading sees it: groups (goals or domains) of outcomes, and the rating scale. */
export interface FrameworkShape {
  id: string;
  code: string;
  name: string;
  groupNoun: string;
  aggregationRule: string;
  aggregationDescription: string;
  groups: { id: string; code: string; name: string; outcomes: OutcomeRef[] }[];
  scale: ScalePoint[];
}

export interface OutcomeRef {
  id: string;
  code: string;
  title: string;
  wording: string;
  scoredPerService: boolean;
}

export interface ScalePoint {
  value: number;
  label: string;
  description: string;
  colour: string;
}

export interface GradeValue {
  outcomeId: string;
  serviceId: string | null;
  value: number;
}

export interface AssessmentResults {
  /** One value per outcome: the grade, or for per-service outcomes the median across services. */
  outcomeValues: Record<string, number | null>;
  /** Per-service scores: service id -> outcome id -> score. */
  serviceScores: Record<string, Record<string, number>>;
  /** What is still missing before the assessment can be agreed or published, in words. */
  missing: string[];
  eds2: { goals: GoalGrade[]; overall: number | null } | null;
  eds2022: Eds2022Result | null;
}

export function allOutcomes(framework: FrameworkShape): OutcomeRef[] {
  return framework.groups.flatMap((g) => g.outcomes);
}

export function assessmentResults(
  framework: FrameworkShape,
  grades: GradeValue[],
  services: { id: string; name: string }[],
  bands: RatingBand[],
): AssessmentResults {
  const key = (outcomeId: string, serviceId: string | null) => `${outcomeId}:${serviceId ?? ""}`;
  const byKey = new Map(grades.map((g) => [key(g.outcomeId, g.serviceId), g.value]));
  const outcomeValues: Record<string, number | null> = {};
  const serviceScores: Record<string, Record<string, number>> = Object.fromEntries(services.map((s) => [s.id, {}]));
  for (const g of grades) if (g.serviceId && serviceScores[g.serviceId]) serviceScores[g.serviceId]![g.outcomeId] = g.value;
  const missing: string[] = [];
  const perService = allOutcomes(framework).filter((o) => o.scoredPerService);
  if (perService.length && services.length === 0) missing.push(`Domain 1 needs at least one service: add the services you assessed`);
  for (const o of allOutcomes(framework)) {
    if (o.scoredPerService) {
      const values = services.map((s) => byKey.get(key(o.id, s.id)));
      for (const [i, s] of services.entries()) if (values[i] === undefined) missing.push(`${o.code} ${o.title} for ${s.name}`);
      outcomeValues[o.id] = median(values.filter((v): v is number => v !== undefined));
    } else {
      const v = byKey.get(key(o.id, null));
      if (v === undefined) missing.push(`${o.code} ${o.title}`);
      outcomeValues[o.id] = v ?? null;
    }
  }
  if (framework.code === "EDS2022") {
    const [d1, ...rest] = framework.groups;
    const eds2022 = scoreEds2022({
      domain1Codes: d1!.outcomes.map((o) => o.code),
      services: services.map((s) => ({
        serviceId: s.id,
        name: s.name,
        scores: Object.fromEntries(d1!.outcomes.map((o) => [o.code, byKey.get(key(o.id, s.id))])),
      })),
      otherDomains: rest.map((g) => ({ code: g.code, outcomes: Object.fromEntries(g.outcomes.map((o) => [o.code, byKey.get(key(o.id, null))])) })),
      bands,
    });
    return { outcomeValues, serviceScores, missing, eds2: null, eds2022 };
  }
  const eds2 = aggregateEds2(
    framework.aggregationRule,
    framework.groups.map((g) => ({ code: g.code, grades: g.outcomes.map((o) => outcomeValues[o.id] ?? undefined) })),
  );
  return { outcomeValues, serviceScores, missing, eds2, eds2022: null };
}

export function scaleLabel(framework: Pick<FrameworkShape, "scale">, value: number | null | undefined): string {
  if (value === null || value === undefined) return "Not graded";
  const exact = framework.scale.find((p) => p.value === value);
  if (exact) return exact.label;
  // A Domain 1 median between two points: name both.
  const lower = framework.scale.find((p) => p.value === Math.floor(value));
  const upper = framework.scale.find((p) => p.value === Math.ceil(value));
  return `${value.toFixed(1)} (between ${lower?.label ?? "?"} and ${upper?.label ?? "?"})`;
}

export function scaleColour(framework: Pick<FrameworkShape, "scale">, value: number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return framework.scale.find((p) => p.value === Math.floor(value))?.colour;
}
