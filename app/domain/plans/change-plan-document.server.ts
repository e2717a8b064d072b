import type * as Y from "yjs";
import type { Tx } from "#db/client";
import { changeStoredDocument } from "~/domain/collab/change-stored-document.server";
import { readActions } from "~/lib/plan/model";
import { projectPlan, type PlanOwner } from "./project-plan.server";

/**
 * Changes a plan's Yjs document on a person's behalf (an import, a pull) and projects the plan,
 * in the caller's tenant transaction (see `changeStoredDocument`). Returns the row keys touched.
 */
export function changePlanDocument(tx: Tx, owner: PlanOwner, userId: string, change: (doc: Y.Doc) => string[]): Promise<string[]> {
  return changeStoredDocument(
    tx,
    { document: `plan:${owner.planId}`, collaborativeId: owner.collaborativeId, orgId: owner.orgId, userId },
    change,
    (doc) => projectPlan(tx, owner, readActions(doc)),
  );
}
