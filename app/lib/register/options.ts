export interface Choice {
  code: string;
  label: string;
}

export interface EvidenceChoice {
  id: string;
  /** Title, owner and whether it is shared, for the picker. */
  label: string;
  title: string;
}

export interface RegisterOptions {
  characteristics: Choice[];
  /** Both frameworks: codes are "EDS2:1.1" or "EDS2022:1A". */
  edsOutcomes: Choice[];
  psedAims: Choice[];
  /** Evidence-library items a row may link to (absent where no picker is offered). */
  evidence?: EvidenceChoice[];
}

/** A row about every group ("ALL" in the seed's register). */
export const ALL_GROUPS: Choice = { code: "all", label: "All groups" };

export function labelOf(choices: Choice[], code: string): string {
  return choices.find((c) => c.code === code)?.label ?? code;
}
