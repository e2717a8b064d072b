import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { rowsOf, type Database } from "../../db/client";
import { collabUpdates } from "../../db/schema";
import { UpdateJournal, type JournalEntry } from "../../server/collab/journal";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { ensureRegister } from "./support/server";

/**
 * The journal stores every open document's updates for the process, many in one commit, each
 * inserted under its own sender's context by collab_append_update (which drops to the app role):
 * RLS must judge each one as it would a request.
 */
let database: Database;
let world: World;
let journal: UpdateJournal;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  await ensureRegister(database, world.collaboratives.x);
  await ensureRegister(database, world.collaboratives.y);
  journal = new UpdateJournal(database, randomUUID());
});
afterAll(async () => {
  await database?.close();
});

const update = (text: string) => {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

function entry(person: { id: string }, orgId: string, collaborativeId: string, document: string, text: string): JournalEntry {
  return {
    tenant: { userId: person.id, orgId, collaborativeId },
    owner: { collaborativeId: document.slice("register:".length), orgId: null },
    document,
    payload: update(text),
    rowKeys: ["row-1"],
  };
}

async function stored(ids: number[]) {
  return database.db.select().from(collabUpdates).where(inArray(collabUpdates.id, ids));
}

describe("the update journal", () => {
  it("stores the updates of several documents and senders together, each attributed to its sender, bytes intact", async () => {
    const x = `register:${world.collaboratives.x}`;
    const y = `register:${world.collaboratives.y}`;
    const entries = [
      entry(world.people.leadA, world.orgs.a, world.collaboratives.x, x, "from A"),
      entry(world.people.leadB, world.orgs.b, world.collaboratives.y, y, "from B"),
      entry(world.people.leadA2, world.orgs.a2, world.collaboratives.x, x, "from A2"),
    ];
    // Asked for in the same turn, so they share one commit.
    // Row keys come from clients' documents: any text must arrive as it was.
    entries[0]!.rowKeys = ["row-1", 'odd "key", {with} \\ marks'];
    const [a, b, a2] = await Promise.all(entries.map((e) => journal.append([e])));
    const rows = await stored([...a!, ...b!, ...a2!]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a![0]!)).toMatchObject({ userId: world.people.leadA.id, document: x, collaborativeId: world.collaboratives.x, orgId: null, rowKeys: entries[0]!.rowKeys });
    expect(byId.get(b![0]!)).toMatchObject({ userId: world.people.leadB.id, document: y, collaborativeId: world.collaboratives.y });
    expect(byId.get(a2![0]!)).toMatchObject({ userId: world.people.leadA2.id, document: x });
    expect(new Uint8Array(byId.get(b![0]!)!.payload!)).toEqual(entries[1]!.payload);
  });

  it("lets RLS refuse what a sender may not write, without failing the others in the same commit", async () => {
    const x = `register:${world.collaboratives.x}`;
    const good = journal.append([entry(world.people.leadA, world.orgs.a, world.collaboratives.x, x, "allowed")]);
    // A viewer may read the register but not write it.
    const viewer = journal.append([entry(world.people.viewerA, world.orgs.a, world.collaboratives.x, x, "viewer")]);
    // Someone of collaborative Y claiming to act in X: their context is not X's.
    const outsider = journal.append([entry(world.people.leadB, world.orgs.b, world.collaboratives.x, x, "outsider")]);
    // And someone of Y writing into X's register from their own context.
    const planted = journal.append([{ ...entry(world.people.leadB, world.orgs.b, world.collaboratives.y, x, "planted"), owner: { collaborativeId: world.collaboratives.x, orgId: null } }]);
    const [g, v, o, p] = await Promise.allSettled([good, viewer, outsider, planted]);
    expect(g.status).toBe("fulfilled");
    expect([v.status, o.status, p.status]).toEqual(["rejected", "rejected", "rejected"]);
    const rows = await stored((g as PromiseFulfilledResult<number[]>).value);
    expect(rows).toHaveLength(1);
    const texts = await database.db.select({ userId: collabUpdates.userId }).from(collabUpdates).where(eq(collabUpdates.document, x));
    expect(texts.map((t) => t.userId)).not.toContain(world.people.viewerA.id);
    expect(texts.map((t) => t.userId)).not.toContain(world.people.leadB.id);
  });

  it("leaves the connection as it found it: owner role, no context", async () => {
    // One connection on PostgreSQL, so the check reads the very connection the journal used.
    const single = process.env.DATABASE_URL ? await openTestDatabase({ max: 1 }) : database;
    try {
      const own = new UpdateJournal(single, randomUUID());
      const x = `register:${world.collaboratives.x}`;
      await own.append([entry(world.people.leadA, world.orgs.a, world.collaboratives.x, x, "one")]);
      await own.append([entry(world.people.leadA, world.orgs.a, world.collaboratives.x, x, "two"), entry(world.people.leadA2, world.orgs.a2, world.collaboratives.x, x, "three")]);
      const [row] = rowsOf<{ who: string; org: string | null }>(
        await single.db.execute(sql`select current_user as who, nullif(current_setting('app.org_id', true), '') as org`),
      );
      expect(row!.who).not.toBe("peff_app");
      expect(row!.org).toBeNull();
    } finally {
      if (single !== database) await single.close();
    }
  });
});
