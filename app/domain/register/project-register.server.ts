import { eq } from "drizzle-orm";
import type { Tx } from "#db/client";
import { takeTurn } from "#db/turns";
import { registerRows } from "#db/schema";
import type { RegisterRow } from "~/lib/register/model";

/**
 * Writes a register's rows into `register_rows` (what lists, search, exports, print and pulls
 * read). Runs in the tenant transaction of someone who may edit the register.
 */
export async function projectRegister(tx: Tx, collaborativeId: string, rows: RegisterRow[]): Promise<void> {
  // Projections of one register (the collaboration server's, an import's) take turns: each rewrites every row.
  await takeTurn(tx, `register:${collaborativeId}`);
  await tx.delete(registerRows).where(eq(registerRows.collaborativeId, collaborativeId));
  // Chunked: a 2,000-row register would exceed the bind-parameter limit in one statement.
  for (let i = 0; i < rows.length; i += 200) {
    await tx.insert(registerRows).values(
      rows.slice(i, i + 200).map((r, j) => ({
        collaborativeId,
        rowKey: r.key,
        position: i + j,
        characteristics: r.characteristics,
        barrier: r.barrier,
        issue: r.issue,
        identifiedBy: r.identifiedBy,
        evidence: r.evidence,
        edsOutcomes: r.edsOutcomes,
        psedAims: r.psedAims,
        themes: r.themes,
        leadOrganisation: r.leadOrganisation,
        contactRole: r.contactRole,
        status: r.status,
        updates: r.updates,
      })),
    );
  }
}
