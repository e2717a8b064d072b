import { randomUUID } from "node:crypto";
import type { Database } from "../../../db/client";
import { and, eq } from "drizzle-orm";
import { characteristics, COVERAGE_ANY, evidenceAttachments, evidenceCoverage, evidenceEvents, evidenceFindings, evidenceItems, evidenceRecommendations, evidenceSources, evidenceTags, evidenceThemes, recommendationResponses } from "../../../db/schema";
import type { World } from "../../support/factories";
import type { IsolationCase } from "../harness";

/** One private item of organisation A per world, for the child tables' cases. */
const items = new WeakMap<World, Promise<string>>();
function itemOf(database: Database, world: World): Promise<string> {
  let pending = items.get(world);
  if (!pending) {
    pending = database.db
      .insert(evidenceItems)
      .values({ collaborativeId: world.collaboratives.x, orgId: world.orgs.a, type: "report", title: "Private report of A" })
      .returning({ id: evidenceItems.id })
      .then((r) => r[0]!.id);
    items.set(world, pending);
  }
  return pending;
}
let lastItem = "";
let lastRecommendation = "";
const owned = (w: World) => ({ collaborative_id: w.collaboratives.x, org_id: w.orgs.a });
const child = async (database: Database, w: World) => {
  lastItem = await itemOf(database, w);
  return { collaborativeId: w.collaboratives.x, orgId: w.orgs.a, itemId: lastItem };
};

export const evidenceCases: IsolationCase[] = [
  {
    table: "evidence_sources",
    seed: async (db, w) => (await db.db.insert(evidenceSources).values({ collaborativeId: w.collaboratives.x, orgId: w.orgs.a, name: `Healthwatch ${randomUUID()}`, kind: "healthwatch" }).returning({ id: evidenceSources.id }))[0]!.id,
    forgedInsert: (w) => ({ ...owned(w), name: `Forged ${randomUUID()}`, kind: "other" }),
    update: { column: "name", value: "Renamed by an outsider" },
    visibleToSameCollaborative: true,
  },
  {
    table: "evidence_themes",
    seed: async (db, w) => (await db.db.insert(evidenceThemes).values({ collaborativeId: w.collaboratives.x, orgId: w.orgs.a, name: `Interpreting ${randomUUID()}` }).returning({ id: evidenceThemes.id }))[0]!.id,
    forgedInsert: (w) => ({ ...owned(w), name: `Forged ${randomUUID()}` }),
    update: { column: "name", value: "Renamed by an outsider" },
    visibleToSameCollaborative: true,
  },
  {
    table: "evidence_items",
    seed: (db, w) => itemOf(db, w),
    forgedInsert: (w) => ({ ...owned(w), type: "report", title: "Forged item" }),
    update: { column: "title", value: "Retitled by an outsider" },
    // Private until shared: other organisations of the collaborative do not see it.
    visibleToSameCollaborative: false,
  },
  {
    table: "evidence_findings",
    seed: async (db, w) => (await db.db.insert(evidenceFindings).values({ ...(await child(db, w)), text: "Interpreters were not booked" }).returning({ id: evidenceFindings.id }))[0]!.id,
    forgedInsert: (w) => ({ ...owned(w), item_id: lastItem, text: "Forged finding" }),
    update: { column: "text", value: "Changed by an outsider" },
    visibleToSameCollaborative: false,
  },
  {
    table: "evidence_recommendations",
    seed: async (db, w) => (await db.db.insert(evidenceRecommendations).values({ ...(await child(db, w)), text: "Book interpreters" }).returning({ id: evidenceRecommendations.id }))[0]!.id,
    forgedInsert: (w) => ({ ...owned(w), item_id: lastItem, text: "Forged" }),
    update: { column: "response", value: "Answered by an outsider" },
    visibleToSameCollaborative: false,
  },
  {
    table: "evidence_tags",
    seed: async (db, w) => {
      const [c] = await db.db.select({ id: characteristics.id }).from(characteristics).limit(1);
      return (await db.db.insert(evidenceTags).values({ ...(await child(db, w)), kind: "characteristic", refId: c!.id }).returning({ id: evidenceTags.id }))[0]!.id;
    },
    forgedInsert: (w) => ({ ...owned(w), item_id: lastItem, kind: "theme", ref_id: randomUUID() }),
    update: { column: "ref_id", value: randomUUID() },
    visibleToSameCollaborative: false,
  },
  {
    table: "evidence_attachments",
    seed: async (db, w) =>
      (await db.db.insert(evidenceAttachments).values({ ...(await child(db, w)), filename: "a.csv", contentType: "text/csv", size: 3, data: Buffer.from("a,b") }).returning({ id: evidenceAttachments.id }))[0]!.id,
    forgedInsert: (w) => ({ ...owned(w), item_id: lastItem, filename: "forged.csv", content_type: "text/csv", size: 1, data: Buffer.from("x") }),
    update: { column: "extracted_text", value: "Changed by an outsider" },
    visibleToSameCollaborative: false,
  },
  {
    table: "evidence_events",
    seed: async (db, w) => (await db.db.insert(evidenceEvents).values({ ...(await child(db, w)), actorId: w.people.leadA.id, action: "created" }).returning({ id: evidenceEvents.id }))[0]!.id,
    forgedInsert: (w) => ({ ...owned(w), item_id: lastItem, actor_id: w.people.leadA.id, action: "shared" }),
    update: { column: "action", value: "unshared" },
    visibleToSameCollaborative: false,
  },

  {
    // Organisation A's answer to a recommendation addressed to it, in its own private item.
    table: "recommendation_responses",
    seed: async (db, w) => {
      const [rec] = await db.db.insert(evidenceRecommendations).values({ ...(await child(db, w)), text: "Publish easy read letters", addressedToOrgId: w.orgs.a }).returning({ id: evidenceRecommendations.id });
      lastRecommendation = rec!.id;
      return (await db.db.insert(recommendationResponses).values({ collaborativeId: w.collaboratives.x, orgId: w.orgs.a, recommendationId: rec!.id, decision: "accepted", body: "Letters are being rewritten", respondedBy: w.people.leadA.id }).returning({ id: recommendationResponses.id }))[0]!.id;
    },
    forgedInsert: (w) => ({ ...owned(w), recommendation_id: lastRecommendation, decision: "not_accepted", body: "Forged answer", responded_by: w.people.leadA.id }),
    update: { column: "body", value: "Rewritten by an outsider" },
    visibleToSameCollaborative: false,
  },
  {
    // Counters kept by the trigger on evidence_items: the private item of A is counted here.
    table: "evidence_coverage",
    seed: async (db, w) => {
      await itemOf(db, w);
      const [row] = await db.db
        .select({ id: evidenceCoverage.id })
        .from(evidenceCoverage)
        .where(and(eq(evidenceCoverage.orgId, w.orgs.a), eq(evidenceCoverage.shared, false), eq(evidenceCoverage.outcomeId, COVERAGE_ANY), eq(evidenceCoverage.characteristicId, COVERAGE_ANY)));
      return row!.id;
    },
    forgedInsert: (w) => ({ ...owned(w), shared: false, outcome_id: randomUUID(), characteristic_id: randomUUID(), items: 5 }),
    update: { column: "items", value: 1000 },
    visibleToSameCollaborative: false,
  },
];
