import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import type { Database, Tx } from "../../db/client";
import { rowsOf } from "../../db/client";
import { evidenceAttachments, evidenceEvents, evidenceFindings, evidenceItems, evidenceRecommendations, evidenceTags, planActions, registerRows } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { tenantOf, type Actor } from "../../app/domain/auth/actor";
import { changeStoredDocument } from "../../app/domain/collab/change-stored-document.server";
import { addAttachment } from "../../app/domain/evidence/add-attachment.server";
import { addFinding } from "../../app/domain/evidence/add-finding.server";
import { addRecommendation } from "../../app/domain/evidence/add-recommendation.server";
import { deleteItem, IN_USE_MESSAGE, previewDeleteItem, SHARED_MESSAGE } from "../../app/domain/evidence/delete-item.server";
import { getItem } from "../../app/domain/evidence/get-item.server";
import { setTags } from "../../app/domain/evidence/set-tags.server";
import { shareItem } from "../../app/domain/evidence/share-item.server";
import { unshareItem } from "../../app/domain/evidence/unshare-item.server";
import { createAssessment } from "../../app/domain/grading/create-assessment.server";
import { saveGrades } from "../../app/domain/grading/save-grades.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { projectPlan } from "../../app/domain/plans/project-plan.server";
import { pullIntoPlan } from "../../app/domain/plans/pull-into-plan.server";
import { appendActions, readActions } from "../../app/lib/plan/model";
import { appendRows, rowsOf as rowsMap } from "../../app/lib/register/model";
import * as deleteRoute from "../../app/routes/evidence.$id.delete";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { frameworkIds, outcomesOf } from "../support/grading";
import { makePdf } from "../support/pdf";
import { callRoute } from "../support/routes";
import { addItem, refs } from "./support";

let database: Database;
let world: World;
let r: Awaited<ReturnType<typeof refs>>;
let outcome: { id: string; code: string };

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  r = await refs(database);
  outcome = (await outcomesOf(database, (await frameworkIds(database)).eds2)).find((o) => o.code === "2.1")!;
});
afterAll(() => database?.close());

const exists = async (id: string) => (await database.db.select({ id: evidenceItems.id }).from(evidenceItems).where(eq(evidenceItems.id, id))).length === 1;
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);
const grade = (value: number, evidenceIds: string[]) => [{ outcomeId: outcome.id, serviceId: null, value, rationale: "Because", agreed: false, evidenceIds }];
const planDetails = (title: string) => ({ kind: "equality_objectives" as const, title, periodStart: "2024-04-01", periodEnd: "2028-03-31", objectives: [] });

/** Changes a stored document as the actor, as an edit on the collaboration server would, without projecting it (yet). */
async function changeStored(actor: Actor, document: string, orgId: string | null, change: (doc: Y.Doc) => string[], project = async (_tx: Tx, _doc: Y.Doc) => {}) {
  const target = { document, collaborativeId: actor.active.collaborativeId, orgId, userId: actor.userId };
  await withTenant(database, tenantOf(actor), (tx) => changeStoredDocument(tx, target, change, (doc) => project(tx, doc)));
}

/** Removes every action of a plan, as an editor deleting its rows would, and projects it. */
async function emptyPlan(actor: Actor, planId: string) {
  const owner = { planId, collaborativeId: actor.active.collaborativeId, orgId: actor.active.orgId };
  await changeStored(
    actor,
    `plan:${planId}`,
    actor.active.orgId,
    (doc) => {
      const rows = rowsMap(doc);
      const keys = [...rows.keys()];
      for (const key of keys) rows.delete(key);
      return keys;
    },
    (tx, doc) => projectPlan(tx, owner, readActions(doc)),
  );
}

describe("deleting a private evidence item", () => {
  it("deletes it with its findings, recommendations, files, tags and history", async () => {
    const id = await addItem(database, world.actors.contributorA, { title: "Entered twice by mistake" });
    await addFinding(database, world.actors.contributorA, { itemId: id, kind: "issue", text: "No hearing loop at reception" });
    await addRecommendation(database, world.actors.contributorA, { itemId: id, text: "Fit a loop", addressedToOrgId: null, responseDue: null, response: "" });
    await addAttachment(database, world.actors.contributorA, { itemId: id, filename: "notes.pdf", bytes: makePdf(["Reception notes"]) });
    await setTags(database, world.actors.contributorA, { itemId: id, findingId: null, tags: [`characteristic:${r.deaf}`, `outcome:${r.outcome1A}`] });

    const preview = await previewDeleteItem(database, world.actors.contributorA, { itemId: id });
    expect(preview).toMatchObject({ title: "Entered twice by mistake", shared: false, canDelete: true, contents: { findings: 1, recommendations: 1, files: 1, tags: 2 } });
    expect((await getItem(database, world.actors.contributorA, { itemId: id })).can.delete).toBe(true);

    expect(await deleteItem(database, world.actors.contributorA, { itemId: id })).toEqual({ title: "Entered twice by mistake" });
    expect(await exists(id)).toBe(false);
    for (const table of [evidenceFindings, evidenceRecommendations, evidenceAttachments, evidenceTags, evidenceEvents]) {
      expect(await database.db.select().from(table).where(eq(table.itemId, id))).toEqual([]);
    }
  });

  it("is for the owner organisation's leads and contributors only", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Ours" });
    expect((await getItem(database, world.actors.viewerA, { itemId: id })).can.delete).toBe(false);
    await expect(previewDeleteItem(database, world.actors.viewerA, { itemId: id })).rejects.toMatchObject({ status: 403 });
    await expect(deleteItem(database, world.actors.viewerA, { itemId: id })).rejects.toMatchObject({ status: 403 });
    // Another organisation does not see a private item at all.
    await expect(previewDeleteItem(database, world.actors.leadA2, { itemId: id })).rejects.toMatchObject({ status: 404 });
    await expect(deleteItem(database, world.actors.leadA2, { itemId: id })).rejects.toMatchObject({ status: 404 });
    expect(await exists(id)).toBe(true);
  });

  it("refuses a shared item, even to its owner (unshare it first)", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Shared survey" });
    await shareItem(database, world.actors.leadA, { itemId: id, decisions: {} });
    expect(await previewDeleteItem(database, world.actors.leadA, { itemId: id })).toMatchObject({ shared: true, canDelete: false });
    expect((await getItem(database, world.actors.leadA, { itemId: id })).can.delete).toBe(false);
    await expect(deleteItem(database, world.actors.leadA, { itemId: id })).rejects.toMatchObject({ status: 409, message: SHARED_MESSAGE });
    // Another organisation's lead sees it, and may not delete it either.
    await expect(deleteItem(database, world.actors.leadA2, { itemId: id })).rejects.toMatchObject({ status: 403 });
    await unshareItem(database, world.actors.leadA, { itemId: id });
    await deleteItem(database, world.actors.leadA, { itemId: id });
    expect(await exists(id)).toBe(false);
  });
});

describe("an item something links to", () => {
  it("is kept while a grade links to it, naming the grade; once unlinked it can go", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Complaints audit" });
    const assessmentId = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2", yearStart: 2031 });
    await saveGrades(database, world.actors.leadA, assessmentId, grade(2, [id]));

    const preview = await previewDeleteItem(database, world.actors.leadA, { itemId: id });
    expect(preview.canDelete).toBe(false);
    expect(preview.uses.grades).toEqual([{ assessmentId, label: "EDS2 2031/32, outcome 2.1" }]);
    await expect(deleteItem(database, world.actors.leadA, { itemId: id })).rejects.toMatchObject({ status: 409, message: IN_USE_MESSAGE });

    await saveGrades(database, world.actors.leadA, assessmentId, grade(2, []));
    expect((await previewDeleteItem(database, world.actors.leadA, { itemId: id })).canDelete).toBe(true);
    await deleteItem(database, world.actors.leadA, { itemId: id });
    expect(await exists(id)).toBe(false);
  });

  it("is kept while a plan action was pulled from it, naming the plan", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Interpreting audit", summary: "Interpreters booked late" });
    const { id: planId } = await createPlan(database, world.actors.leadA, planDetails("Equality objectives 2024-28"));
    await pullIntoPlan(database, world.actors.contributorA, planId, { kind: "evidence", id });

    const preview = await previewDeleteItem(database, world.actors.contributorA, { itemId: id });
    expect(preview.canDelete).toBe(false);
    expect(preview.uses.planActions).toEqual([{ planId, planTitle: "Equality objectives 2024-28", action: expect.any(String) }]);
    await expect(deleteItem(database, world.actors.contributorA, { itemId: id })).rejects.toMatchObject({ status: 409 });

    await emptyPlan(world.actors.leadA, planId);
    await deleteItem(database, world.actors.contributorA, { itemId: id });
    expect(await exists(id)).toBe(false);
  });

  it("is kept while a register row links to it", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Linked from the register" });
    const rowKey = randomUUID();
    await database.db.insert(registerRows).values({
      collaborativeId: world.collaboratives.x,
      rowKey,
      position: 5_000_000,
      characteristics: [],
      barrier: "No easy read letters",
      issue: "",
      identifiedBy: "",
      evidence: [{ url: `/evidence/${id}`, title: "Linked from the register", evidenceId: id }],
      edsOutcomes: [],
      psedAims: [],
      themes: [],
      leadOrganisation: "",
      contactRole: "",
      status: null,
      updates: [],
    });
    expect((await previewDeleteItem(database, world.actors.leadA, { itemId: id })).uses.registerRows).toEqual([{ position: 5_000_000, barrier: "No easy read letters" }]);
    await expect(deleteItem(database, world.actors.leadA, { itemId: id })).rejects.toMatchObject({ status: 409 });
    await database.db.delete(registerRows).where(eq(registerRows.rowKey, rowKey));
    await deleteItem(database, world.actors.leadA, { itemId: id });
  });

  it("counts another organisation's links to an item shared once, without saying what they are", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Shared then unshared" });
    await shareItem(database, world.actors.leadA, { itemId: id, decisions: {} });
    const theirs = await createAssessment(database, world.actors.leadA2, { frameworkCode: "EDS2", yearStart: 2031 });
    await saveGrades(database, world.actors.leadA2, theirs, grade(3, [id]));
    await unshareItem(database, world.actors.leadA, { itemId: id });

    const preview = await previewDeleteItem(database, world.actors.leadA, { itemId: id });
    expect(preview.canDelete).toBe(false);
    expect(preview.uses.grades).toEqual([]);
    expect(preview.uses.elsewhere).toEqual([{ orgName: expect.any(String), grades: 1, planActions: 0, responses: 0 }]);
    expect(JSON.stringify(preview)).not.toContain(theirs);
    await expect(deleteItem(database, world.actors.leadA, { itemId: id })).rejects.toMatchObject({ status: 409 });
    expect(await exists(id)).toBe(true);
  });

  it("is refused by the database too: a delete that skips the app's check fails (23503)", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Linked, deleted behind the app's back" });
    const assessmentId = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2", yearStart: 2032 });
    await saveGrades(database, world.actors.leadA, assessmentId, grade(1, [id]));
    const error = await failure(withTenant(database, tenantOf(world.actors.leadA), (tx) => tx.execute(sql`delete from evidence_items where id = ${id}`)));
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error ?? {})) + String((error as { cause?: unknown })?.cause)).toMatch(/23503|is in use/);
    // Not even the owner connection (an operator) deletes a linked item by accident.
    await expect(database.db.delete(evidenceItems).where(eq(evidenceItems.id, id))).rejects.toBeTruthy();
    expect(await exists(id)).toBe(true);
  });

  it("answers its uses only to the owner organisation's writers", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Whose uses" });
    const assessmentId = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2", yearStart: 2033 });
    await saveGrades(database, world.actors.leadA, assessmentId, grade(1, [id]));
    const usesAs = (actor: Actor) => withTenant(database, tenantOf(actor), async (tx) => rowsOf(await tx.execute(sql`select * from evidence_item_uses(${id}::uuid)`)));
    expect(await usesAs(world.actors.contributorA)).toHaveLength(1);
    expect(await usesAs(world.actors.viewerA)).toEqual([]);
    expect(await usesAs(world.actors.leadA2)).toEqual([]);
    expect(await usesAs(world.actors.leadB)).toEqual([]);
    // The function behind it is not the app's to call.
    await expect(withTenant(database, tenantOf(world.actors.leadA), (tx) => tx.execute(sql`select * from evidence_uses_of(${id}::uuid)`))).rejects.toBeTruthy();
  });
});

describe("the delete page", () => {
  it("shows what goes, deletes on confirming and says so on the evidence page", async () => {
    const id = await addItem(database, world.actors.contributorA, { title: "Draft to remove" });
    const page = await callRoute(database, deleteRoute.loader, world.people.contributorA, `/evidence/${id}/delete`, { params: { id } });
    expect(page).toMatchObject({ status: 200, body: { title: "Draft to remove", canDelete: true } });
    const done = await callRoute(database, deleteRoute.action, world.people.contributorA, `/evidence/${id}/delete`, { params: { id }, form: {} });
    expect(done.status).toBe(302);
    expect(await exists(id)).toBe(false);
  });

  it("answers a refusal with its reason, and a viewer with 403", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "In use" });
    const assessmentId = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2", yearStart: 2034 });
    await saveGrades(database, world.actors.leadA, assessmentId, grade(3, [id]));
    const refused = await callRoute(database, deleteRoute.action, world.people.leadA, `/evidence/${id}/delete`, { params: { id }, form: {} });
    expect(refused).toMatchObject({ status: 409, body: { ok: false, message: IN_USE_MESSAGE } });
    expect((await callRoute(database, deleteRoute.loader, world.people.viewerA, `/evidence/${id}/delete`, { params: { id } })).status).toBe(403);
    expect(await exists(id)).toBe(true);
  });
});

describe("projection keeps plan links checkable", () => {
  it("a plan action linking the item (not pulled) also keeps it", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Linked from an action" });
    const { id: planId } = await createPlan(database, world.actors.leadA, planDetails("Workforce plan"));
    await pullIntoPlan(database, world.actors.leadA, planId, { kind: "evidence", id });
    // Make it a plain link: clear the pull's source in the projection, keep the evidence link.
    await database.db.update(planActions).set({ source: null }).where(eq(planActions.planId, planId));
    expect((await previewDeleteItem(database, world.actors.leadA, { itemId: id })).uses.planActions).toHaveLength(1);
    await expect(deleteItem(database, world.actors.leadA, { itemId: id })).rejects.toMatchObject({ status: 409 });
  });
});

describe("links stored in a document before its projection reaches SQL", () => {
  // The collaboration server projects up to a second after an edit settles; a delete in between
  // must still see the link (it reads the stored document when its bytes mention the item).
  const linkTo = (id: string, title: string) => [{ url: `/evidence/${id}`, title, evidenceId: id }];
  const deleteRows = (keys: string[]) => (doc: Y.Doc) => {
    for (const key of keys) rowsMap(doc).delete(key);
    return keys;
  };

  it("keeps an item the register has just linked, naming the row, until the link is removed", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Just linked in the register" });
    const register = `register:${world.collaboratives.x}`;
    let keys: string[] = [];
    await changeStored(world.actors.contributorA, register, null, (doc) => (keys = appendRows(doc, [{ barrier: "Letters not in easy read", evidence: linkTo(id, "Just linked") }])));
    expect(await database.db.select().from(registerRows).where(eq(registerRows.rowKey, keys[0]!))).toEqual([]);

    const preview = await previewDeleteItem(database, world.actors.leadA, { itemId: id });
    expect(preview.canDelete).toBe(false);
    expect(preview.uses.registerRows).toEqual([{ position: expect.any(Number), barrier: "Letters not in easy read" }]);
    await expect(deleteItem(database, world.actors.leadA, { itemId: id })).rejects.toMatchObject({ status: 409, message: IN_USE_MESSAGE });

    // Removed again (still not projected): its bytes are in the stored updates, but the document no longer links it.
    await changeStored(world.actors.contributorA, register, null, deleteRows(keys));
    expect((await previewDeleteItem(database, world.actors.leadA, { itemId: id })).uses.registerRows).toEqual([]);
    await deleteItem(database, world.actors.leadA, { itemId: id });
    expect(await exists(id)).toBe(false);
  });

  it("keeps an item a plan action has just linked, naming the plan", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Just linked in a plan" });
    const { id: planId } = await createPlan(database, world.actors.leadA, planDetails("Patient experience plan"));
    let keys: string[] = [];
    await changeStored(world.actors.contributorA, `plan:${planId}`, world.actors.contributorA.active.orgId, (doc) => (keys = appendActions(doc, [{ action: "Offer easy read letters", evidence: linkTo(id, "Just linked") }])));

    const preview = await previewDeleteItem(database, world.actors.leadA, { itemId: id });
    expect(preview.uses.planActions).toEqual([{ planId, planTitle: "Patient experience plan", action: "Offer easy read letters" }]);
    await expect(deleteItem(database, world.actors.leadA, { itemId: id })).rejects.toMatchObject({ status: 409 });

    await changeStored(world.actors.contributorA, `plan:${planId}`, world.actors.contributorA.active.orgId, deleteRows(keys));
    await deleteItem(database, world.actors.leadA, { itemId: id });
    expect(await exists(id)).toBe(false);
  });
});

