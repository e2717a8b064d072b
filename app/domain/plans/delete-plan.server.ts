import { eq, sql } from "drizzle-orm";
import { rowsOf, type Database, type Tx } from "#db/client";
import { plans } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { announceAccessChange } from "~/domain/collab/document-store.server";
import { conflict, hasSqlState, notFound } from "~/domain/errors";
import { ensurePlanEditor, NO_SUCH_PLAN } from "./get-plan.server";

export const WORKED_ON_MESSAGE = "This plan has been worked on (actions were added, imported or pulled into it, even if since removed), so it is kept: archive it instead";

export interface PlanDeletePreview {
  id: string;
  title: string;
  /** Anything was ever stored in its document: it cannot be deleted, only archived. */
  workedOn: boolean;
  /** Archived already: the page must not tell the person to archive it. */
  archived: boolean;
}


async function workedOn(tx: Tx, planId: string): Promise<boolean> {
  const [row] = rowsOf<{ worked: boolean }>(
    await tx.execute(sql`select exists (select 1 from collab_updates where plan_id = ${planId}) or exists (select 1 from collab_snapshots where plan_id = ${planId}) as worked`),
  );
  return row!.worked;
}

/** What the delete page says: the plan, and whether it can go. */
export async function previewDeletePlan(database: Database, actor: Actor, planId: string): Promise<PlanDeletePreview> {
  ensurePlanEditor(actor, planId, "delete plans");
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [plan] = await tx.select({ id: plans.id, title: plans.title, archivedAt: plans.archivedAt }).from(plans).where(eq(plans.id, planId));
    if (!plan) throw notFound(NO_SUCH_PLAN);
    return { id: plan.id, title: plan.title, workedOn: await workedOn(tx, planId), archived: Boolean(plan.archivedAt) };
  });
}

/**
 * Deletes a plan made by mistake (the wrong kind, a duplicate) that was never worked on: nothing
 * was ever stored in its document, so there is nothing to lose. Anything else is archived
 * instead. The database decides (migration 0029: the foreign keys of `collab_updates` and
 * `collab_snapshots`), so an action stored while this runs either keeps the plan or is refused.
 * Anyone with its page open is disconnected when this commits.
 */
export async function deletePlan(database: Database, actor: Actor, planId: string): Promise<void> {
  ensurePlanEditor(actor, planId, "delete plans");
  try {
    await withTenant(database, tenantOf(actor), async (tx) => {
      const deleted = await tx.delete(plans).where(eq(plans.id, planId)).returning({ id: plans.id });
      if (!deleted.length) throw notFound(NO_SUCH_PLAN);
      await announceAccessChange(tx, `plan:${planId}`);
    });
  } catch (error) {
    if (hasSqlState(error, "23503")) throw conflict(WORKED_ON_MESSAGE);
    throw error;
  }
}
