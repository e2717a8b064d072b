import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import type { Database, Tx } from "#db/client";
import { plans } from "#db/schema";
import { withTenant } from "#db/tenant";
import { tenantOf, type Actor } from "~/domain/auth/actor";
import { announceAccessChange, loadDocumentState } from "~/domain/collab/document-store.server";
import { invalid, notFound } from "~/domain/errors";
import { actionsToCarry, carriedAction } from "~/lib/plan/carry-forward";
import { appendActions, readActions, type PlanAction } from "~/lib/plan/model";
import { changePlanDocument } from "./change-plan-document.server";
import { ensurePlanEditor, NO_SUCH_PLAN } from "./get-plan.server";
import { AGAIN_FIELD, type PlanDetails } from "./plan-input";

/** The plan's actions as stored (every edit is stored before anyone sees it, so nothing is missing). */
async function storedActions(tx: Tx, planId: string): Promise<PlanAction[]> {
  const doc = new Y.Doc();
  try {
    for (const part of await loadDocumentState(tx, `plan:${planId}`)) Y.applyUpdate(doc, part);
    return readActions(doc);
  } finally {
    doc.destroy();
  }
}

export interface CarryForwardPreview {
  id: string;
  title: string;
  kind: (typeof plans.$inferSelect)["kind"];
  periodEnd: string;
  objectives: (typeof plans.$inferSelect)["objectives"];
  /** When it was archived (then the new plan leaves it as it is); null while it is worked on. */
  archivedAt: string | null;
  /** How many actions the new plan takes over, and how many stay behind as complete. */
  carried: number;
  complete: number;
  /** Plans already started from this one (oldest first): another would carry the same actions again. */
  startedFrom: StartedFrom[];
}

export interface StartedFrom {
  id: string;
  title: string;
  createdAt: string;
}

/** Plans started from `planId`, oldest first (read under RLS: the organisation's own). */
async function plansStartedFrom(tx: Tx, planId: string): Promise<StartedFrom[]> {
  const rows = await tx
    .select({ id: plans.id, title: plans.title, createdAt: plans.createdAt })
    .from(plans)
    .where(eq(plans.carriedFromPlanId, planId))
    .orderBy(asc(plans.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** What the "start the next plan" page says about the plan it starts from. */
export async function previewCarryForward(database: Database, actor: Actor, planId: string): Promise<CarryForwardPreview> {
  ensurePlanEditor(actor, planId, "start a plan from another");
  return withTenant(database, tenantOf(actor), async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, planId));
    if (!plan) throw notFound(NO_SUCH_PLAN);
    const actions = await storedActions(tx, planId);
    const carried = actionsToCarry(actions, plan.legend).length;
    return {
      id: plan.id,
      title: plan.title,
      kind: plan.kind,
      periodEnd: plan.periodEnd,
      objectives: plan.objectives,
      archivedAt: plan.archivedAt?.toISOString() ?? null,
      carried,
      complete: actions.length - carried,
      startedFrom: await plansStartedFrom(tx, planId),
    };
  });
}

/**
 * Starts an organisation's next plan from one that is ending: a new plan of the same kind and
 * legend, with its own title, period and objectives, holding the old plan's unfinished actions
 * (what they say, their source and their dated updates, plus an update saying where they came
 * from), added as ONE update attributed to the person and projected at once (pulled actions go
 * on counting in the register's roll-up). The old plan is archived in the same transaction when
 * asked (it is kept: its history, complete actions and due-date moves stay there).
 */
export async function carryForwardPlan(
  database: Database,
  actor: Actor,
  fromPlanId: string,
  details: Omit<PlanDetails, "kind">,
  options: { archiveOld: boolean; again?: boolean },
  now = new Date(),
): Promise<{ id: string; carried: number }> {
  ensurePlanEditor(actor, fromPlanId, "start a plan from another");
  return withTenant(database, tenantOf(actor), async (tx) => {
    // Locked: an archiving or a settings change of the old plan waits for this to finish.
    const [old] = await tx.select().from(plans).where(eq(plans.id, fromPlanId)).for("update");
    if (!old) throw notFound(NO_SUCH_PLAN);
    // Judged under the lock, so a second click of the button waits for the first and is refused.
    const earlier = await plansStartedFrom(tx, fromPlanId);
    if (earlier.length && !options.again) {
      throw invalid({ [AGAIN_FIELD]: `"${earlier.at(-1)!.title}" was already started from this plan: tick the box to start another, which takes over the same unfinished actions again` });
    }
    const author = { id: actor.userId, name: `${actor.name} (${actor.active.orgName})` };
    const inputs = actionsToCarry(await storedActions(tx, fromPlanId), old.legend).map((a) => carriedAction(a, old.title, author, now));
    const [created] = await tx
      .insert(plans)
      .values({ ...details, kind: old.kind, legend: old.legend, collaborativeId: old.collaborativeId, orgId: old.orgId, createdBy: actor.userId, carriedFromPlanId: old.id })
      .returning({ id: plans.id });
    const id = created!.id;
    if (inputs.length) await changePlanDocument(tx, { planId: id, collaborativeId: old.collaborativeId, orgId: old.orgId }, actor.userId, (doc) => appendActions(doc, inputs));
    if (options.archiveOld && !old.archivedAt) {
      await tx.update(plans).set({ archivedAt: now, archivedBy: actor.userId }).where(eq(plans.id, fromPlanId));
      await announceAccessChange(tx, `plan:${fromPlanId}`);
    }
    return { id, carried: inputs.length };
  });
}
