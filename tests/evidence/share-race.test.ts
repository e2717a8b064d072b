import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { evidenceFindings, evidenceItems } from "../../db/schema";
import { addFinding } from "../../app/domain/evidence/add-finding.server";
import { holdForSharing, holdPrivate } from "../../app/domain/evidence/events.server";
import { shareItem } from "../../app/domain/evidence/share-item.server";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { heldTransaction, stillWaiting } from "../support/held-transaction";
import { addItem } from "./support";

/**
 * Sharing scans an item and marks it shared in one transaction; a finding committed between the
 * two would be shared unscanned. These tests hold one side's transaction open at the point of the
 * race and check that the other side waits, then sees it. PGlite has one connection, so two
 * transactions never overlap there: the race exists only on PostgreSQL.
 */
const postgres = Boolean(process.env.DATABASE_URL);
const PERSONAL = "Mrs Jane Smith said the ward turned her interpreter away";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(async () => {
  await database?.close();
});

const findingsOf = async (itemId: string) => (await database.db.select({ text: evidenceFindings.text }).from(evidenceFindings).where(eq(evidenceFindings.itemId, itemId))).map((f) => f.text);

describe.skipIf(!postgres)("sharing against a concurrent change", () => {
  it("sharing waits for a finding being added, then scans it too", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    // What addFinding does, held open between its insert and its commit.
    const adding = heldTransaction(database, world.actors.contributorA, async (tx) => {
      await holdPrivate(tx, itemId);
      const [item] = await tx.select().from(evidenceItems).where(eq(evidenceItems.id, itemId));
      await tx.insert(evidenceFindings).values({ collaborativeId: item!.collaborativeId, orgId: item!.orgId, itemId, kind: "issue", text: PERSONAL, position: 1 });
    });
    await adding.held;
    const sharing = shareItem(database, world.actors.leadA, { itemId, decisions: {} });
    expect(await stillWaiting(sharing)).toBe(true);
    adding.release();
    await adding.done;
    // The finding is now part of the scan: its name needs a decision, so nothing is shared.
    await expect(sharing).rejects.toMatchObject({ status: 422 });
    const [item] = await database.db.select({ sharedAt: evidenceItems.sharedAt }).from(evidenceItems).where(eq(evidenceItems.id, itemId));
    expect(item!.sharedAt).toBeNull();
  });

  it("a finding added while the item is being shared waits, then is refused", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    // What shareItem does, held open between its scan and its commit.
    const sharing = heldTransaction(database, world.actors.leadA, async (tx) => {
      await holdForSharing(tx, itemId);
      await tx.update(evidenceItems).set({ sharedAt: new Date(), sharedBy: world.actors.leadA.userId }).where(eq(evidenceItems.id, itemId));
    });
    await sharing.held;
    const adding = addFinding(database, world.actors.contributorA, { itemId, kind: "issue", text: PERSONAL });
    expect(await stillWaiting(adding)).toBe(true);
    sharing.release();
    await sharing.done;
    await expect(adding).rejects.toMatchObject({ status: 409, message: expect.stringContaining("just been shared") });
    expect(await findingsOf(itemId)).toEqual([]);
  });
});

it("sharing an item already shared is refused, saying so", async () => {
  const itemId = await addItem(database, world.actors.leadA);
  await shareItem(database, world.actors.leadA, { itemId, decisions: {} });
  await expect(shareItem(database, world.actors.leadA, { itemId, decisions: {} })).rejects.toMatchObject({ status: 409, message: "This item is already shared" });
});
