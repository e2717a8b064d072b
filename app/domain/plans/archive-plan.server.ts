import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { plans } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { announceAccessChange } from "~/domain/collab/document-store.server";
import { notFound } from "~/domain/errors";
import { ensurePlanEditor, NO_SUCH_PLAN } from "./get-plan.server";

/**
 * Archives a plan (kept, read, printed and exported, but no longer changed and out of the lists
 * of plans being worked on), or restores it. Open editors of the plan, in any process, become
 * read-only (or writable again after reconnecting) as soon as this commits. Doing it twice is
 * harmless: the first archiving's date and author stay.
 */
export async function setPlanArchived(database: Database, actor: Actor, planId: string, archived: boolean, now = new Date()): Promise<void> {
  ensurePlanEditor(actor, planId, "archive or restore plans");
  await withTenant(database, tenantOf(actor), async (tx) => {
    const [plan] = await tx.select({ archivedAt: plans.archivedAt }).from(plans).where(eq(plans.id, planId)).for("update");
    if (!plan) throw notFound(NO_SUCH_PLAN);
    if (Boolean(plan.archivedAt) === archived) return;
    await tx
      .update(plans)
      .set(archived ? { archivedAt: now, archivedBy: actor.userId } : { archivedAt: null, archivedBy: null })
      .where(eq(plans.id, planId));
    await announceAccessChange(tx, `plan:${planId}`);
  });
}
