import { scaleLabel, type FrameworkShape, type OutcomeRef } from "./assessment-results";

/**
 * An EDS2 year's grade on one EDS 2022 outcome, through the crosswalk. Where several EDS2
 * outcomes map to one (1.1 and 2.1 to 1A), the lower grade stands, as in EDS2's "lowest" rule,
 * and the text names every source so nothing is hidden.
 */
export function crosswalkCell(eds2: FrameworkShape, sources: OutcomeRef[], values: Record<string, number | null>): { value: number | null; text: string } {
  if (sources.length === 0) return { value: null, text: "No EDS2 equivalent" };
  const graded = sources.map((o) => ({ o, v: values[o.id] ?? null }));
  const present = graded.filter((g) => g.v !== null).map((g) => g.v!);
  const value = present.length ? Math.min(...present) : null;
  const from = graded.map((g) => `${g.o.code} ${scaleLabel(eds2, g.v)}`).join(", ");
  return { value, text: `${scaleLabel(eds2, value)} (EDS2 ${from})` };
}

/** Movement since the previous year, in words; across a change of framework it is flagged as not like for like. */
export function movementText(before: number | null, after: number | null, frameworkChanged: boolean): string {
  if (before === null || after === null) return "";
  const delta = after - before;
  const words = delta > 0 ? `up ${delta}` : delta < 0 ? `down ${-delta}` : "no change";
  return `; ${words}${frameworkChanged ? " (framework changed)" : ""}`;
}
