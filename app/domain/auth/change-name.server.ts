import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { users } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "./actor";

/**
 * Changes the signed-in person's own name, on the tenant path (the app role may update only its
 * own row, and only its name and job title). Lists, history and presence show it from the next
 * page or connection on.
 */
export async function changeName(database: Database, actor: Actor, name: string): Promise<void> {
  await withTenant(database, tenantOf(actor), (tx) => tx.update(users).set({ name: name.trim() }).where(eq(users.id, actor.userId)));
}
