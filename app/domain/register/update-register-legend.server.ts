import { and, count, eq, isNotNull } from "drizzle-orm";
import type { Database } from "#db/client";
import { registerRows, registers, type LegendEntry } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { DomainError, forbidden, notFound } from "~/domain/errors";
import { ensureLegendUnchanged } from "~/domain/legend-changed";
import { unusedKey } from "~/lib/legend-input";
import { canChangeRegisterLegend } from "~/policies/register";

/** Refused: rows still have a status the new legend leaves out (by status key, with how many rows). */
export class StatusInUse extends DomainError {
  constructor(readonly inUse: { key: string; label: string; rows: number }[]) {
    super(422, "Some statuses you removed are still given to rows");
  }
}

/**
 * Replaces the shared register's status legend. A status that rows still have cannot be removed
 * (they would show a status nobody can read): the person is told how many rows to change first.
 * Rows are read from the projection, at most a second behind live edits.
 */
export async function updateRegisterLegend(database: Database, actor: Actor, legend: LegendEntry[], loaded?: string): Promise<void> {
  if (!canChangeRegisterLegend(actor.active.role)) throw forbidden("Only the collaborative's admins and regional leads change the register's status legend");
  const collaborativeId = actor.active.collaborativeId;
  await withTenant(database, tenantOf(actor), async (tx) => {
    // Locked: two saves at once run one after the other, so the second sees the first (`loaded`).
    const [register] = await tx.select({ legend: registers.legend }).from(registers).where(eq(registers.collaborativeId, collaborativeId)).for("update");
    if (!register) throw notFound("This collaborative has no shared barrier register yet");
    ensureLegendUnchanged(register.legend, loaded);
    const entries = withDistinctKeys(legend);
    const kept = new Set(entries.map((s) => s.key));
    const used = await tx
      .select({ status: registerRows.status, rows: count() })
      .from(registerRows)
      .where(and(eq(registerRows.collaborativeId, collaborativeId), isNotNull(registerRows.status)))
      .groupBy(registerRows.status);
    // Only a status this change removes can strand rows. Rows whose status the legend already
    // lacks (given it in the second before a removal was saved) show no status whatever is saved,
    // so they must not stop every later change to the legend.
    const inUse = used
      .filter((u) => !kept.has(u.status!) && register.legend.some((s) => s.key === u.status))
      .map((u) => ({ key: u.status!, label: register.legend.find((s) => s.key === u.status)?.label ?? u.status!, rows: u.rows }));
    if (inUse.length) throw new StatusInUse(inUse);
    await tx.update(registers).set({ legend: entries }).where(eq(registers.collaborativeId, collaborativeId));
  });
}

/**
 * The legend with one key per status. A new status's key is made from its place in the form and
 * its text ("s5-on-hold"), so once an earlier status has been removed it can be the key of an
 * existing one (renamed since, say to "Paused"): two statuses with one key would show every row
 * of either as the first. The form lists existing statuses before new ones, so the later of two
 * is the new one, and it gets a key of its own.
 */
function withDistinctKeys(legend: LegendEntry[]): LegendEntry[] {
  const taken = new Set(legend.map((s) => s.key));
  const seen = new Set<string>();
  return legend.map(({ key, label, colour }) => {
    const distinct = seen.has(key) ? unusedKey(key, taken) : key;
    seen.add(key);
    return { key: distinct, label, colour };
  });
}
