import { asc, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { characteristics, frameworkOutcomes, frameworks, psedAims, registers, type LegendEntry } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { ALL_GROUPS, type RegisterOptions } from "~/lib/register/options";
import { canEditSharedRegister } from "~/policies/register";

export interface OpenedRegister {
  /** The Yjs document the page edits over the collaboration socket. */
  document: string;
  collaborativeId: string;
  title: string;
  legend: LegendEntry[];
  canEdit: boolean;
  options: RegisterOptions;
}

/**
 * The active collaborative's shared register (created on first visit by anyone who may edit it),
 * with the pickers' reference data. Null when it does not exist yet and this person cannot create it.
 */
export async function openRegister(database: Database, actor: Actor): Promise<OpenedRegister | null> {
  const canEdit = canEditSharedRegister(actor.active.role);
  return withTenant(database, tenantOf(actor), async (tx) => {
    const collaborativeId = actor.active.collaborativeId;
    if (canEdit) await tx.insert(registers).values({ collaborativeId }).onConflictDoNothing();
    const [register] = await tx.select().from(registers).where(eq(registers.collaborativeId, collaborativeId));
    if (!register) return null;
    const groups = await tx.select({ code: characteristics.code, label: characteristics.name }).from(characteristics).orderBy(asc(characteristics.position));
    const outcomes = await tx
      .select({ framework: frameworks.code, name: frameworks.name, code: frameworkOutcomes.code, title: frameworkOutcomes.title })
      .from(frameworkOutcomes)
      .innerJoin(frameworks, eq(frameworks.id, frameworkOutcomes.frameworkId))
      .orderBy(asc(frameworks.code), asc(frameworkOutcomes.position));
    const aims = await tx.select({ code: psedAims.code, label: psedAims.name }).from(psedAims);
    return {
      document: `register:${collaborativeId}`,
      collaborativeId,
      title: register.title,
      legend: register.legend,
      canEdit,
      options: {
        characteristics: [ALL_GROUPS, ...groups],
        edsOutcomes: outcomes.map((o) => ({ code: `${o.framework}:${o.code}`, label: `${o.name} ${o.code} ${o.title}` })),
        psedAims: aims,
      },
    };
  });
}
