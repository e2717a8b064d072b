import { eq } from "drizzle-orm";
import type { Tx } from "#db/client";
import { plans } from "#db/schema";
import { conflict, notFound } from "~/domain/errors";
import { NO_SUCH_PLAN } from "./get-plan.server";

export const ARCHIVED_PLAN_MESSAGE = "This plan is archived: restore it from its settings before changing it";

/**
 * A plan of the active organisation that may be changed (not archived), read with a row lock:
 * archiving waits for the change in progress to commit, and a change that waited for an
 * archiving sees it (migration 0028 refuses such changes in the database too). Changes to the
 * plan's own row take "update" (two "share" holders both upgrading would deadlock); changes to
 * its document take "share", so they do not queue behind each other.
 */
export async function loadWritablePlan(tx: Tx, planId: string, lock: "share" | "update", archivedFields: Record<string, string> = {}) {
  const [plan] = await tx.select().from(plans).where(eq(plans.id, planId)).for(lock);
  if (!plan) throw notFound(NO_SUCH_PLAN);
  if (plan.archivedAt) throw conflict(ARCHIVED_PLAN_MESSAGE, archivedFields);
  return plan;
}
