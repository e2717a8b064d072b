import { asc, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { characteristics, evidenceThemes, frameworkOutcomes, frameworks, psedAims, type TagKind } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";

export interface TagOption {
  kind: TagKind;
  id: string;
  /** What the type-ahead matches and shows first: "EDS2022 1A", "D/deaf people and BSL users". */
  code: string;
  label: string;
  /** Longer text shown under the label (an outcome's wording, a group's parent). */
  detail?: string;
  parentId?: string | null;
}

/** Everything an item or finding can be tagged with: outcomes of both frameworks, characteristics and groups, PSED aims, the collaborative's themes. */
export async function listTagOptions(database: Database, actor: Actor): Promise<TagOption[]> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const outcomes = await tx
      .select({ id: frameworkOutcomes.id, code: frameworkOutcomes.code, title: frameworkOutcomes.title, wording: frameworkOutcomes.wording, framework: frameworks.code })
      .from(frameworkOutcomes)
      .innerJoin(frameworks, eq(frameworks.id, frameworkOutcomes.frameworkId))
      .orderBy(asc(frameworks.code), asc(frameworkOutcomes.position));
    const chars = await tx.select().from(characteristics).orderBy(asc(characteristics.position));
    const aims = await tx.select().from(psedAims).orderBy(asc(psedAims.position));
    const themes = await tx.select({ id: evidenceThemes.id, name: evidenceThemes.name }).from(evidenceThemes).orderBy(asc(evidenceThemes.name));
    const names = new Map(chars.map((c) => [c.id, c.name]));
    return [
      ...outcomes.map((o) => ({ kind: "outcome" as const, id: o.id, code: `${frameworkLabel(o.framework)} ${o.code}`, label: o.title, detail: o.wording })),
      ...chars.map((c) => ({
        kind: "characteristic" as const,
        id: c.id,
        code: c.kind === "protected" ? "Protected characteristic" : "Group",
        label: c.name,
        detail: c.parentId ? `Counts toward ${names.get(c.parentId)}` : undefined,
        parentId: c.parentId,
      })),
      ...aims.map((a) => ({ kind: "psed" as const, id: a.id, code: `PSED aim ${a.position}`, label: a.name, detail: a.description })),
      ...themes.map((t) => ({ kind: "theme" as const, id: t.id, code: "Theme", label: t.name })),
    ];
  });
}

export const frameworkLabel = (code: string) => (code === "EDS2022" ? "EDS 2022" : code);
