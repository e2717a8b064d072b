import { evidenceThemes } from "#db/schema";
import type { Tx } from "#db/client";
import type { Actor } from "~/domain/auth/actor";
import { invalid } from "~/domain/errors";
import { PII_LABELS, scanText } from "~/lib/pii/scan";

export const MAX_THEME_LENGTH = 80;

/**
 * Why a new theme may not have this name, or null. Themes are the collaborative's: a new one is
 * listed at once in every member organisation's Theme filter and tag picker, even when it was
 * typed on a private item, so it never passes the check sharing runs. A name that looks like
 * personal data (a name after a title, a phone number...) is refused rather than published.
 * (Its length is checked before: by findOrCreateTheme, and line by line in the import.)
 */
export function newThemeProblem(name: string): string | null {
  const kinds = [...new Set(scanText(name).map((h) => PII_LABELS[h.kind]))];
  if (kinds.length) {
    return `The theme “${name}” may contain personal data (${kinds.join(", ")}). Every organisation in the collaborative sees the themes, even on private items: name the topic, not the person.`;
  }
  return null;
}

/**
 * The collaborative's theme of that name, whatever its case, or a new one owned by the actor's
 * organisation: themes are typed by people while tagging or importing, and "Interpreting" and
 * "interpreting" are one theme.
 */
export async function findOrCreateTheme(tx: Tx, actor: Actor, name: string): Promise<{ id: string; name: string }> {
  if (!name || name.length > MAX_THEME_LENGTH) throw invalid({ tags: `A theme must be 1 to ${MAX_THEME_LENGTH} characters` });
  const existing = (await tx.select({ id: evidenceThemes.id, name: evidenceThemes.name }).from(evidenceThemes)).find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (existing) return existing;
  const problem = newThemeProblem(name);
  if (problem) throw invalid({ tags: problem });
  const [row] = await tx
    .insert(evidenceThemes)
    .values({ collaborativeId: actor.active.collaborativeId, orgId: actor.active.orgId, name })
    .returning({ id: evidenceThemes.id, name: evidenceThemes.name });
  return row!;
}
