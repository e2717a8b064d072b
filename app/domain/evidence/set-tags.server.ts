import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { evidenceFindings, evidenceTags, TAG_KINDS, type TagKind } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { forbidden, invalid } from "~/domain/errors";
import { isUuid } from "~/lib/ids";
import { canTagItem } from "~/policies/evidence";
import { loadItem, recordEvent } from "./events.server";
import { findOrCreateTheme } from "./find-or-create-theme.server";
import { listTagOptions } from "./tag-options.server";

export interface SetTagsInput {
  itemId: string;
  /** null: the item's own tags; otherwise one of its findings. */
  findingId: string | null;
  /** "kind:id" values, the full set wanted; themes may also be given as "theme:new:<name>". */
  tags: string[];
  /** Keys (themeNameKey) of flagged new theme names the person confirmed are not about a person. */
  confirmedThemes?: string[];
}

/**
 * Makes the tags of an item (or one finding) exactly the given set: adds the missing ones (with
 * who and when) and removes the rest, recording both in the history, with any flagged new theme
 * name the person confirmed is not about a person.
 */
export async function setTags(database: Database, actor: Actor, input: SetTagsInput): Promise<{ added: number; removed: number }> {
  const options = await listTagOptions(database, actor);
  const known = new Map(options.map((o) => [`${o.kind}:${o.id}`, o]));
  return withTenant(database, tenantOf(actor), async (tx) => {
    const item = await loadItem(tx, input.itemId);
    if (!canTagItem(policyActor(actor), item)) throw forbidden("Only the owner organisation's equality lead or contributors can tag this item");
    if (input.findingId) {
      // From the form: PostgreSQL answers a malformed uuid with an error, which was a 500 page.
      if (!isUuid(input.findingId)) throw invalid({ tags: "That finding is not part of this item" });
      const [finding] = await tx.select({ id: evidenceFindings.id }).from(evidenceFindings).where(and(eq(evidenceFindings.id, input.findingId), eq(evidenceFindings.itemId, item.id)));
      if (!finding) throw invalid({ tags: "That finding is not part of this item" });
    }
    const confirmed = new Set(input.confirmedThemes ?? []);
    const wanted = new Map<string, { kind: TagKind; refId: string }>();
    const confirmedIds: string[] = [];
    for (const raw of input.tags) {
      const newTheme = /^theme:new:(.+)$/.exec(raw);
      if (newTheme) {
        const theme = await findOrCreateTheme(tx, actor, newTheme[1]!.trim(), confirmed);
        wanted.set(`theme:${theme.id}`, { kind: "theme", refId: theme.id });
        if (theme.confirmed) confirmedIds.push(theme.id);
        continue;
      }
      const option = known.get(raw);
      const [kind] = raw.split(":");
      if (!option || !TAG_KINDS.includes(kind as TagKind)) throw invalid({ tags: "Choose tags from the list" });
      wanted.set(raw, { kind: option.kind, refId: option.id });
    }
    const whereTarget = and(eq(evidenceTags.itemId, item.id), input.findingId ? eq(evidenceTags.findingId, input.findingId) : isNull(evidenceTags.findingId));
    const current = await tx.select({ id: evidenceTags.id, kind: evidenceTags.kind, refId: evidenceTags.refId }).from(evidenceTags).where(whereTarget);
    const currentKeys = new Set(current.map((t) => `${t.kind}:${t.refId}`));
    const toRemove = current.filter((t) => !wanted.has(`${t.kind}:${t.refId}`));
    const toAdd = [...wanted.entries()].filter(([key]) => !currentKeys.has(key)).map(([, v]) => v);
    for (const t of toRemove) await tx.delete(evidenceTags).where(eq(evidenceTags.id, t.id));
    // Who said a flagged name is not about a person (the theme's id: the history shows its name, never text kept in the event).
    for (const themeId of confirmedIds) await recordEvent(tx, actor, item, "theme_confirmed", { findingId: input.findingId, themeId });
    if (toAdd.length) {
      await tx.insert(evidenceTags).values(
        toAdd.map((t) => ({ collaborativeId: item.collaborativeId, orgId: item.orgId, itemId: item.id, findingId: input.findingId, kind: t.kind, refId: t.refId, appliedBy: actor.userId })),
      );
      // "kind:id", not labels: a theme's name is typed by people; the history shows the tags' current labels.
      await recordEvent(tx, actor, item, "tagged", { findingId: input.findingId, tags: toAdd.map((t) => `${t.kind}:${t.refId}`) });
    }
    if (toRemove.length) await recordEvent(tx, actor, item, "untagged", { findingId: input.findingId, tags: toRemove.map((t) => `${t.kind}:${t.refId}`) });
    return { added: toAdd.length, removed: toRemove.length };
  });
}
