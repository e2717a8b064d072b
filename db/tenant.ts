import { sql } from "drizzle-orm";
import type { Database, Tx } from "./client";

export interface TenantContext {
  userId: string | null;
  orgId: string | null;
  collaborativeId: string | null;
}

export const NO_TENANT: TenantContext = { userId: null, orgId: null, collaborativeId: null };

/**
 * Runs `fn` in one transaction as the app role with the request's context set. The context is
 * passed as parameters to set_config(..., true), so it is local to this transaction and never
 * concatenated into SQL; `role` is set the same way (equivalent to SET LOCAL ROLE), in the same
 * round trip. Row-level security does the rest.
 */
export async function withTenant<T>(database: Database, context: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('app.user_id', ${context.userId ?? ""}, true),
      set_config('app.org_id', ${context.orgId ?? ""}, true),
      set_config('app.collaborative_id', ${context.collaborativeId ?? ""}, true),
      set_config('role', 'peff_app', true)`);
    return fn(tx);
  });
}

/**
 * The owner path, without the app role. Only for seeding, the auth module (sessions,
 * credentials, invitation acceptance) and tests that need to arrange data across tenants.
 */
export async function withOwner<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => fn(tx));
}
