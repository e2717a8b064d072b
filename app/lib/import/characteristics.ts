import type { RegisterOptions } from "~/lib/register/options";

/**
 * Characteristics and groups as people write them in spreadsheets, for the register's and the
 * plans' imports: seed 002's way ("Race/ Disability", "ALL"), and our own exports' labels joined
 * by "; " (some labels hold a "/" or a ",": "D/deaf people and BSL users", "Gypsy, Roma and
 * Traveller communities").
 */

/** Seed 002's way of writing characteristics and groups, mapped to the reference data's codes. */
export const CHARACTERISTIC_ALIASES: Record<string, string> = {
  all: "all",
  "all groups": "all",
  transgender: "gender_reassignment",
  trans: "gender_reassignment",
  "gender identity": "gender_reassignment",
  "religion and belief": "religion_belief",
  religion: "religion_belief",
  belief: "religion_belief",
  "socio economic (poverty)": "socio_economic",
  "socio economic": "socio_economic",
  "socio-economic": "socio_economic",
  poverty: "socio_economic",
  deprivation: "socio_economic",
  "children and young people": "children_young_people",
  "age children and young people": "children_young_people",
  "working age and older citizens": "older_people",
  "older citizens": "older_people",
  "d/deaf": "deaf_bsl",
  deaf: "deaf_bsl",
  bsl: "deaf_bsl",
  "learning disability": "learning_disability_autism",
  "marriage and civil partnership": "marriage_civil_partnership",
  "pregnancy and maternity": "pregnancy_maternity",
  ethnicity: "race",
  gender: "sex",
};

const split = (value: string, by: RegExp) =>
  value
    .split(by)
    .map((s) => s.trim())
    .filter(Boolean);

/** Characteristics: "Race/ Disability", "Age \n Working age and older citizens", "ALL". */
export function readCharacteristics(text: string, options: Pick<RegisterOptions, "characteristics">, fail: (message: string) => void): string[] {
  const codes: string[] = [];
  const known = (name: string) => {
    const lower = name.toLowerCase().replace(/\s+/g, " ").trim();
    return CHARACTERISTIC_ALIASES[lower] ?? options.characteristics.find((c) => c.code === lower || c.label.toLowerCase() === lower)?.code;
  };
  const add = (code: string) => void (codes.includes(code) || codes.push(code));
  // "Age children and young people" and "D/deaf people and BSL users" are one group each: try
  // every ";" or line part whole, then split it on "/" and ",".
  for (const part of split(text, /[;\n]+/)) {
    const whole = known(part);
    if (whole) {
      add(whole);
      continue;
    }
    for (const name of split(part, /[,/]+/)) {
      const code = known(name);
      if (code) add(code);
      else fail(`"${name}" is not a protected characteristic or group PEFF knows (for example Age, Disability, Race, Transgender, ALL)`);
    }
  }
  return codes;
}
