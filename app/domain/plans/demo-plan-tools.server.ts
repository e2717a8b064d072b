import * as Y from "yjs";
import type { DemoPlanTools } from "#db/seed/demo-plans";
import { encodePlan, readActions } from "~/lib/plan/model";
import { projectPlan } from "./project-plan.server";

/**
 * What the demo seed (db/seed/demo-plans.ts) needs from the app to write objective plans: the
 * Yjs encoding, and the projection of the decoded document exactly as the collaboration server
 * runs it. Passed to `seedDemo` by its callers (server start, `npm run db:seed`).
 */
export const demoPlanTools: DemoPlanTools = {
  encodePlan,
  async projectPlan(tx, owner, state) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    try {
      await projectPlan(tx, owner, readActions(doc));
    } finally {
      doc.destroy();
    }
  },
};
