import { evidenceThemes } from "#db/schema";
import type { Tx } from "#db/client";
import type { Actor } from "~/domain/auth/actor";
import { invalid } from "~/domain/errors";
import { newThemeProblem, themeNameKey } from "~/lib/pii/theme-name";

export const MAX_THEME_LENGTH = 80;

/**
 * The collaborative's theme of that name, whatever its case, or a new one owned by the actor's
 * organisation: themes are typed by people while tagging or importing, and "Interpreting" and
 * "interpreting" are one theme. A new name that looks like personal data is refused (newThemeProblem)
 * unless its key is in `confirmed`; `confirmed` in the answer is true when that confirmation is
 * what let it be created, for the caller to record in the item's history.
 */
export async function findOrCreateTheme(tx: Tx, actor: Actor, name: string, confirmed: ReadonlySet<string> = new Set()): Promise<{ id: string; name: string; confirmed: boolean }> {
  if (!name || name.length > MAX_THEME_LENGTH) throw invalid({ tags: `A theme must be 1 to ${MAX_THEME_LENGTH} characters` });
  const existing = (await tx.select({ id: evidenceThemes.id, name: evidenceThemes.name }).from(evidenceThemes)).find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (existing) return { ...existing, confirmed: false };
  // `confirmed` holds the names (themeNameKey) the person said are not about a person: the scan
  // flags names like "Dr Foster reports", and without a way on such a topic could never be a theme.
  const problem = newThemeProblem(name);
  if (problem && !confirmed.has(themeNameKey(name))) throw invalid({ tags: `${problem} If it is not about a person, tick “This theme name is not about a person” and save again.` });
  const [row] = await tx
    .insert(evidenceThemes)
    .values({ collaborativeId: actor.active.collaborativeId, orgId: actor.active.orgId, name })
    .returning({ id: evidenceThemes.id, name: evidenceThemes.name });
  return { ...row!, confirmed: problem !== null };
}
