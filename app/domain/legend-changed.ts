import { DomainError } from "~/domain/errors";
import { legendFingerprint } from "~/lib/legend-input";

/**
 * Refused: someone saved the legend after this person's form was drawn. Their form is kept as
 * they typed it, with the legend as it now reads, so they can check it against theirs; saving
 * again keeps theirs (`current` becomes the form's "loaded").
 */
export class LegendChanged extends DomainError {
  readonly current: string;
  constructor(legend: readonly { key: string; label: string; colour: string; meaning?: string }[]) {
    super(
      409,
      `Someone else changed the legend since you opened this page. It now reads: ${legend.map((s) => `${s.label} (${s.colour})`).join("; ")}. Check your statuses below against it, then save again to keep yours.`,
    );
    this.current = legendFingerprint(legend);
  }
}

/** Throws `LegendChanged` when the form was drawn with another legend than `current` (`loaded` absent: not checked). */
export function ensureLegendUnchanged(current: readonly { key: string; label: string; colour: string; meaning?: string }[], loaded: string | undefined) {
  if (loaded !== undefined && loaded !== legendFingerprint(current)) throw new LegendChanged(current);
}
