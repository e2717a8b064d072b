import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { registers, type LegendEntry } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";

/** The active collaborative's register title and status legend; null when it has no register yet. */
export async function getRegisterLegend(database: Database, actor: Actor): Promise<{ title: string; legend: LegendEntry[] } | null> {
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [register] = await tx
      .select({ title: registers.title, legend: registers.legend })
      .from(registers)
      .where(eq(registers.collaborativeId, actor.active.collaborativeId));
    return register ?? null;
  });
}
