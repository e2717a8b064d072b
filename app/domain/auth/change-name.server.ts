import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { users } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "./actor";

/**
 * Changes the signed-in person's own name and job title, on the tenant path (the app role may
 * update only its own row, and only these two columns). Lists, history and presence show them
 * from the next page or connection on.
 */
export async function changeName(database: Database, actor: Actor, input: { name: string; jobTitle: string | null }): Promise<void> {
  await withTenant(database, tenantOf(actor), (tx) =>
    tx
      .update(users)
      .set({ name: input.name.trim(), jobTitle: input.jobTitle?.trim() || null })
      .where(eq(users.id, actor.userId)),
  );
}

/** The person's job title as stored (the session carries only their name). */
export async function getJobTitle(database: Database, actor: Actor): Promise<string | null> {
  const [row] = await withTenant(database, tenantOf(actor), (tx) => tx.select({ jobTitle: users.jobTitle }).from(users).where(eq(users.id, actor.userId)));
  return row?.jobTitle ?? null;
}
