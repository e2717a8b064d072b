import { is, sql } from "drizzle-orm";
import { getTableConfig, PgDialect, PgTable, type PgRole } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../../db/client";
import * as schema from "../../db/schema";
import { openScratchDatabase } from "../support/db";

/**
 * db/schema declares the row-level security policies the migrations create. Hand-written
 * migrations replace policies with ALTER POLICY (0018, 0019); if db/schema is not changed with
 * them, it describes policies the database no longer has, and the next generated migration would
 * quietly put the old ones back. PostgreSQL itself is the judge of "the same": in a transaction
 * that is rolled back, the migrated policies are dropped and the declared ones created in their
 * place, and both are compared as pg_policies deparses them. A database of its own, because the
 * transaction takes every table's lock.
 */
let database: Database;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ database, dispose } = await openScratchDatabase());
});
afterAll(() => dispose?.());

interface Declared {
  table: string;
  name: string;
  statement: string;
}

const roleNames = (to: unknown): string[] => (Array.isArray(to) ? to.flatMap(roleNames) : [typeof to === "string" ? to : (to as PgRole).name]);

function declaredPolicies(): Declared[] {
  const dialect = new PgDialect({ casing: "snake_case" });
  const render = (fragment: unknown) => {
    const query = dialect.sqlToQuery(fragment as Parameters<PgDialect["sqlToQuery"]>[0]);
    // A parameter would be lost in the generated migration: policies must be plain SQL.
    expect(query.params).toEqual([]);
    return query.sql;
  };
  return Object.values(schema as Record<string, unknown>)
    .filter((value): value is PgTable => is(value, PgTable))
    .flatMap((table) => {
      const config = getTableConfig(table);
      return config.policies.map((p) => {
        const roles = roleNames(p.to ?? "public");
        const parts = [
          `CREATE POLICY "${p.name}" ON "${config.name}" AS ${(p.as ?? "permissive").toUpperCase()}`,
          `FOR ${(p.for ?? "all").toUpperCase()} TO ${roles.map((r) => `"${r}"`).join(", ")}`,
          p.using ? `USING (${render(p.using)})` : "",
          p.withCheck ? `WITH CHECK (${render(p.withCheck)})` : "",
        ];
        return { table: config.name, name: p.name, statement: parts.filter(Boolean).join(" ") };
      });
    });
}

type Policy = { name: string; cmd: string; roles: string; permissive: string; qual: string | null; with_check: string | null };
const policies = sql`
  select tablename || '.' || policyname as name, cmd, roles::text as roles, permissive, qual, with_check
  from pg_policies where schemaname = 'public' order by 1`;

describe("db/schema's policy declarations", () => {
  it("are exactly the policies the migrations leave in the database", async () => {
    const declared = declaredPolicies();
    expect(declared.length).toBeGreaterThan(50);
    const rollback = new Error("rollback");
    let migrated: Policy[] = [];
    let fromSchema: Policy[] = [];
    try {
      await database.db.transaction(async (tx) => {
        migrated = rowsOf<Policy>(await tx.execute(policies));
        for (const p of migrated) {
          const [table, name] = p.name.split(".") as [string, string];
          await tx.execute(sql.raw(`DROP POLICY "${name}" ON "${table}"`));
        }
        for (const d of declared) await tx.execute(sql.raw(d.statement));
        fromSchema = rowsOf<Policy>(await tx.execute(policies));
        throw rollback;
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
    expect(fromSchema).toEqual(migrated);
    // The transaction was rolled back: the migrated policies are still there.
    expect(rowsOf<Policy>(await database.db.execute(policies))).toEqual(migrated);
  });
});
