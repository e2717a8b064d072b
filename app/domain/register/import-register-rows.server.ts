import type { Database } from "#db/client";
import type { Actor } from "~/domain/auth/actor";
import { forbidden, notFound } from "~/domain/errors";
import { parseRegisterImport, type ImportResult } from "~/lib/register/import";
import { readTable, TableFormatError } from "~/lib/tabular/read-table.server";
import { openRegister } from "./open-register.server";

/**
 * Reads and checks an uploaded CSV/XLSX against the register's pickers and legend. The rows are
 * then added by the person's own page in one Yjs transaction (so they arrive attributed to them,
 * all together, through the same path as any edit).
 */
export async function importRegisterRows(database: Database, actor: Actor, file: { name: string; bytes: Uint8Array }): Promise<ImportResult & { document?: string }> {
  const register = await openRegister(database, actor);
  if (!register) throw notFound("This collaborative has no shared barrier register yet.");
  if (!register.canEdit) throw forbidden("You can read this register but not change it.");
  try {
    const table = await readTable(file.name, file.bytes);
    const result = parseRegisterImport(table, register.options, register.legend, { id: actor.userId, name: `${actor.name} (${actor.active.orgName})` });
    return { ...result, document: register.document };
  } catch (error) {
    if (error instanceof TableFormatError) return { ok: false, errors: [error.message] };
    throw error;
  }
}
