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
  const value = normalised(text);
  if (!value) return null;
  const exact = legend.find((s) => [s.label.toLowerCase(), s.key.toLowerCase()].includes(value));
  if (exact) return exact;
  const byLabel = legend.filter((s) => begins(value, normalised(s.label))).sort((a, b) => b.label.length - a.label.length)[0];
  if (byLabel) return byLabel;
  // A colour two statuses share ("On hold" and "Withdrawn", both grey) names neither: taking the
  // first would give half of them the wrong status without a word.
  const byColour = legend.filter((s) => begins(value, s.colour));
  return byColour.length === 1 ? byColour[0]! : null;
}

/** Why a colour alone cannot be read, for the import's message: "grey is the colour of On hold and Withdrawn: write the status's words". */
export function sharedColourProblem(text: string, legend: readonly LegendEntry[]): string | null {
  const value = normalised(text);
  const colour = legend.find((s) => begins(value, s.colour))?.colour;
  const sharing = colour ? legend.filter((s) => s.colour === colour) : [];
  return sharing.length > 1 ? `${colour} is the colour of ${sharing.map((s) => s.label).join(" and ")}: write the status's words` : null;
}

const normalised = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/** `value` is `word`, or `word` followed by anything but a letter ("green - complete", not "greenish"). */
const begins = (value: string, word: string) => value === word || (value.startsWith(word) && /^[^a-z]/.test(value.slice(word.length)));
