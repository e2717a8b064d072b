import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client";
import { rowsOf } from "../../db/client";
import { withTenant, type TenantContext, NO_TENANT } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import type { World } from "../support/factories";

export type ActorName = keyof World["actors"];

/** How to test one tenant-owned table. Each feature that adds a table adds a case. */
export interface IsolationCase {
  table: string;
  pk?: string;
  /** Makes (or finds) a row belonging to organisation A of collaborative X, on the owner connection. */
  seed(database: Database, world: World): Promise<string>;
  /** Column values for an insert that claims to belong to A, attempted by outsiders. */
  forgedInsert(world: World): Record<string, unknown>;
  /** A column and value for the update attempt. */
  update: { column: string; value: unknown };
  /** Readable by other organisations of the same collaborative (shared by design)? */
  visibleToSameCollaborative: boolean;
  /**
   * Shared documents are co-edited by the whole collaborative: the writes another organisation of
   * the same collaborative may legitimately make (other collaboratives still may not).
   */
  sameCollaborativeMay?: ("update" | "delete" | "insert")[];
  /** Someone of organisation A who may read the row (default: A's equality lead). */
  ownerReader?: ActorName;
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

export async function countVisible(database: Database, context: TenantContext, c: IsolationCase, id: string): Promise<number> {
  return withTenant(database, context, async (tx) => visibleIn(tx, c, id));
}

async function visibleIn(tx: Tx, c: IsolationCase, id: string): Promise<number> {
  const result = await tx.execute(sql`select count(*)::int as n from ${ident(c.table)} where ${ident(c.pk ?? "id")}::text = ${id}`);
  return Number(rowsOf<{ n: number }>(result)[0]!.n);
}

/** Rows changed by an update attempt; a refusal (RLS or missing grant) counts as 0. */
export async function tryUpdate(database: Database, context: TenantContext, c: IsolationCase, id: string): Promise<number> {
  try {
    return await withTenant(database, context, async (tx) => {
      const result = await tx.execute(
        sql`update ${ident(c.table)} set ${ident(c.update.column)} = ${c.update.value} where ${ident(c.pk ?? "id")}::text = ${id} returning 1 as one`,
      );
      return rowsOf(result).length;
    });
  } catch (error) {
    if (isRefusal(error)) return 0;
    throw error;
  }
}

export async function tryDelete(database: Database, context: TenantContext, c: IsolationCase, id: string): Promise<number> {
  try {
    return await withTenant(database, context, async (tx) => {
      const result = await tx.execute(sql`delete from ${ident(c.table)} where ${ident(c.pk ?? "id")}::text = ${id} returning 1 as one`);
      return rowsOf(result).length;
    });
  } catch (error) {
    if (isRefusal(error)) return 0;
    throw error;
  }
}

/** True if the insert went through. */
export async function tryInsert(database: Database, context: TenantContext, c: IsolationCase, world: World): Promise<boolean> {
  const values = c.forgedInsert(world);
  const columns = Object.keys(values);
  try {
    await withTenant(database, context, async (tx) => {
      await tx.execute(
        sql`insert into ${ident(c.table)} (${sql.join(columns.map(ident), sql`, `)}) values (${sql.join(
          columns.map((k) => sql`${values[k]}`),
          sql`, `,
        )})`,
      );
    });
    return true;
  } catch (error) {
    if (isRefusal(error)) return false;
    throw error;
  }
}

/**
 * Proves the tests can fail: with row-level security switched off for this one table (inside a
 * transaction that is rolled back), the outsider does see the row.
 */
export async function visibleWithPolicyRemoved(database: Database, context: TenantContext, c: IsolationCase, id: string): Promise<number> {
  let seen = -1;
  const rollback = new Error("rollback");
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table ${ident(c.table)} disable row level security`);
      await tx.execute(sql`select
        set_config('app.user_id', ${context.userId ?? ""}, true),
        set_config('app.org_id', ${context.orgId ?? ""}, true),
        set_config('app.collaborative_id', ${context.collaborativeId ?? ""}, true),
        set_config('role', 'peff_app', true)`);
      seen = await visibleIn(tx, c, id);
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return seen;
}

function isRefusal(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: string }).code;
    // 42501 insufficient privilege / RLS; 23xxx constraint failures caused by invisible rows.
    if (code === "42501" || code?.startsWith("23")) return true;
    if (/row-level security|permission denied/i.test(String((e as { message?: string }).message))) return true;
  }
  return false;
}

export { NO_TENANT, tenantOf };
