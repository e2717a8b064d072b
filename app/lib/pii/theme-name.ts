import { fingerprint, PII_LABELS, scanText } from "./scan";

/** The form field of the confirmation boxes (item page and import): each sends the key of a flagged theme name the person says is not about a person. */
export const THEME_NOT_PERSONAL = "themeNotPersonal";

/**
 * Why a new theme may not have this name, or null. Themes are the collaborative's: a new one is
 * listed at once in every member organisation's Theme filter and tag picker, even when it was
 * typed on a private item, so it never passes the check sharing runs. A name that looks like
 * personal data (a name after a title, a phone number...) is refused rather than published.
 * (Its length is checked before: by findOrCreateTheme, and line by line in the import.)
 * Pure, so the item page can offer the confirmation box beside the names the server refused.
 */
export function newThemeProblem(name: string): string | null {
  const kinds = [...new Set(scanText(name).map((h) => PII_LABELS[h.kind]))];
  if (kinds.length) {
    return `The theme “${name}” may contain personal data (${kinds.join(", ")}). Every organisation in the collaborative sees the themes, even on private items: name the topic, not the person.`;
  }
  return null;
}

/**
 * The key under which a person confirms a flagged theme name is not about a person ("Dr Foster
 * reports" reads as a name after a title). It is the exact text's fingerprint, as a decision on a
 * personal-data hit is (hitId): a name changed after the box was ticked is checked again.
 */
export const themeNameKey = (name: string) => `theme-${fingerprint(name)}`;
