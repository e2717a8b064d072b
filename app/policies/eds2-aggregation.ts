/**
 * How EDS2 outcome grades combine into goal grades and an overall grade. No national rule exists,
 * so the rule is stored with the framework (`frameworks.aggregation_rule`) and shown on the page.
 */

export type AggregationRule = "lowest" | "median";

export const AGGREGATION_RULES: Record<AggregationRule, (values: number[]) => number> = {
  /** The conservative rule: a goal is only as strong as its weakest outcome. */
  lowest: (values) => Math.min(...values),
  /** The middle grade, rounded down when two grades share the middle. */
  median: (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)]!;
  },
};

export function isAggregationRule(rule: string): rule is AggregationRule {
  return rule in AGGREGATION_RULES;
}

export interface GoalInput {
  code: string;
  /** Outcome grades (scale values), undefined where not yet graded. */
  grades: (number | undefined)[];
}

export interface GoalGrade {
  code: string;
  value: number | null;
  /** True when every outcome of the goal is graded. */
  complete: boolean;
}

/**
 * Goal grades from their outcomes, and the overall grade from the goals. A goal with no graded
 * outcome has no grade; the overall grade needs every goal graded.
 */
export function aggregateEds2(rule: string, goals: GoalInput[]): { goals: GoalGrade[]; overall: number | null } {
  if (!isAggregationRule(rule)) throw new Error(`Unknown aggregation rule "${rule}"`);
  const combine = AGGREGATION_RULES[rule];
  const goalGrades = goals.map((g) => {
    const graded = g.grades.filter((v): v is number => v !== undefined);
    return { code: g.code, value: graded.length ? combine(graded) : null, complete: graded.length === g.grades.length };
  });
  const overall = goalGrades.every((g) => g.value !== null && g.complete) && goalGrades.length ? combine(goalGrades.map((g) => g.value!)) : null;
  return { goals: goalGrades, overall };
}
