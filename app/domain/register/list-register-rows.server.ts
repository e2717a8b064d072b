import { asc, eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { registerRows } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { notFound } from "~/domain/errors";
import { openRegister, type OpenedRegister } from "./open-register.server";
import { withReadableEvidence } from "./readable-evidence.server";

/**
 * The register's rows as projected into SQL (exports and the printable view read this), with
 * evidence-library links titled as this reader may see them (see `withReadableEvidence`).
 */
export async function listRegisterRows(database: Database, actor: Actor) {
  const register: OpenedRegister | null = await openRegister(database, actor);
  if (!register) throw notFound("This collaborative has no shared barrier register yet.");
  const rows = await withTenant(database, tenantOf(actor), async (tx) =>
    withReadableEvidence(tx, await tx.select().from(registerRows).where(eq(registerRows.collaborativeId, register.collaborativeId)).orderBy(asc(registerRows.position))),
  );
  return { register, rows };
}
