import type { LegendEntry } from "#db/schema";

/**
 * A status of a legend by its words, its key or its colour: "Green", "Green - complete",
 * "Complete", "Blue- action ongoing", and our exports' "Complete (green)". Words or a colour
 * followed by a letter are not a match ("Greenish"). When several statuses' words begin the
 * text, the longest is meant: "Complete - awaiting evidence (purple)" is that status, not
 * "Complete" (the register's import took the first in the legend, so an exported register came
 * back with such rows marked complete).
 */
export function matchStatus<S extends LegendEntry>(text: string, legend: readonly S[]): S | null {
  const value = text.toLowerCase().replace(/\s+/g, " ").trim();
  if (!value) return null;
  const exact = legend.find((s) => [s.label.toLowerCase(), s.key.toLowerCase(), s.colour].includes(value));
  if (exact) return exact;
  const starts = (word: string) => value === word || (value.startsWith(word) && /^[^a-z]/.test(value.slice(word.length)));
  const byLabel = legend.filter((s) => starts(s.label.toLowerCase().replace(/\s+/g, " ").trim())).sort((a, b) => b.label.length - a.label.length)[0];
  if (byLabel) return byLabel;
  return legend.find((s) => starts(s.colour)) ?? null;
}
