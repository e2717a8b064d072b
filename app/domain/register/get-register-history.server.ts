import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "#db/client";
import { collabUpdates, collaborativeMembers, memberships, organisations, registerRows, users } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { foldHistory } from "~/lib/register/history";

/** How many stored edits the history page reads, newest first. */
export const HISTORY_EDITS_SHOWN = 2000;

/**
 * Who changed which row and when, from the stored updates (each attributed to the person whose
 * session sent it; compaction clears payloads but keeps these rows). Each person comes with the
 * member organisations they work for, so two people of one name can be told apart. Reads the
 * newest `limit` edits; `earlierEdits` says whether older ones exist, so the page can say it does
 * not list them all.
 */
export async function getRegisterHistory(database: Database, actor: Actor, options: { limit?: number } = {}) {
  const collaborativeId = actor.active.collaborativeId;
  const limit = options.limit ?? HISTORY_EDITS_SHOWN;
  return withTenant(database, tenantOf(actor), async (tx) => {
    const read = await tx
      .select({ userId: collabUpdates.userId, userName: users.name, at: collabUpdates.createdAt, rowKeys: collabUpdates.rowKeys })
      .from(collabUpdates)
      .leftJoin(users, eq(users.id, collabUpdates.userId))
      .where(and(eq(collabUpdates.document, `register:${collaborativeId}`), sql`cardinality(${collabUpdates.rowKeys}) > 0`))
      .orderBy(desc(collabUpdates.id))
      .limit(limit + 1);
    const earlierEdits = read.length > limit;
    const changes = read.slice(0, limit);
    const rows = await tx
      .select({ key: registerRows.rowKey, position: registerRows.position, barrier: registerRows.barrier })
      .from(registerRows)
      .where(eq(registerRows.collaborativeId, collaborativeId));
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const entries = foldHistory(changes);
    const people = [...new Set(entries.flatMap((e) => (e.userId ? [e.userId] : [])))];
    const worksFor = new Map<string, string[]>();
    for (let i = 0; i < people.length; i += 1000) {
      const found = await tx
        .select({ userId: memberships.userId, orgName: organisations.name })
        .from(memberships)
        .innerJoin(collaborativeMembers, and(eq(collaborativeMembers.orgId, memberships.orgId), eq(collaborativeMembers.collaborativeId, collaborativeId)))
        .innerJoin(organisations, eq(organisations.id, memberships.orgId))
        .where(inArray(memberships.userId, people.slice(i, i + 1000)))
        .orderBy(asc(organisations.name));
      for (const f of found) worksFor.set(f.userId, [...(worksFor.get(f.userId) ?? []), f.orgName]);
    }
    const listed = entries.map((entry) => ({
      ...entry,
      organisations: entry.userId ? (worksFor.get(entry.userId) ?? []) : [],
      rows: entry.rowKeys.map((k) => {
        const row = byKey.get(k);
        return row ? { number: row.position + 1, barrier: row.barrier } : { number: null, barrier: "A row since deleted" };
      }),
    }));
    return { entries: listed, earlierEdits, editsShown: changes.length };
  });
}
