import { eq } from "drizzle-orm";
import { registers } from "#db/schema";
import { projectRegister } from "~/domain/register/project-register.server";
import { readRows, ROWS, touchedRowKeys } from "~/lib/register/model";
import { canEditSharedRegister } from "~/policies/register";
import { checkAppendOnlyLogs, withOrganisation } from "../append-only";
import { readIncoming } from "../incoming-update";
import type { DocumentType } from "../types";

/** A row's dated updates, read by every organisation of the collaborative. */
const LOGS = [{ field: "updates", signature: withOrganisation }];

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
  // Rows' logs of dated updates: appended with their author, never overwritten.
  checkUpdate: (doc, update, sender) => checkAppendOnlyLogs(readIncoming(doc, update), ROWS, LOGS, sender),
  project: (tx, doc, access) => projectRegister(tx, access.collaborativeId, readRows(doc)),
};
