import { evidenceThemes } from "#db/schema";
import type { Tx } from "#db/client";
import type { Actor } from "~/domain/auth/actor";
import { invalid } from "~/domain/errors";

export const MAX_THEME_LENGTH = 80;

/**
 * The collaborative's theme of that name, whatever its case, or a new one owned by the actor's
 * organisation: themes are typed by people while tagging or importing, and "Interpreting" and
 * "interpreting" are one theme.
 */
export async function findOrCreateTheme(tx: Tx, actor: Actor, name: string): Promise<{ id: string; name: string }> {
  if (!name || name.length > MAX_THEME_LENGTH) throw invalid({ tags: `A theme must be 1 to ${MAX_THEME_LENGTH} characters` });
  const existing = (await tx.select({ id: evidenceThemes.id, name: evidenceThemes.name }).from(evidenceThemes)).find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (existing) return existing;
  const [row] = await tx
    .insert(evidenceThemes)
    .values({ collaborativeId: actor.active.collaborativeId, orgId: actor.active.orgId, name })
    .returning({ id: evidenceThemes.id, name: evidenceThemes.name });
  return row!;
}
