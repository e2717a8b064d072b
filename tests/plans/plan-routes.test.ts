import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { withTenant } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import { changePlanDocument } from "../../app/domain/plans/change-plan-document.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { WORKED_ON_MESSAGE } from "../../app/domain/plans/delete-plan.server";
import { getPlan } from "../../app/domain/plans/get-plan.server";
import { appendActions } from "../../app/lib/plan/model";
import { ARCHIVED_PLAN_MESSAGE } from "../../app/domain/plans/writable-plan.server";
import * as deleteRoute from "../../app/routes/plans.$planId.delete";
import * as nextRoute from "../../app/routes/plans.$planId.next";
import * as settingsRoute from "../../app/routes/plans.$planId.settings";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { callRoute } from "../support/routes";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

const plan = (title: string) =>
  createPlan(database, world.actors.leadA, { kind: "equality_objectives", title, periodStart: "2020-04-01", periodEnd: "2024-03-31", objectives: [] }).then((p) => p.id);
const details = { intent: "details", title: "Renamed", periodStart: "1/4/2020", periodEnd: "31/3/2024", objectives: "1. To be fair" };

describe("a plan's settings, next-plan and delete pages", () => {
  it("archive and restore from the settings; a change posted from a page loaded before the archiving is refused, keeping what was typed", async () => {
    const planId = await plan("Archived from its settings");
    const settings = (form: Record<string, string>) => callRoute(database, settingsRoute.action, world.people.leadA, `/plans/${planId}/settings`, { params: { planId }, form });
    expect(await settings({ intent: "archive" })).toMatchObject({ status: 302 });
    expect((await getPlan(database, world.actors.leadA, planId))!.archivedAt).not.toBeNull();

    expect(await settings(details)).toMatchObject({ status: 409, body: { ok: false, message: ARCHIVED_PLAN_MESSAGE, values: { title: "Renamed", objectives: "1. To be fair", intent: "details" } } });
    expect((await getPlan(database, world.actors.leadA, planId))!.title).toBe("Archived from its settings");

    expect(await callRoute(database, settingsRoute.action, world.people.viewerA, "/", { params: { planId }, form: { intent: "restore" } })).toMatchObject({ status: 403 });
    expect(await settings({ intent: "restore" })).toMatchObject({ status: 302 });
    expect(await settings(details)).toMatchObject({ status: 302 });
    expect((await getPlan(database, world.actors.leadA, planId))!.title).toBe("Renamed");
  });

  it("start the next plan: field errors keep what was typed; a good form makes it and archives the old one", async () => {
    const planId = await plan("Ending");
    const post = (form: Record<string, string>) => callRoute(database, nextRoute.action, world.people.contributorA, "/", { params: { planId }, form });
    const bad = await post({ title: "", periodStart: "1/4/2024", periodEnd: "31/02/2028", objectives: "1. Keep", archiveOld: "yes" });
    expect(bad).toMatchObject({ status: 422, body: { ok: false, values: { periodEnd: "31/02/2028", objectives: "1. Keep", archiveOld: "yes" } } });
    expect(Object.keys((bad.body as { errors: Record<string, string> }).errors).sort()).toEqual(["periodEnd", "title"]);
    const made = await post({ title: "Next", periodStart: "1/4/2024", periodEnd: "31/3/2028", objectives: "1. Keep", archiveOld: "yes" });
    expect(made.status).toBe(302);
    expect((await getPlan(database, world.actors.leadA, planId))!.archivedAt).not.toBeNull();
    expect(await callRoute(database, nextRoute.loader, world.people.viewerA, "/", { params: { planId } })).toMatchObject({ status: 403 });
  });

  it("delete: says whether it can, deletes on confirming, and answers a refusal with its reason", async () => {
    const planId = await plan("Made by mistake");
    expect(await callRoute(database, deleteRoute.loader, world.people.leadA, "/", { params: { planId } })).toMatchObject({ status: 200, body: { workedOn: false } });
    expect(await callRoute(database, deleteRoute.action, world.people.leadA, "/", { params: { planId }, form: {} })).toMatchObject({ status: 302 });
    expect(await getPlan(database, world.actors.leadA, planId)).toBeNull();

    const kept = await plan("Worked on");
    await withTenant(database, tenantOf(world.actors.leadA), (tx) =>
      changePlanDocument(tx, { planId: kept, collaborativeId: world.collaboratives.x, orgId: world.orgs.a }, world.people.leadA.id, (doc) => appendActions(doc, [{ action: "Something" }])),
    );
    expect(await callRoute(database, deleteRoute.loader, world.people.leadA, "/", { params: { planId: kept } })).toMatchObject({ body: { workedOn: true } });
    expect(await callRoute(database, deleteRoute.action, world.people.leadA, "/", { params: { planId: kept }, form: {} })).toMatchObject({ status: 409, body: { ok: false, message: WORKED_ON_MESSAGE } });
    expect(await getPlan(database, world.actors.leadA, kept)).not.toBeNull();
  });
});
