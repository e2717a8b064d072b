import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/client";
import { assessmentGrades, assessments, organisations } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { tenantOf, type Actor } from "../../app/domain/auth/actor";
import { DomainError } from "../../app/domain/errors";
import { setTags } from "../../app/domain/evidence/set-tags.server";
import { shareItem } from "../../app/domain/evidence/share-item.server";
import { unshareItem } from "../../app/domain/evidence/unshare-item.server";
import { createAssessment } from "../../app/domain/grading/create-assessment.server";
import { getAssessment, listEvidenceChoices, type GradeView } from "../../app/domain/grading/get-assessment.server";
import { addService } from "../../app/domain/grading/manage-services.server";
import { saveGrades } from "../../app/domain/grading/save-grades.server";
import { gradeField } from "../../app/policies/grading";
import { openTestDatabase } from "../support/db";
import { actorFor, createUser, createWorld, type World } from "../support/factories";
import { frameworkIds, outcomesOf } from "../support/grading";
import { addItem } from "../evidence/support";

let database: Database;
let world: World;
let regional: Actor;
let orgName: { a: string; a2: string };
/** Evidence: A's private and shared items, A2's shared and private items. */
const items = { ownPrivate: "", ownShared: "", otherShared: "", otherPrivate: "" };
let outcome: { id: string; code: string };
let second: { id: string; code: string };
let assessmentId: string;

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const gradeOf = async (actor: Actor, outcomeId: string, serviceId: string | null = null): Promise<GradeView | undefined> =>
  (await getAssessment(database, actor, assessmentId)).grades.find((g) => g.outcomeId === outcomeId && g.serviceId === serviceId);

const entry = (outcomeId: string, value: number, evidenceIds?: string[]) => ({ outcomeId, serviceId: null, value, rationale: "Because", agreed: false, evidenceIds });

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  regional = await actorFor(database, await createUser(database, [[world.orgs.a2, "regional_lead"]]), world.orgs.a2);
  const names = await database.db.select({ id: organisations.id, name: organisations.name }).from(organisations);
  orgName = { a: names.find((o) => o.id === world.orgs.a)!.name, a2: names.find((o) => o.id === world.orgs.a2)!.name };

  const eds2 = await outcomesOf(database, (await frameworkIds(database)).eds2);
  outcome = eds2.find((o) => o.code === "2.1")!;
  second = eds2.find((o) => o.code === "2.2")!;
  const tagged = async (actor: Actor, id: string) => setTags(database, actor, { itemId: id, findingId: null, tags: [`outcome:${outcome.id}`] });

  items.ownPrivate = await addItem(database, world.actors.leadA, { title: "Our private complaints audit" });
  await tagged(world.actors.leadA, items.ownPrivate);
  items.ownShared = await addItem(database, world.actors.leadA, { title: "Our shared interpreting survey" });
  await shareItem(database, world.actors.leadA, { itemId: items.ownShared, decisions: {} });
  items.otherShared = await addItem(database, world.actors.leadA2, { title: "Healthwatch Enter and View report" });
  await tagged(world.actors.leadA2, items.otherShared);
  await shareItem(database, world.actors.leadA2, { itemId: items.otherShared, decisions: {} });
  items.otherPrivate = await addItem(database, world.actors.leadA2, { title: "Their private staff survey" });

  assessmentId = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2", yearStart: 2019 });
});
afterAll(() => database?.close());

describe("linking evidence to a grade", () => {
  it("offers the grader their own items and shared items, tagged ones saying so, never another organisation's private items", async () => {
    const choices = await listEvidenceChoices(database, world.actors.leadA, [outcome.id, second.id]);
    const byId = new Map(choices.map((c) => [c.id, c]));
    expect(byId.has(items.otherPrivate)).toBe(false);
    expect(byId.get(items.ownPrivate)).toMatchObject({ own: true, shared: false, outcomeIds: [outcome.id] });
    expect(byId.get(items.ownShared)).toMatchObject({ own: true, shared: true, outcomeIds: [] });
    expect(byId.get(items.otherShared)).toMatchObject({ own: false, shared: true, orgName: orgName.a2, outcomeIds: [outcome.id] });
  });

  it("saves own (private and shared) and another organisation's shared evidence, and shows their titles", async () => {
    await saveGrades(database, world.actors.leadA, assessmentId, [entry(outcome.id, 2, [items.ownPrivate, items.ownShared, items.otherShared, items.ownShared])]);
    const grade = await gradeOf(world.actors.leadA, outcome.id);
    expect([...grade!.evidenceIds].sort()).toEqual([items.ownPrivate, items.ownShared, items.otherShared].sort());
    expect(grade!.evidence.map((e) => [e.title, e.orgName, e.shared, e.href])).toEqual([
      ["Healthwatch Enter and View report", orgName.a2, true, `/evidence/${items.otherShared}`],
      ["Our private complaints audit", orgName.a, false, `/evidence/${items.ownPrivate}`],
      ["Our shared interpreting survey", orgName.a, true, `/evidence/${items.ownShared}`],
    ]);
    expect(grade!.privateEvidence).toEqual([]);
  });

  it("keeps the links when an entry leaves them out, and unlinks when given an empty list", async () => {
    await saveGrades(database, world.actors.leadA, assessmentId, [{ ...entry(outcome.id, 3), evidenceIds: undefined }]);
    expect((await gradeOf(world.actors.leadA, outcome.id))!.evidenceIds).toHaveLength(3);
    await saveGrades(database, world.actors.leadA, assessmentId, [entry(second.id, 1, [items.ownShared])]);
    await saveGrades(database, world.actors.leadA, assessmentId, [entry(second.id, 1, [])]);
    expect((await gradeOf(world.actors.leadA, second.id))!.evidenceIds).toEqual([]);
  });

  it("refuses another organisation's private item, a made-up id and a non-id, field by field, saving nothing", async () => {
    const before = await database.db.select().from(assessmentGrades).where(eq(assessmentGrades.assessmentId, assessmentId));
    const field = `${gradeField(outcome.id, null)}-evidence`;
    for (const bad of [items.otherPrivate, randomUUID(), "not-an-id"]) {
      const e = await failure(saveGrades(database, world.actors.leadA, assessmentId, [entry(second.id, 3, [items.ownShared]), entry(outcome.id, 1, [items.ownPrivate, bad])]));
      expect(e.status).toBe(422);
      expect(Object.keys(e.fields)).toEqual([field]);
      expect(e.fields[field]).toMatch(bad === "not-an-id" ? /^2\.1: choose evidence from the list/ : /^2\.1: an evidence item does not exist or you cannot see it/);
      expect(e.message).toMatch(/Nothing was changed/);
    }
    expect(await database.db.select().from(assessmentGrades).where(eq(assessmentGrades.assessmentId, assessmentId))).toEqual(before);
  });

  it("refuses evidence on a slot left ungraded", async () => {
    const third = (await outcomesOf(database, (await frameworkIds(database)).eds2)).find((o) => o.code === "3.1")!;
    const e = await failure(saveGrades(database, world.actors.leadA, assessmentId, [{ ...entry(third.id, 0, [items.ownShared]), value: null }]));
    expect(e.fields[`${gradeField(third.id, null)}-evidence`]).toMatch(/choose a grade before linking evidence/);
  });

  it("links evidence per service for EDS 2022 Domain 1", async () => {
    const id = await createAssessment(database, world.actors.leadA, { frameworkCode: "EDS2022", yearStart: 2024 });
    await addService(database, world.actors.leadA, id, "Maternity");
    const shape = await getAssessment(database, world.actors.leadA, id);
    const serviceId = shape.services[0]!.id;
    const d1 = shape.framework.groups[0]!.outcomes[0]!;
    await saveGrades(database, world.actors.leadA, id, [{ outcomeId: d1.id, serviceId, value: 2, rationale: "", agreed: false, evidenceIds: [items.otherShared] }]);
    const grade = (await getAssessment(database, world.actors.leadA, id)).grades.find((g) => g.outcomeId === d1.id && g.serviceId === serviceId);
    expect(grade!.evidence.map((e) => e.title)).toEqual(["Healthwatch Enter and View report"]);
  });
});

describe("reading linked evidence", () => {
  it("does not tell another organisation who owns the evidence of a draft it cannot read", async () => {
    const rows = await withTenant(database, tenantOf(world.actors.leadA2), async (tx) =>
      rowsOf<{ evidence_id: string }>(await tx.execute(sql`select evidence_id from grade_evidence_owners(${assessmentId}::uuid)`)),
    );
    expect(rows).toEqual([]);
  });

  it("shows a regional lead of another organisation the shared titles and only a count of private items once published", async () => {
    await database.db.update(assessments).set({ phase: "published", publishedOn: "2020-02-20" }).where(eq(assessments.id, assessmentId));
    const view = await getAssessment(database, regional, assessmentId);
    const grade = view.grades.find((g) => g.outcomeId === outcome.id)!;
    expect(grade.evidence.map((e) => e.title)).toEqual(["Healthwatch Enter and View report", "Our shared interpreting survey"]);
    expect(grade.privateEvidence).toEqual([{ orgName: orgName.a, count: 1 }]);
    expect(JSON.stringify(view)).not.toMatch(/Our private complaints audit/);
  });

  it("keeps a published grade's links frozen", async () => {
    const e = await failure(saveGrades(database, world.actors.leadA, assessmentId, [entry(outcome.id, 3, [])]));
    expect(e.status).toBe(403);
    const changed = await withTenant(database, tenantOf(world.actors.leadA), (tx) =>
      tx.update(assessmentGrades).set({ evidenceIds: [] }).where(eq(assessmentGrades.assessmentId, assessmentId)).returning({ id: assessmentGrades.id }),
    );
    expect(changed).toEqual([]);
  });

  it("counts an item its owner has since unshared as private to that owner, for the grading organisation too", async () => {
    await unshareItem(database, world.actors.leadA2, { itemId: items.otherShared });
    const grade = await gradeOf(world.actors.leadA, outcome.id);
    expect(grade!.evidence.map((e) => e.title)).toEqual(["Our private complaints audit", "Our shared interpreting survey"]);
    expect(grade!.privateEvidence).toEqual([{ orgName: orgName.a2, count: 1 }]);
    // Its owner still sees it by title.
    const theirs = (await getAssessment(database, world.actors.leadA2, assessmentId)).grades.find((g) => g.outcomeId === outcome.id)!;
    expect(theirs.evidence.map((e) => e.title)).toContain("Healthwatch Enter and View report");
    expect(theirs.privateEvidence).toEqual([{ orgName: orgName.a, count: 1 }]);
  });
});
