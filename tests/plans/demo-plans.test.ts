import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { collabSnapshots, planActions, plans } from "../../db/schema";
import { seedDemo } from "../../db/seed/demo";
import { hashPassword } from "../../app/domain/auth/crypto.server";
import { demoPlanTools } from "../../app/domain/plans/demo-plan-tools.server";
import { listPlans } from "../../app/domain/plans/list-plans.server";
import { openPlan } from "../../app/domain/plans/open-plan.server";
import { encodeRegister } from "../../app/lib/register/model";
import { readActions } from "../../app/lib/plan/model";
import { actorFor } from "../support/factories";
import { openScratchDatabase } from "../support/db";

let database: Database;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ database, dispose } = await openScratchDatabase());
});
afterAll(() => dispose?.());

it("seeds demo plans whose projection matches their documents, and seed 002's own plan archived", async () => {
  const demo = await seedDemo(database, { hashPassword, encodeRegister, plans: demoPlanTools });
  const all = await database.db.select().from(plans).where(eq(plans.collaborativeId, demo.collaborativeId));
  expect(all.length).toBeGreaterThanOrEqual(9);
  for (const plan of all) {
    const [snapshot] = await database.db.select().from(collabSnapshots).where(eq(collabSnapshots.document, `plan:${plan.id}`));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(snapshot!.state));
    const projected = await database.db.select().from(planActions).where(eq(planActions.planId, plan.id)).orderBy(planActions.position);
    expect(projected.map((a) => [a.rowKey, a.action, a.status])).toEqual(readActions(doc).map((a) => [a.key, a.action, a.status]));
  }

  const archived = all.filter((p) => p.archivedAt);
  expect(archived.map((p) => [p.orgId, p.title])).toEqual([[demo.orgIds.sefton, "Equality objective plan 2019 to 2023"]]);
  const leadId = demo.userIds["sefton.lead@peff.example"]!;
  const lead = await actorFor(database, { id: leadId, name: "Rachel Evans", email: "sefton.lead@peff.example" }, demo.orgIds.sefton);
  expect(await openPlan(database, lead, archived[0]!.id)).toMatchObject({ canEdit: false, archived: { byName: "Rachel Evans" } });
  // Its actions are done with: none is chased as overdue, though their dates are long past.
  const { plans: listed, attention } = await listPlans(database, lead);
  expect(listed.find((p) => p.id === archived[0]!.id)).toMatchObject({ actions: 3, complete: 2 });
  expect(attention.every((a) => a.planId !== archived[0]!.id)).toBe(true);
});
