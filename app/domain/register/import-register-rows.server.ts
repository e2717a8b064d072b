import type { Database } from "#db/client";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { changeStoredDocument } from "~/domain/collab/change-stored-document.server";
import { forbidden, notFound } from "~/domain/errors";
import { linkableEvidenceIn } from "~/domain/evidence/linkable-evidence.server";
import { parseRegisterImport } from "~/lib/register/import";
import { appendRows, readRows } from "~/lib/register/model";
import { readTable, TableFormatError } from "~/lib/tabular/read-table.server";
import { canEditSharedRegister } from "~/policies/register";
import { openRegister } from "./open-register.server";
import { projectRegister } from "./project-register.server";

/** More rows than this is not one register: refuse (before reading them) rather than build a huge update. */
export const MAX_IMPORT_ROWS = 2000;

export type RegisterImportOutcome = { ok: true; imported: number; rowKeys: string[] } | { ok: false; errors: string[] };

/**
 * Imports an uploaded CSV/XLSX into the collaborative's register, all or nothing: the file is
 * checked against the pickers and the legend, and only when every row is valid are the rows
 * added to the register's Yjs document as ONE update attributed to the person (open pages
 * receive them live) and projected, in one transaction. A file with any problem adds nothing and
 * says which spreadsheet lines are wrong. Runs on the server, so it needs no JavaScript, and it
 * says "added" only once the rows are stored.
 */
export async function importRegisterRows(database: Database, actor: Actor, file: { name: string; bytes: Uint8Array }, now = new Date()): Promise<RegisterImportOutcome> {
  if (!canEditSharedRegister(actor.active.role)) throw forbidden("You can read this register but not change it.");
  const register = await openRegister(database, actor);
  if (!register) throw notFound("This collaborative has no shared barrier register yet.");
  const table = await readTable(file.name, file.bytes, { maxRows: MAX_IMPORT_ROWS }).catch((error: unknown) => {
    if (error instanceof TableFormatError) return error;
    throw error;
  });
  if (table instanceof TableFormatError) return { ok: false, errors: [table.message] };
  const linkable = await withTenant(database, tenantOf(actor), (tx) => linkableEvidenceIn(tx, table, { sharedOnly: true }));
  const parsed = parseRegisterImport(table, register.options, register.legend, { id: actor.userId, name: `${actor.name} (${actor.active.orgName})` }, now, linkable);
  if (!parsed.ok) return parsed;

  const { collaborativeId, document } = register;
  return withTenant(database, tenantOf(actor), async (tx) => {
    const rowKeys = await changeStoredDocument(
      tx,
      { document, collaborativeId, orgId: null, userId: actor.userId },
      (doc) => appendRows(doc, parsed.rows),
      (doc) => projectRegister(tx, collaborativeId, readRows(doc)),
    );
    return { ok: true as const, imported: rowKeys.length, rowKeys };
  });
}
