import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { collabUpdates, registerRows, users } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { foldHistory } from "~/lib/register/history";

/**
 * Who changed which row and when, from the stored updates (each attributed to the person whose
 * session sent it; compaction clears payloads but keeps these rows).
 */
export async function getRegisterHistory(database: Database, actor: Actor, options: { limit?: number } = {}) {
  const collaborativeId = actor.active.collaborativeId;
  return withTenant(database, tenantOf(actor), async (tx) => {
    const changes = await tx
      .select({ userId: collabUpdates.userId, userName: users.name, at: collabUpdates.createdAt, rowKeys: collabUpdates.rowKeys })
      .from(collabUpdates)
      .leftJoin(users, eq(users.id, collabUpdates.userId))
      .where(and(eq(collabUpdates.document, `register:${collaborativeId}`), sql`cardinality(${collabUpdates.rowKeys}) > 0`))
      .orderBy(desc(collabUpdates.id))
      .limit(options.limit ?? 2000);
    const rows = await tx
      .select({ key: registerRows.rowKey, position: registerRows.position, barrier: registerRows.barrier })
      .from(registerRows)
      .where(eq(registerRows.collaborativeId, collaborativeId));
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return foldHistory(changes).map((entry) => ({
      ...entry,
      rows: entry.rowKeys.map((k) => {
        const row = byKey.get(k);
        return row ? { number: row.position + 1, barrier: row.barrier } : { number: null, barrier: "A row since deleted" };
      }),
    }));
  });
}
