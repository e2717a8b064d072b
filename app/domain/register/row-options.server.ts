import { asc, eq } from "drizzle-orm";
import type { Tx } from "#db/client";
import { characteristics, frameworkOutcomes, frameworks, psedAims } from "#db/schema";
import { ALL_GROUPS, type RegisterOptions } from "~/lib/register/options";

/** The pickers' reference data for register rows and plan actions (characteristics, both frameworks' outcomes, PSED aims). */
export async function loadRowOptions(tx: Tx): Promise<RegisterOptions> {
  const groups = await tx.select({ code: characteristics.code, label: characteristics.name }).from(characteristics).orderBy(asc(characteristics.position));
  const outcomes = await tx
    .select({ framework: frameworks.code, name: frameworks.name, code: frameworkOutcomes.code, title: frameworkOutcomes.title })
    .from(frameworkOutcomes)
    .innerJoin(frameworks, eq(frameworks.id, frameworkOutcomes.frameworkId))
    .orderBy(asc(frameworks.code), asc(frameworkOutcomes.position));
  const aims = await tx.select({ code: psedAims.code, label: psedAims.name }).from(psedAims);
  return {
    characteristics: [ALL_GROUPS, ...groups],
    edsOutcomes: outcomes.map((o) => ({ code: `${o.framework}:${o.code}`, label: `${o.name} ${o.code} ${o.title}` })),
    psedAims: aims,
  };
}
