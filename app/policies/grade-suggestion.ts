/**
 * The suggested EDS2 grade for an outcome: count the protected characteristics for which the
 * organisation has evidence tagged to the outcome AND a plan action serving it. Sub-groups count
 * toward their parent characteristic (D/deaf and BSL users toward disability). 3-5 suggests
 * Developing, 6-8 Achieving; all nine suggests *considering* Excelling, which stays a human
 * judgement (Excelling means most people in all nine groups fare well, which counting cannot show).
 * Advice only: the agreed grade is always a person's decision.
 */

export interface CharacteristicRef {
  id: string;
  name: string;
  kind: string; // "protected" | "group"
  parentId: string | null;
}

export interface SuggestionInput {
  characteristics: CharacteristicRef[];
  /** Characteristics (or groups) tagged on evidence for this outcome. */
  evidenceCharacteristicIds: string[];
  /** Characteristics (or groups) named on plan actions serving this outcome. */
  planCharacteristicIds: string[];
}

export interface Suggestion {
  /** EDS2 scale value: 0 Undeveloped, 1 Developing, 2 Achieving. Never 3: see `considerExcelling`. */
  value: 0 | 1 | 2;
  covered: string[];
  /** Protected characteristics without both evidence and a plan action, by name, in order. */
  missing: string[];
  /** Which half each missing characteristic lacks. */
  missingDetail: { name: string; lacks: ("evidence" | "plan")[] }[];
  considerExcelling: boolean;
}

/** The protected characteristic a characteristic or group counts toward (walking up parents), or null. */
export function protectedAncestor(id: string, byId: Map<string, CharacteristicRef>): CharacteristicRef | null {
  const seen = new Set<string>();
  for (let c = byId.get(id); c && !seen.has(c.id); c = c.parentId ? byId.get(c.parentId) : undefined) {
    seen.add(c.id);
    if (c.kind === "protected") return c;
  }
  return null;
}

function protectedSet(ids: string[], byId: Map<string, CharacteristicRef>): Set<string> {
  const set = new Set<string>();
  for (const id of ids) {
    const p = protectedAncestor(id, byId);
    if (p) set.add(p.id);
  }
  return set;
}

export function suggestEds2Grade(input: SuggestionInput): Suggestion {
  const byId = new Map(input.characteristics.map((c) => [c.id, c]));
  const evidence = protectedSet(input.evidenceCharacteristicIds, byId);
  const plans = protectedSet(input.planCharacteristicIds, byId);
  const protectedOnes = input.characteristics.filter((c) => c.kind === "protected");
  const covered = protectedOnes.filter((c) => evidence.has(c.id) && plans.has(c.id));
  const missing = protectedOnes.filter((c) => !(evidence.has(c.id) && plans.has(c.id)));
  const n = covered.length;
  return {
    value: n >= 6 ? 2 : n >= 3 ? 1 : 0,
    covered: covered.map((c) => c.name),
    missing: missing.map((c) => c.name),
    missingDetail: missing.map((c) => ({
      name: c.name,
      lacks: [...(evidence.has(c.id) ? [] : ["evidence" as const]), ...(plans.has(c.id) ? [] : ["plan" as const])],
    })),
    considerExcelling: protectedOnes.length > 0 && n === protectedOnes.length,
  };
}
