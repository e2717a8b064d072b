import { pgRole } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/**
 * The role every request runs as (via `SET LOCAL ROLE`): it owns no table and has no BYPASSRLS,
 * so row-level security always applies. It is created by the custom migration 0000.
 */
export const appRole = pgRole("peff_app").existing();

/** Policy fragments. `(select ...)` makes Postgres evaluate the context once per query, not per row. */
export const ctx = {
  user: sql`(select peff_ctx_user())`,
  org: sql`(select peff_ctx_org())`,
  collaborative: sql`(select peff_ctx_collaborative())`,
  role: sql`(select peff_ctx_role())`,
  /** True when the active membership is collaborative admin or regional lead. */
  collaborativeWide: sql`(select peff_ctx_collaborative_wide())`,
  isAdmin: sql`(select peff_ctx_role()) = 'collaborative_admin'`,
};
