import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database, Tx } from "#db/client";
import { characteristics, evidenceSources, SOURCE_KINDS } from "#db/schema";
import { withTenant } from "#db/tenant";
import { policyActor, tenantOf, type Actor } from "~/domain/auth/actor";
import { conflict, forbidden, invalid, isUniqueViolation } from "~/domain/errors";
import { fields } from "~/lib/forms";
import { canWriteEvidence } from "~/policies/evidence";

export const sourceInputSchema = z.object({
  name: fields.requiredText("the source's name", 200),
  kind: z.enum(SOURCE_KINDS, { errorMap: () => ({ message: "Select the kind of source" }) }),
  area: z.string().trim().max(200, "Area must be 200 characters or fewer").optional().transform((v) => v || null),
  characteristicIds: z.array(z.string().uuid("Select characteristics from the list")).optional().default([]),
});
export type SourceInput = z.infer<typeof sourceInputSchema>;

export const DUPLICATE_SOURCE = { message: "A source with that name already exists", fields: { name: "A source with that name already exists in this collaborative" } };

/** Refuses characteristic ids that are not real ones (a tampered form). */
export async function checkCharacteristics(tx: Tx, ids: string[]) {
  if (!ids.length) return;
  const found = await tx.select({ id: characteristics.id }).from(characteristics).where(inArray(characteristics.id, ids));
  if (found.length !== new Set(ids).size) throw invalid({ characteristicIds: "Select characteristics from the list" });
}

/**
 * A source's name as names are told apart, here and when the import matches a file's "Source" to
 * one: case and punctuation aside, full stops included ("St. Helens" is "St Helens"); only a point
 * between digits stays ("Forum 2.1" is not "Forum 21"). A name with no Latin letters or digits at
 * all is compared whole, so two such names are not taken for one.
 */
export const sourceNameKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/(?<!\d)\.|\.(?!\d)/g, " ")
    .replace(/[^a-z0-9.]+/g, " ")
    .trim() || name.toLowerCase().trim();

/**
 * Refuses a name the collaborative's sources already have, whatever its case or punctuation: the
 * unique index compares exact names only, so "Healthwatch Liverpool" and "healthwatch liverpool"
 * both went in, listed twice in every source list, and an import matched one of them by chance.
 */
export async function checkNameFree(tx: Tx, name: string, exceptId: string | null = null) {
  const taken = (await tx.select({ id: evidenceSources.id, name: evidenceSources.name }).from(evidenceSources)).find((s) => s.id !== exceptId && sourceNameKey(s.name) === sourceNameKey(name));
  if (taken) throw conflict(DUPLICATE_SOURCE.message, { name: `A source called “${taken.name}” already exists in this collaborative: use it, or choose a name that differs by more than capitals or punctuation` });
}

/** Adds a stakeholder source to the collaborative (every member organisation can then use it). */
export async function createSource(database: Database, actor: Actor, input: SourceInput): Promise<{ id: string }> {
  if (!canWriteEvidence(policyActor(actor))) throw forbidden("Only equality leads and contributors can add sources");
  return withTenant(database, tenantOf(actor), async (tx) => {
    await checkCharacteristics(tx, input.characteristicIds);
    await checkNameFree(tx, input.name);
    try {
      const [row] = await tx
        .insert(evidenceSources)
        .values({ ...input, collaborativeId: actor.active.collaborativeId, orgId: actor.active.orgId })
        .returning({ id: evidenceSources.id });
      return { id: row!.id };
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(DUPLICATE_SOURCE.message, DUPLICATE_SOURCE.fields);
      throw error;
    }
  });
}
