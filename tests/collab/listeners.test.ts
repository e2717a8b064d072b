import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { rowsOf, type Database } from "../../db/client";
import { UpdateJournal, type JournalEntry } from "../../server/collab/journal";
import { registerListener } from "../../server/collab/listeners";
import { listenForUpdates } from "../../server/collab/notify";
import { openScratchDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { waitFor } from "./support/client";
import { ensureRegister } from "./support/server";

/**
 * A process announces the updates it stores (NOTIFY) only while another process listens, and a
 * process that starts listening can never miss an update stored while it registers (0017
 * migration). A database of its own: other test files' servers register in the shared one.
 */
const postgres = Boolean(process.env.DATABASE_URL);

let database: Database;
let dispose: () => Promise<void>;
let world: World;
let document: string;

beforeAll(async () => {
  ({ database, dispose } = await openScratchDatabase());
  world = await createWorld(database);
  await ensureRegister(database, world.collaboratives.x);
  document = `register:${world.collaboratives.x}`;
});
afterAll(async () => {
  await dispose?.();
});

function entry(text: string): JournalEntry {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return {
    tenant: { userId: world.people.leadA.id, orgId: world.orgs.a, collaborativeId: world.collaboratives.x },
    owner: { collaborativeId: world.collaboratives.x, orgId: null },
    document,
    payload: Y.encodeStateAsUpdate(doc),
    rowKeys: [],
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("listening for stored updates", () => {
  it("ignores the process's own announcements and hears everyone else's (including a request's, which names no process) and changes of access", async () => {
    const me = randomUUID();
    const heard: string[] = [];
    const stop = await listenForUpdates(database, me, {
      onUpdates: (doc, ids) => heard.push(`${doc} ${ids.join(",")}`),
      onAccessChanged: (doc) => heard.push(`${doc} access changed`),
      onRelisten: () => {},
    });
    try {
      await database.db.execute(sql`select pg_notify('peff_collab', ${`${document} 1 ${me}`})`);
      await database.db.execute(sql`select pg_notify('peff_collab', ${`${document} 2,3 ${randomUUID()}`})`);
      await database.db.execute(sql`select pg_notify('peff_collab', ${`${document} 4`})`);
      await database.db.execute(sql`select pg_notify('peff_collab', ${`${document} access`})`);
      await waitFor(() => heard.length >= 3, "three announcements");
      await pause(100);
      expect(heard).toEqual([`${document} 2,3`, `${document} 4`, `${document} access changed`]);
    } finally {
      await stop();
    }
  });
});

describe.skipIf(!postgres)("announcing stored updates on PostgreSQL", () => {
  it("announces nothing while no other process listens, each id (naming its process) while one does, and nothing after it leaves", async () => {
    const me = randomUUID();
    const journal = new UpdateJournal(database, me);
    const heard: string[] = [];
    const { unlisten } = await database.pg!.listen("peff_collab", (payload) => heard.push(payload));
    try {
      await journal.append([entry("alone")]);
      await pause(300);
      expect(heard).toEqual([]);

      const other = await registerListener(database, randomUUID(), () => {});
      const [id] = await journal.append([entry("heard")]);
      await waitFor(() => heard.length === 1, "the announcement");
      expect(heard).toEqual([`${document} ${id} ${me}`]);

      await other.stop();
      await journal.append([entry("alone again")]);
      await pause(300);
      expect(heard).toHaveLength(1);
    } finally {
      await unlisten();
    }
  });

  it("makes a registration wait for appends in flight, so each is either committed before it or announced", async () => {
    const appending = await database.pg!.reserve();
    try {
      await appending`begin`;
      await appending`select collab_append_update(${world.people.leadA.id}::uuid, ${world.orgs.a}::uuid, ${world.collaboratives.x}::uuid,
        ${world.collaboratives.x}::uuid, null, ${document}, ${Buffer.from(Y.encodeStateAsUpdate(new Y.Doc()))}, '{}', ${randomUUID()}::uuid)`;
      const newcomer = randomUUID();
      const register = () =>
        database.pg!.begin(async (tx) => {
          await tx`set local lock_timeout = '300ms'`;
          await tx`select collab_register_listener(${newcomer}::uuid)`;
        });
      await expect(register()).rejects.toThrow(/lock timeout/);
      await appending`commit`;
      await register();
      const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from collab_listeners where process_id = ${newcomer}::uuid`));
      expect(row!.n).toBe(1);
      await database.db.execute(sql`delete from collab_listeners where process_id = ${newcomer}::uuid`);
    } finally {
      appending.release();
    }
  });

  it("forgets a registration not refreshed for a minute, and a process whose registration lapsed registers again and says so", async () => {
    const gone = randomUUID();
    await database.db.execute(sql`insert into collab_listeners (process_id, last_seen) values (${gone}::uuid, now() - interval '2 minutes')`);
    let lapsed = 0;
    const me = randomUUID();
    const registration = await registerListener(database, me, () => lapsed++, 50);
    try {
      const ids = async () =>
        rowsOf<{ id: string }>(await database.db.execute(sql`select process_id::text as id from collab_listeners`)).map((r) => r.id);
      expect(await ids()).toEqual([me]);
      await pause(150);
      expect(lapsed).toBe(0);
      await database.db.execute(sql`delete from collab_listeners where process_id = ${me}::uuid`);
      await waitFor(() => lapsed === 1, "the lapsed registration to be noticed");
      expect(await ids()).toEqual([me]);
    } finally {
      await registration.stop();
    }
    const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from collab_listeners`));
    expect(row!.n).toBe(0);
  });
});
