import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { collabUpdates, planActions, planPulls, registerRows } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { tenantOf, type Actor } from "../../app/domain/auth/actor";
import { loadDocumentState } from "../../app/domain/collab/document-store.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { openPlan } from "../../app/domain/plans/open-plan.server";
import { openRegister } from "../../app/domain/register/open-register.server";
import { projectPlan } from "../../app/domain/plans/project-plan.server";
import { pullIntoPlan } from "../../app/domain/plans/pull-into-plan.server";
import { loadRegisterRollup } from "../../app/domain/plans/register-rollup.server";
import { recordLeaving } from "../../app/domain/collaborative/record-leaving.server";
import { todayIso } from "../../app/lib/plan/dates";
import { DomainError } from "../../app/domain/errors";
import { readActions, resolveSourceChange, sourceChanges } from "../../app/lib/plan/model";
import { rowsOf as rowsMap } from "../../app/lib/register/model";
import { shareItem } from "../../app/domain/evidence/share-item.server";
import { addItem } from "../evidence/support";
import * as pullRoute from "../../app/routes/plans.pull";
import { openTestDatabase } from "../support/db";
import { callRoute } from "../support/routes";
import { actorFor, createOrganisation, createUser, createWorld, type World } from "../support/factories";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

const details = (title = "Equality objectives 2024-28") => ({
  kind: "equality_objectives" as const,
  title,
  periodStart: "2024-04-01",
  periodEnd: "2028-03-31",
  objectives: [{ number: 1, text: "To make fair and transparent commissioning decisions" }],
});

/** Positions of the rows this file writes: counted, as a random one could repeat (the register's positions are unique). */
let nextPosition = 1_000;

/** A shared register row of collaborative X, written as the collaboration server's projection would. */
async function barrier(fields: { barrier: string; issue?: string }): Promise<string> {
  const rowKey = randomUUID();
  await database.db.insert(registerRows).values({
    collaborativeId: world.collaboratives.x,
    rowKey,
    position: nextPosition++,
    characteristics: ["disability"],
    barrier: fields.barrier,
    issue: fields.issue ?? "No BSL interpreters",
    identifiedBy: "Deaf society feedback",
    evidence: [],
    edsOutcomes: ["EDS2:1.1"],
    psedAims: [],
    themes: [],
    leadOrganisation: "",
    contactRole: "",
    status: null,
    updates: [],
  });
  return rowKey;
}

/** The plan's document as stored, and a way to save an edit to it as the collaboration server would. */
async function planDoc(actor: Actor, planId: string) {
  const doc = new Y.Doc();
  const parts = await withTenant(database, tenantOf(actor), (tx) => loadDocumentState(tx, `plan:${planId}`));
  for (const part of parts) Y.applyUpdate(doc, part);
  return doc;
}

async function setStatus(actor: Actor, planId: string, rowKey: string, status: string) {
  const doc = await planDoc(actor, planId);
  rowsMap(doc).get(rowKey)!.set("status", status);
  await withTenant(database, tenantOf(actor), (tx) =>
    projectPlan(tx, { planId, collaborativeId: actor.active.collaborativeId, orgId: actor.active.orgId }, readActions(doc)),
  );
}

describe("pulling shared intelligence into a plan", () => {
  it("creates an action pre-filled from the register row, linked to it and to the version pulled", async () => {
    const rowKey = await barrier({ barrier: "Poor access for D/deaf people" });
    const { id: planId } = await createPlan(database, world.actors.leadA, details());
    const { rowKey: actionKey } = await pullIntoPlan(database, world.actors.contributorA, planId, { kind: "register", id: rowKey });

    const doc = await planDoc(world.actors.leadA, planId);
    const [action] = readActions(doc);
    expect(action).toMatchObject({ key: actionKey, barrier: "Poor access for D/deaf people", issue: "No BSL interpreters", characteristics: ["disability"], edsOutcomes: ["EDS2:1.1"] });
    expect(action!.source).toMatchObject({ kind: "register", id: rowKey, snapshot: { barrier: "Poor access for D/deaf people", issue: "No BSL interpreters" } });

    // Stored as the contributor's own edit of a private document, and projected.
    const [stored] = await database.db.select().from(collabUpdates).where(eq(collabUpdates.document, `plan:${planId}`));
    expect(stored).toMatchObject({ userId: world.people.contributorA.id, orgId: world.orgs.a, rowKeys: [actionKey] });
    const projected = await withTenant(database, tenantOf(world.actors.leadA), (tx) => tx.select().from(planActions).where(eq(planActions.planId, planId)));
    expect(projected.map((p) => p.source?.id)).toEqual([rowKey]);

    // Twice into the same plan is refused with a reason.
    await expect(pullIntoPlan(database, world.actors.leadA, planId, { kind: "register", id: rowKey })).rejects.toMatchObject({ status: 409 });
  });

  it("pulls a shared evidence item (not another organisation's private one), linking the item", async () => {
    const shared = await addItem(database, world.actors.leadA2, { title: "Deaf society briefing", summary: "Video relay not offered at reception" });
    await shareItem(database, world.actors.leadA2, { itemId: shared, decisions: {} });
    const privateItem = await addItem(database, world.actors.leadA2, { title: "Private to A2" });
    const { id: planId } = await createPlan(database, world.actors.leadA, details());
    await pullIntoPlan(database, world.actors.leadA, planId, { kind: "evidence", id: shared });
    const [action] = readActions(await planDoc(world.actors.leadA, planId));
    expect(action).toMatchObject({ barrier: "Deaf society briefing", issue: "Video relay not offered at reception", evidence: [{ url: `/evidence/${shared}`, evidenceId: shared }] });
    expect(action!.source).toMatchObject({ kind: "evidence", id: shared });
    await expect(pullIntoPlan(database, world.actors.leadA, planId, { kind: "evidence", id: privateItem })).rejects.toMatchObject({ status: 404 });
  });

  it("offers evidence-library items to link: shared ones in the register, own private ones too in a plan", async () => {
    const sharedItem = await addItem(database, world.actors.leadA2, { title: "Shared for linking" });
    await shareItem(database, world.actors.leadA2, { itemId: sharedItem, decisions: {} });
    const ownPrivate = await addItem(database, world.actors.leadA, { title: "A's private for linking" });
    const othersPrivate = await addItem(database, world.actors.leadA2, { title: "A2's private for linking" });
    const register = await openRegister(database, world.actors.leadA);
    expect(register!.saved).toEqual([]);
    // The page asks for the rows as last saved too, to show while the live document connects.
    const rowKey = await barrier({ barrier: "Shown before the live document" });
    const withRows = await openRegister(database, world.actors.viewerA, { withRows: true });
    expect(withRows!.saved.find((r) => r.key === rowKey)).toMatchObject({ barrier: "Shown before the live document", characteristics: ["disability"] });
    const inRegister = register!.options.evidence!.map((c) => c.id);
    expect(inRegister).toContain(sharedItem);
    expect(inRegister).not.toContain(ownPrivate);
    const { id: planId } = await createPlan(database, world.actors.leadA, details());
    const inPlan = (await openPlan(database, world.actors.leadA, planId))!.options.evidence!.map((c) => c.id);
    expect(inPlan).toEqual(expect.arrayContaining([sharedItem, ownPrivate]));
    expect(inPlan).not.toContain(othersPrivate);
  });

  it("shows what will be pulled in words on the \"Add to our plan\" page, not as codes", async () => {
    const rowKey = await barrier({ barrier: "Shown in words" });
    const answer = await callRoute(database, pullRoute.loader, world.people.leadA, `/plans/pull?source=register:${rowKey}`);
    expect(answer.status).toBe(200);
    const { labels } = (answer.body as { preview: { labels: { characteristics: string[]; edsOutcomes: string[] } } }).preview;
    expect(labels.characteristics).toEqual(["Disability"]);
    expect(labels.edsOutcomes).toEqual([expect.stringMatching(/\(EDS2\) 1\.1 \S/)]);
  });

  it("refuses readers, other organisations' plans and sources outside the collaborative", async () => {
    const rowKey = await barrier({ barrier: "Interpreting" });
    const { id: planId } = await createPlan(database, world.actors.leadA, details());
    await expect(pullIntoPlan(database, world.actors.viewerA, planId, { kind: "register", id: rowKey })).rejects.toMatchObject({ status: 403 });
    await expect(pullIntoPlan(database, world.actors.leadA2, planId, { kind: "register", id: rowKey })).rejects.toMatchObject({ status: 404 });
    const { id: planB } = await createPlan(database, world.actors.leadB, details());
    await expect(pullIntoPlan(database, world.actors.leadB, planB, { kind: "register", id: rowKey })).rejects.toBeInstanceOf(DomainError);
    expect(await withTenant(database, tenantOf(world.actors.leadB), (tx) => tx.select().from(planActions).where(eq(planActions.planId, planB)))).toEqual([]);
  });

  it("shows a later change of the source field by field, and records taking or keeping it", async () => {
    const rowKey = await barrier({ barrier: "Appointment letters not accessible" });
    const { id: planId } = await createPlan(database, world.actors.leadA, details());
    await pullIntoPlan(database, world.actors.leadA, planId, { kind: "register", id: rowKey });

    let opened = await openPlan(database, world.actors.leadA, planId);
    let [action] = readActions(await planDoc(world.actors.leadA, planId));
    expect(sourceChanges(action!.source!.snapshot, opened!.sources[`register:${rowKey}`]!.snapshot)).toEqual([]);

    // Another organisation edits the shared row.
    await database.db.update(registerRows).set({ issue: "Letters not sent in easy read or large print" }).where(eq(registerRows.rowKey, rowKey));
    opened = await openPlan(database, world.actors.leadA, planId);
    const current = opened!.sources[`register:${rowKey}`]!.snapshot;
    expect(sourceChanges(action!.source!.snapshot, current)).toMatchObject([{ field: "issue", before: "No BSL interpreters", after: "Letters not sent in easy read or large print" }]);

    const doc = await planDoc(world.actors.leadA, planId);
    resolveSourceChange(doc, action!.key, current, "take", { id: world.people.leadA.id, name: "Lead A" });
    [action] = readActions(doc);
    expect(action!.issue).toBe("Letters not sent in easy read or large print");
    expect(sourceChanges(action!.source!.snapshot, current)).toEqual([]);
    expect(action!.sourceDecisions).toMatchObject([{ choice: "take", fields: ["issue"], authorName: "Lead A" }]);
  });
});

describe("the register roll-up", () => {
  it("counts each organisation's status, hides detail from members and lists who has not picked it up for regional leads", async () => {
    const x = world.collaboratives.x;
    const rowKey = await barrier({ barrier: "Roll-up barrier" });
    // Three organisations of X pull it; a fourth member does not.
    const orgC = await createOrganisation(database, x, { type: "community_trust", name: `Trust C ${randomUUID().slice(0, 4)}` });
    const orgD = await createOrganisation(database, x, { type: "ccg", name: `CCG D ${randomUUID().slice(0, 4)}` });
    const leadC = await actorFor(database, await createUser(database, [[orgC, "equality_lead"]]), orgC);
    const regional = await actorFor(database, await createUser(database, [[orgD, "regional_lead"]]), orgD);

    const pulls: [Actor, string][] = [
      [world.actors.leadA, "green"],
      [world.actors.leadA2, "amber"],
      [leadC, "red"],
    ];
    for (const [actor, status] of pulls) {
      const { id: planId } = await createPlan(database, actor, details());
      const { rowKey: actionKey } = await pullIntoPlan(database, actor, planId, { kind: "register", id: rowKey });
      await setStatus(actor, planId, actionKey, status);
    }
    // A's second action on the same barrier, not started: A counts as its least advanced.
    const { id: secondPlan } = await createPlan(database, world.actors.leadA, details("Workforce"));
    await pullIntoPlan(database, world.actors.leadA, secondPlan, { kind: "register", id: rowKey });

    const asMember = (await loadRegisterRollup(database, world.actors.leadA2)).find((r) => r.rowKey === rowKey)!;
    expect(asMember.summary).toBe("3 organisations: 1 in progress, 1 not started, 1 no status yet");
    expect(asMember.organisations).toBeNull();
    expect(asMember.notPickedUp).toBeNull();
    expect(asMember.ours).toHaveLength(1);

    const asRegional = (await loadRegisterRollup(database, regional)).find((r) => r.rowKey === rowKey)!;
    expect(asRegional.counts).toMatchObject({ in_progress: 1, not_started: 1, no_status: 1, complete: 0 });
    expect(asRegional.organisations!.map((o) => o.orgId).sort()).toEqual([world.orgs.a, world.orgs.a2, orgC].sort());
    expect(asRegional.notPickedUp!.map((o) => o.orgId)).toContain(orgD);
    expect(asRegional.notPickedUp!.map((o) => o.orgId)).not.toContain(world.orgs.a);
  });

  it("counts only the organisations that are members now: one that has left is frozen, not working on it", async () => {
    const x = world.collaboratives.x;
    const rowKey = await barrier({ barrier: "Barrier of a departed trust" });
    const orgE = await createOrganisation(database, x, { name: `Trust E ${randomUUID().slice(0, 4)}` });
    const leadE = await actorFor(database, await createUser(database, [[orgE, "equality_lead"]]), orgE);
    const regional = await actorFor(database, await createUser(database, [[world.orgs.a2, "regional_lead"]]), world.orgs.a2);
    for (const [actor, status] of [[world.actors.leadA, "green"], [leadE, "amber"]] as const) {
      const { id: planId } = await createPlan(database, actor, details());
      const { rowKey: actionKey } = await pullIntoPlan(database, actor, planId, { kind: "register", id: rowKey });
      await setStatus(actor, planId, actionKey, status);
    }
    const rollup = async () => (await loadRegisterRollup(database, regional)).find((r) => r.rowKey === rowKey)!;
    expect((await rollup()).counts).toMatchObject({ complete: 1, in_progress: 1 });
    await recordLeaving(database, world.actors.adminX, orgE, todayIso());
    const after = await rollup();
    expect(after.counts).toMatchObject({ complete: 1, in_progress: 0 });
    expect(after.summary).toBe("1 organisation: 1 complete");
    expect(after.organisations!.map((o) => o.orgId)).toEqual([world.orgs.a]);
    expect(after.notPickedUp!.map((o) => o.orgId)).not.toContain(orgE);
  });

  it("exposes only the pulled action's status to other organisations, never the plan", async () => {
    const rowKey = await barrier({ barrier: "Private wording test" });
    const { id: planId } = await createPlan(database, world.actors.leadA, details());
    await pullIntoPlan(database, world.actors.leadA, planId, { kind: "register", id: rowKey });
    const asA2 = tenantOf(world.actors.leadA2);
    // The roll-up rows themselves are A's only (0019); A2 sees the count.
    expect(await withTenant(database, asA2, (tx) => tx.select().from(planPulls).where(and(eq(planPulls.planId, planId))))).toEqual([]);
    expect((await loadRegisterRollup(database, world.actors.leadA2)).find((r) => r.rowKey === rowKey)!.summary).toBe("1 organisation: 1 no status yet");
    expect(await withTenant(database, asA2, (tx) => tx.select().from(planActions).where(eq(planActions.planId, planId)))).toEqual([]);
    expect(await openPlan(database, world.actors.leadA2, planId)).toBeNull();
    // Other collaboratives see nothing at all.
    expect(await withTenant(database, tenantOf(world.actors.leadB), (tx) => tx.select().from(planPulls).where(eq(planPulls.planId, planId)))).toEqual([]);
  });

  it("refuses updates planted under another organisation's plan document", async () => {
    const { id: planId } = await createPlan(database, world.actors.leadA, details());
    const doc = new Y.Doc();
    doc.getMap("rows").set("planted", 1);
    const payload = Y.encodeStateAsUpdate(doc);
    // Same collaborative, own organisation id, but A's document name: refused by RLS.
    await expect(
      withTenant(database, tenantOf(world.actors.leadA2), (tx) =>
        tx.insert(collabUpdates).values({ collaborativeId: world.collaboratives.x, orgId: world.orgs.a2, document: `plan:${planId}`, userId: world.people.leadA2.id, payload }),
      ),
    ).rejects.toThrow();
    // As a shared (register-like) document: refused by the check constraint.
    await expect(
      withTenant(database, tenantOf(world.actors.leadA2), (tx) =>
        tx.insert(collabUpdates).values({ collaborativeId: world.collaboratives.x, orgId: null, document: `plan:${planId}`, userId: world.people.leadA2.id, payload }),
      ),
    ).rejects.toThrow();
  });
});
