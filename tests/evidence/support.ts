import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { characteristics, frameworkOutcomes, psedAims } from "../../db/schema";
import type { Actor } from "../../app/domain/auth/actor";
import { createItem } from "../../app/domain/evidence/create-item.server";
import type { ItemInput } from "../../app/domain/evidence/item-input";

export const blankItem = (overrides: Partial<ItemInput> = {}): ItemInput => ({
  title: "A report",
  type: "report",
  sourceId: null,
  periodStart: null,
  periodEnd: null,
  publishedOn: null,
  link: null,
  summary: "",
  services: "",
  concernedOrgIds: [],
  ...overrides,
});

export async function addItem(database: Database, actor: Actor, overrides: Partial<ItemInput> = {}) {
  return (await createItem(database, actor, blankItem(overrides))).id;
}

export async function refs(database: Database) {
  const char = async (code: string) => (await database.db.select({ id: characteristics.id }).from(characteristics).where(eq(characteristics.code, code)))[0]!.id;
  const outcome = async (code: string) => (await database.db.select({ id: frameworkOutcomes.id }).from(frameworkOutcomes).where(eq(frameworkOutcomes.code, code)))[0]!.id;
  const [aim] = await database.db.select({ id: psedAims.id }).from(psedAims).limit(1);
  return {
    disability: await char("disability"),
    deaf: await char("deaf_bsl"),
    race: await char("race"),
    age: await char("age"),
    outcome1A: await outcome("1A"),
    outcome21: await outcome("2.1"),
    psed: aim!.id,
  };
}
