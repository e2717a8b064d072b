import type { LegendEntry } from "#db/schema";

export const LEGEND_COLOURS = ["blue", "green", "amber", "red", "grey", "purple"] as const;

export interface LegendRow extends LegendEntry {
  /** As submitted (plans say what each status means; registers do not ask). */
  meaning: string;
  /** Its row in the form, for messages ("meaning-<index>"). */
  index: number;
}

/**
 * A status legend from its form: rows label[i], colour[i], key[i] (and meaning[i] where asked),
 * a "remove" box per existing status. Empty new rows are dropped; errors are keyed "label-<i>" /
 * "colour-<i>" so each field shows its own message. Keys of existing statuses are kept, so rows
 * that use them keep their status; new ones get a key from their text.
 */
export function parseLegendRows(form: FormData): { rows: LegendRow[]; errors: Record<string, string> } {
  const labels = form.getAll("label").map(String);
  const colours = form.getAll("colour").map(String);
  const meanings = form.getAll("meaning").map(String);
  const keys = form.getAll("key").map(String);
  const removed = new Set(form.getAll("remove").map(String));
  const errors: Record<string, string> = {};
  const rows: LegendRow[] = [];
  // A new status's key comes from its place and text ("s5-on-hold"); once an earlier status is
  // removed, that can be the key of an existing one (since renamed "Paused", say), and two statuses
  // with one key would show the rows of either as the first. So it avoids every key in the form.
  const taken = new Set(keys.filter(Boolean));
  labels.forEach((raw, i) => {
    const label = raw.trim();
    if (!label && !keys[i]) return;
    if (keys[i] && removed.has(keys[i]!)) return;
    if (!label) errors[`label-${i}`] = "Enter the status's text";
    else if (label.length > 60) errors[`label-${i}`] = "Status text must be 60 characters or fewer";
    const colour = colours[i] as LegendEntry["colour"];
    if (!LEGEND_COLOURS.includes(colour)) errors[`colour-${i}`] = "Select a colour";
    if (rows.some((s) => s.label.toLowerCase() === label.toLowerCase())) errors[`label-${i}`] = "Two statuses cannot have the same text";
    rows.push({ key: keys[i] || unusedKey(`s${i + 1}-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 20)}`, taken), label, colour, meaning: meanings[i] ?? "", index: i });
  });
  return { rows, errors };
}

/** `base`, or `base-2`, `base-3`... whichever `taken` lacks first; it is then taken. */
export function unusedKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

/** The form index of the status with this key (to put a message beside it). */
export function legendIndexOf(form: FormData, key: string): number {
  return form.getAll("key").map(String).indexOf(key);
}

/**
 * A legend as the form was drawn with it, sent back with the form ("loaded"): a save checks the
 * legend has not changed since, so two people editing it at once do not silently drop each
 * other's statuses (the form posts the whole legend).
 */
export function legendFingerprint(legend: readonly { key: string; label: string; colour: string; meaning?: string }[]): string {
  return JSON.stringify(legend.map((s) => [s.key, s.label, s.colour, s.meaning ?? ""]));
}
