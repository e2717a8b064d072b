import { eq } from "drizzle-orm";
import { registerRows, registers } from "#db/schema";
import { readRows, touchedRowKeys } from "~/lib/register/model";
import { canEditSharedRegister } from "~/policies/register";
import type { DocumentType } from "../types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "register:<collaborativeId>": the collaborative's shared barrier register. */
export const registerDocument: DocumentType = {
  prefix: "register",
  isValidId: (id) => UUID.test(id),
  candidateContexts: (id, contexts, active) =>
    [active, ...contexts.filter((c) => c !== active)].filter((c) => c.collaborativeId === id),
  async access(tx, id, context) {
    // RLS shows the register only inside its own collaborative.
    const [row] = await tx.select({ id: registers.collaborativeId }).from(registers).where(eq(registers.collaborativeId, id));
    if (!row) return null;
    return { collaborativeId: row.id, orgId: null, canWrite: canEditSharedRegister(context.role) };
  },
  changedKeys: touchedRowKeys,
  async project(tx, doc, access) {
    const rows = readRows(doc);
    await tx.delete(registerRows).where(eq(registerRows.collaborativeId, access.collaborativeId));
    // Chunked: a 2,000-row register would exceed the bind-parameter limit in one statement.
    for (let i = 0; i < rows.length; i += 200) {
      await tx.insert(registerRows).values(
        rows.slice(i, i + 200).map((r, j) => ({
          collaborativeId: access.collaborativeId,
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
  },
};
