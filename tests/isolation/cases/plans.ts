import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import type { Database } from "../../../db/client";
import { collabSnapshots, collabUpdates, planActions, planPulls, plans } from "../../../db/schema";
import type { World } from "../../support/factories";
import type { IsolationCase } from "../harness";

const someUpdate = () => {
  const doc = new Y.Doc();
  doc.getMap("rows").set("k", 1);
  return Y.encodeStateAsUpdate(doc);
};

/** A plan of organisation A (collaborative X), on the owner connection. */
async function planOfA(database: Database, w: World): Promise<string> {
  const [row] = await database.db
    .insert(plans)
    .values({ collaborativeId: w.collaboratives.x, orgId: w.orgs.a, kind: "equality_objectives", title: "A's plan", periodStart: "2024-04-01", periodEnd: "2028-03-31" })
    .returning({ id: plans.id });
  return row!.id;
}

const actionValues = (w: World, planId: string, rowKey: string) => ({
  planId,
  collaborativeId: w.collaboratives.x,
  orgId: w.orgs.a,
  rowKey,
  position: 1,
  characteristics: ["race"],
  barrier: "Private barrier wording",
  issue: "",
  action: "Private action",
  responsibleOfficer: "Chief Nurse",
  owner: "",
  dueChanges: [],
  updates: [],
  edsOutcomes: [],
  psedAims: [],
  objectives: [],
  evidence: [],
  steps: [],
  risks: "",
  mitigations: "",
  sourceDecisions: [],
});

/**
 * Organisation plans: private to their organisation, even within the collaborative, and so is
 * `plan_pulls` (a pull may name a private evidence item, 0019). The collaborative reads the roll-up
 * of its shared register through SECURITY DEFINER functions (tests/isolation/plan-pulls.test.ts).
 */
export const planCases: IsolationCase[] = [
  {
    table: "plans",
    seed: planOfA,
    forgedInsert: (w) => ({
      collaborative_id: w.collaboratives.x,
      org_id: w.orgs.a,
      kind: "workforce",
      title: "Forged",
      period_start: "2024-01-01",
      period_end: "2025-01-01",
    }),
    update: { column: "title", value: "Renamed by an outsider" },
    visibleToSameCollaborative: false,
    ownerReader: "viewerA",
  },
  {
    table: "plan_actions",
    pk: "row_key",
    seed: async (db, w) => {
      const rowKey = randomUUID();
      await db.db.insert(planActions).values(actionValues(w, await planOfA(db, w), rowKey));
      return rowKey;
    },
    forgedInsert: (w) => ({ plan_id: randomUUID(), collaborative_id: w.collaboratives.x, org_id: w.orgs.a, row_key: randomUUID(), position: 1, barrier: "Forged" }),
    update: { column: "action", value: "Changed by an outsider" },
    visibleToSameCollaborative: false,
    ownerReader: "viewerA",
  },
  {
    table: "plan_pulls",
    pk: "row_key",
    seed: async (db, w) => {
      const rowKey = randomUUID();
      const planId = await planOfA(db, w);
      await db.db.insert(planPulls).values({
        planId,
        collaborativeId: w.collaboratives.x,
        orgId: w.orgs.a,
        rowKey,
        sourceKind: "register",
        sourceId: randomUUID(),
        statusLabel: "In progress",
        statusColour: "amber",
        statusMeaning: "in_progress",
      });
      return rowKey;
    },
    forgedInsert: (w) => ({ plan_id: randomUUID(), collaborative_id: w.collaboratives.x, org_id: w.orgs.a, row_key: randomUUID(), source_kind: "register", source_id: "x" }),
    update: { column: "status_label", value: "Complete" },
    visibleToSameCollaborative: false,
    ownerReader: "viewerA",
  },
  {
    table: "collab_updates",
    seed: async (db, w) => {
      const planId = await planOfA(db, w);
      const [row] = await db.db
        .insert(collabUpdates)
        .values({ collaborativeId: w.collaboratives.x, orgId: w.orgs.a, document: `plan:${planId}`, userId: w.people.leadA.id, payload: someUpdate() })
        .returning({ id: collabUpdates.id });
      return String(row!.id);
    },
    // Would plant an edit in A's plan in leadA's name.
    forgedInsert: (w) => ({ collaborative_id: w.collaboratives.x, org_id: w.orgs.a, document: `plan:${randomUUID()}`, user_id: w.people.leadA.id, payload: Buffer.from(someUpdate()) }),
    update: { column: "payload", value: null },
    visibleToSameCollaborative: false,
    ownerReader: "viewerA",
  },
  {
    table: "collab_snapshots",
    pk: "document",
    seed: async (db, w) => {
      const document = `plan:${await planOfA(db, w)}`;
      await db.db.insert(collabSnapshots).values({ document, collaborativeId: w.collaboratives.x, orgId: w.orgs.a, state: someUpdate() });
      return document;
    },
    forgedInsert: (w) => ({ document: `plan:${randomUUID()}`, collaborative_id: w.collaboratives.x, org_id: w.orgs.a, state: Buffer.from(someUpdate()) }),
    update: { column: "state", value: Buffer.from(someUpdate()) },
    visibleToSameCollaborative: false,
    ownerReader: "viewerA",
  },
];
