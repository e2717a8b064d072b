import { afterAll, beforeAll, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { collaboratives, memberships, organisations, ROLES } from "../db/schema";
import { collaborativeCounts, DEMO_COLLABORATIVE_NAME, DEMO_PASSWORD, seedDemo } from "../db/seed/demo";
import { hashPassword } from "../app/domain/auth/crypto.server";
import { encodeRegister, readRows } from "../app/lib/register/model";
import { collabSnapshots, evidenceEvents, evidenceRecommendations, evidenceTags, recommendationResponses, registerRows } from "../db/schema";
import * as Y from "yjs";
import { signIn } from "../app/domain/auth/sign-in.server";
import { openScratchDatabase } from "./support/db";
import { testConfig } from "./support/config";

let database: Database;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ database, dispose } = await openScratchDatabase());
});
afterAll(() => dispose?.());

it("seeds a labelled demo collaborative with six or more organisation types and every role", async () => {
  expect(await collaborativeCounts(database)).toEqual({ demo: 0, real: 0 });
  const demo = await seedDemo(database, { hashPassword, encodeRegister });
  const [collab] = await database.db.select().from(collaboratives).where(eq(collaboratives.id, demo.collaborativeId));
  expect(collab).toMatchObject({ name: DEMO_COLLABORATIVE_NAME, isDemo: true });
  const orgs = await database.db.select().from(organisations);
  expect(orgs.length).toBeGreaterThanOrEqual(6);
  expect(new Set(orgs.map((o) => o.type)).size).toBeGreaterThanOrEqual(6);
  const roles = new Set((await database.db.select().from(memberships)).map((m) => m.role));
  expect([...roles].sort()).toEqual([...ROLES].sort());
  const result = await signIn(database, testConfig(), { email: "admin@peff.example", password: DEMO_PASSWORD, address: null });
  expect(result.ok).toBe(true);

  // The shared register holds seed 002's Appendix B rows, as a document and as its SQL projection.
  const [snapshot] = await database.db.select().from(collabSnapshots).where(eq(collabSnapshots.collaborativeId, demo.collaborativeId));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(snapshot!.state));
  const projected = await database.db.select().from(registerRows).where(eq(registerRows.collaborativeId, demo.collaborativeId)).orderBy(registerRows.position);
  expect(readRows(doc).length).toBe(14);
  expect(projected.map((r) => [r.rowKey, r.barrier, r.status])).toEqual(readRows(doc).map((r) => [r.key, r.barrier, r.status]));
  expect(projected.find((r) => r.characteristics.includes("socio_economic"))?.barrier).toBe("Widening health inequalities");

  // Recommendations to organisations: one answered by the organisation addressed, one still awaiting.
  const recommendations = await database.db.select().from(evidenceRecommendations);
  const answers = await database.db.select().from(recommendationResponses);
  expect(answers).toHaveLength(1);
  const answered = recommendations.find((r) => r.id === answers[0]!.recommendationId)!;
  expect(answers[0]!.orgId).toBe(answered.addressedToOrgId);
  expect(recommendations.some((r) => r.addressedToOrgId && !answers.some((a) => a.recommendationId === r.id))).toBe(true);

  // Each item's history names the tags it applied (as the tag picker records them, "kind:id", which
  // the history reads back as labels), not "3 tags no longer listed", at the time the tags say.
  const tagged = await database.db.select().from(evidenceEvents).where(eq(evidenceEvents.action, "tagged"));
  const tags = await database.db.select().from(evidenceTags);
  expect(tagged.length).toBeGreaterThan(0);
  for (const event of tagged) {
    const detail = event.detail as { findingId?: string; tags: string[] };
    const applied = tags.filter((t) => t.itemId === event.itemId && t.findingId === (detail.findingId ?? null));
    expect(detail.tags.sort()).toEqual(applied.map((t) => `${t.kind}:${t.refId}`).sort());
    expect(applied.every((t) => t.appliedAt.getTime() === event.at.getTime())).toBe(true);
  }
});
