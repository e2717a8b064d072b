import { eq } from "drizzle-orm";
import { plans } from "#db/schema";
import { projectPlan } from "~/domain/plans/project-plan.server";
import { readActions } from "~/lib/plan/model";
import { ROWS, touchedRowKeys } from "~/lib/register/model";
import { canEditPlans } from "~/policies/plans";
import { checkAppendOnlyLogs, nameOnly, withOrganisation } from "../append-only";
import { checkDueDates } from "../due-dates";
import { readIncoming } from "../incoming-update";
import type { DocumentType } from "../types";

/** An action's logs: dated updates (written as the register writes them), due-date moves, source decisions. */
const LOGS = [
  { field: "updates", signature: withOrganisation },
  { field: "dueChanges", signature: nameOnly },
  { field: "sourceDecisions", signature: nameOnly },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "plan:<planId>": one organisation's objective plan, private to it. */
export const planDocument: DocumentType = {
  prefix: "plan",
  isValidId: (id) => UUID.test(id),
  // The id does not say whose plan it is: try the active organisation first, then the others.
  candidateContexts: (_id, contexts, active) => [active, ...contexts.filter((c) => c !== active)],
  async access(tx, id, context) {
    // RLS shows a plan only inside its own organisation. An archived plan is read-only for all.
    const [plan] = await tx.select({ collaborativeId: plans.collaborativeId, orgId: plans.orgId, archivedAt: plans.archivedAt }).from(plans).where(eq(plans.id, id));
    if (!plan) return null;
    return { collaborativeId: plan.collaborativeId, orgId: plan.orgId, canWrite: canEditPlans(context.role) && !plan.archivedAt };
  },
  changedKeys: touchedRowKeys,
  checkUpdate(doc, update, sender) {
    const incoming = readIncoming(doc, update);
    return checkAppendOnlyLogs(incoming, ROWS, LOGS, sender) ?? checkDueDates(incoming, ROWS);
  },
  async project(tx, doc, access, id) {
    await projectPlan(tx, { planId: id, collaborativeId: access.collaborativeId, orgId: access.orgId! }, readActions(doc));
  },
};
