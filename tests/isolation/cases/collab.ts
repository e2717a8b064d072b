import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { collabSnapshots, collabUpdates, registerRows, registers } from "../../../db/schema";
import type { IsolationCase } from "../harness";

/** Register positions are unique in a collaborative: counted (seeded and forged rows apart), as random ones could repeat. */
let seededPosition = 1_000_000;
let forgedPosition = 2_000_000;

const someUpdate = () => {
  const doc = new Y.Doc();
  doc.getMap("rows").set("k", 1);
  return Y.encodeStateAsUpdate(doc);
};

/** The shared register and its collaboration tables: shared with, and co-edited by, the collaborative. */
export const collabCases: IsolationCase[] = [
  {
    table: "registers",
    pk: "collaborative_id",
    seed: async (db, w) => {
      await db.db.insert(registers).values({ collaborativeId: w.collaboratives.x }).onConflictDoNothing();
      return w.collaboratives.x;
    },
    forgedInsert: (w) => ({ collaborative_id: w.collaboratives.x, title: "Forged" }),
    update: { column: "title", value: "Renamed by an outsider" },
    visibleToSameCollaborative: true,
    // The rows are co-edited (register_rows, the document), but this row's title and legend are
    // changed by the collaborative's admins and regional leads only (0018), so not by A2's lead.
  },
  {
    table: "collab_updates",
    seed: async (db, w) => {
      const [row] = await db.db
        .insert(collabUpdates)
        .values({ collaborativeId: w.collaboratives.x, document: `register:${w.collaboratives.x}`, userId: w.people.leadA.id, payload: someUpdate() })
        .returning({ id: collabUpdates.id });
      return String(row!.id);
    },
    // Claims to be leadA's edit: nobody may store an update in someone else's name.
    forgedInsert: (w) => ({
      collaborative_id: w.collaboratives.x,
      document: `register:${w.collaboratives.x}`,
      user_id: w.people.leadA.id,
      payload: Buffer.from(someUpdate()),
    }),
    update: { column: "payload", value: null },
    visibleToSameCollaborative: true,
    // Compaction, by whichever writer's context is at hand, clears merged payloads.
    sameCollaborativeMay: ["update"],
  },
  {
    table: "collab_snapshots",
    pk: "document",
    seed: async (db, w) => {
      const document = `register:${randomUUID()}`;
      await db.db.insert(collabSnapshots).values({ document, collaborativeId: w.collaboratives.x, state: someUpdate() });
      return document;
    },
    forgedInsert: (w) => ({ document: `register:${randomUUID()}`, collaborative_id: w.collaboratives.x, state: Buffer.from(someUpdate()) }),
    update: { column: "state", value: Buffer.from(someUpdate()) },
    visibleToSameCollaborative: true,
    sameCollaborativeMay: ["update", "insert"],
  },
  {
    table: "register_rows",
    pk: "row_key",
    seed: async (db, w) => {
      const rowKey = randomUUID();
      await db.db.insert(registerRows).values({
        collaborativeId: w.collaboratives.x,
        rowKey,
        position: seededPosition++,
        characteristics: ["race"],
        barrier: "Seeded",
        issue: "",
        identifiedBy: "",
        evidence: [],
        edsOutcomes: [],
        psedAims: [],
        themes: [],
        leadOrganisation: "",
        contactRole: "",
        status: null,
        updates: [],
      });
      return rowKey;
    },
    forgedInsert: (w) => ({
      collaborative_id: w.collaboratives.x,
      row_key: randomUUID(),
      position: forgedPosition++,
      characteristics: "{}",
      barrier: "Forged",
      issue: "",
      identified_by: "",
      evidence: "[]",
      eds_outcomes: "{}",
      psed_aims: "{}",
      themes: "{}",
      lead_organisation: "",
      contact_role: "",
      updates: "[]",
    }),
    update: { column: "barrier", value: "Changed by an outsider" },
    visibleToSameCollaborative: true,
    // The projection rewrites the rows from the document, as any writer of the collaborative.
    sameCollaborativeMay: ["delete", "insert"],
  },
];
