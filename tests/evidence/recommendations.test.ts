import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { withTenant } from "../../db/tenant";
import { tenantOf, type Actor } from "../../app/domain/auth/actor";
import { addRecommendation } from "../../app/domain/evidence/add-recommendation.server";
import { deleteItem, previewDeleteItem } from "../../app/domain/evidence/delete-item.server";
import { getItem } from "../../app/domain/evidence/get-item.server";
import { getRecommendation } from "../../app/domain/evidence/get-recommendation.server";
import { listRecommendationsToUs } from "../../app/domain/evidence/list-recommendations-to-us.server";
import { respondToRecommendation } from "../../app/domain/evidence/respond-to-recommendation.server";
import { shareItem } from "../../app/domain/evidence/share-item.server";
import { unshareItem } from "../../app/domain/evidence/unshare-item.server";
import * as detailRoute from "../../app/routes/evidence.recommendations_.$recommendationId";
import * as listRoute from "../../app/routes/evidence.recommendations";
import * as homeRoute from "../../app/routes/_index";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { callRoute } from "../support/routes";
import { addItem } from "./support";

let database: Database;
let world: World;
const TODAY = "2026-12-07";

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

/** An item of organisation A with one recommendation addressed to A2, shared or not. */
async function recommendationToA2(options: { shared: boolean; due?: string | null; text?: string }) {
  const itemId = await addItem(database, world.actors.leadA, { title: `Enter and View ${Math.random().toString(36).slice(2, 8)}` });
  const { id } = await addRecommendation(database, world.actors.leadA, { itemId, text: options.text ?? "Offer BSL interpreters at reception", addressedToOrgId: world.orgs.a2, responseDue: options.due ?? null, response: "" });
  if (options.shared) await shareItem(database, world.actors.leadA, { itemId, decisions: {} });
  return { itemId, id };
}
const answer = (actor: Actor, id: string, decision: "accepted" | "partly_accepted" | "not_accepted", body: string) => respondToRecommendation(database, actor, id, { decision, body });

describe("recommendations to an organisation", () => {
  it("are listed for the organisation addressed, awaiting ones first by due date, with where each stands", async () => {
    const later = await recommendationToA2({ shared: true, due: "2027-03-01", text: "Review the complaints leaflet" });
    const overdue = await recommendationToA2({ shared: true, due: "2026-11-30", text: "Publish the interpreting policy" });
    const answered = await recommendationToA2({ shared: true, due: "2026-10-01", text: "Train reception staff" });
    const hidden = await recommendationToA2({ shared: false, text: "A private note of A" });
    await answer(world.actors.leadA2, answered.id, "accepted", "Training booked for January");

    const list = await listRecommendationsToUs(database, world.actors.leadA2, TODAY);
    const ours = list.filter((r) => [later.id, overdue.id, answered.id, hidden.id].includes(r.id));
    expect(ours.map((r) => [r.text, r.status])).toEqual([
      ["Publish the interpreting policy", "overdue"],
      ["Review the complaints leaflet", "awaiting"],
      ["Train reception staff", "responded"],
    ]);
    expect(ours[2]!.latest).toMatchObject({ decision: "accepted", body: "Training booked for January", by: world.people.leadA2.name });
    // Not addressed to A, nor visible to another collaborative.
    expect((await listRecommendationsToUs(database, world.actors.leadA, TODAY)).some((r) => r.id === later.id)).toBe(false);
    expect(await listRecommendationsToUs(database, world.actors.leadB, TODAY)).toEqual([]);
  });

  it("are answered by the addressed organisation's writers only; answers are appended and everyone who reads the item sees the current one", async () => {
    const { itemId, id } = await recommendationToA2({ shared: true, due: "2027-01-15" });
    for (const actor of [world.actors.leadA, world.actors.contributorA]) await expect(answer(actor, id, "accepted", "Not ours to answer")).rejects.toMatchObject({ status: 403 });
    await expect(answer(world.actors.leadB, id, "accepted", "Another collaborative")).rejects.toMatchObject({ status: 404 });

    await answer(world.actors.leadA2, id, "partly_accepted", "Interpreters on weekdays first");
    await answer(world.actors.leadA2, id, "accepted", "Interpreters every day from April");
    const view = await getRecommendation(database, world.actors.leadA, id);
    expect(view.canRespond).toBe(false);
    expect(view.responses.map((r) => [r.decision, r.body])).toEqual([
      ["partly_accepted", "Interpreters on weekdays first"],
      ["accepted", "Interpreters every day from April"],
    ]);
    expect((await getRecommendation(database, world.actors.leadA2, id)).canRespond).toBe(true);
    const item = await getItem(database, world.actors.leadA, { itemId });
    expect(item.recommendations.find((r) => r.id === id)!.answer).toMatchObject({ decision: "accepted", body: "Interpreters every day from April" });
    await expect(getRecommendation(database, world.actors.leadB, id)).rejects.toMatchObject({ status: 404 });
  });

  it("in a private item are not seen, nor answerable, by the organisation addressed until shared", async () => {
    const { id } = await recommendationToA2({ shared: false });
    await expect(getRecommendation(database, world.actors.leadA2, id)).rejects.toMatchObject({ status: 404 });
    await expect(answer(world.actors.leadA2, id, "accepted", "Seen through a crack")).rejects.toMatchObject({ status: 404 });
  });

  it("the database refuses an answer for another organisation, or from someone else's name", async () => {
    const { id } = await recommendationToA2({ shared: true });
    const insert = (actor: Actor, orgId: string, by: string) =>
      withTenant(database, tenantOf(actor), (tx) =>
        tx.execute(sql`insert into recommendation_responses (collaborative_id, org_id, recommendation_id, decision, body, responded_by)
          values (${world.collaboratives.x}, ${orgId}, ${id}, 'accepted', 'Forged', ${by})`),
      );
    await expect(insert(world.actors.leadA, world.orgs.a, world.people.leadA.id)).rejects.toBeTruthy();
    await expect(insert(world.actors.leadA, world.orgs.a2, world.people.leadA.id)).rejects.toBeTruthy();
    await expect(insert(world.actors.leadA2, world.orgs.a2, world.people.leadA.id)).rejects.toBeTruthy();
    await expect(insert(world.actors.leadA2, world.orgs.a2, world.people.leadA2.id)).resolves.toBeTruthy();
  });

  it("keep an item from being deleted once another organisation has answered one", async () => {
    const { itemId, id } = await recommendationToA2({ shared: true });
    await answer(world.actors.leadA2, id, "not_accepted", "Outside our remit");
    await unshareItem(database, world.actors.leadA, { itemId });
    const preview = await previewDeleteItem(database, world.actors.leadA, { itemId });
    expect(preview.canDelete).toBe(false);
    expect(preview.uses.elsewhere).toEqual([{ orgName: expect.any(String), grades: 0, planActions: 0, responses: 1 }]);
    await expect(deleteItem(database, world.actors.leadA, { itemId })).rejects.toMatchObject({ status: 409 });
  });
});

describe("the recommendation pages", () => {
  it("list them, and answer one field by field, keeping what was typed", async () => {
    const { id } = await recommendationToA2({ shared: true, due: "2020-01-01", text: "Audit the hearing loops" });
    const list = await callRoute(database, listRoute.loader, world.people.leadA2, "/evidence/recommendations");
    expect((list.body as { recommendations: { id: string; status: string }[] }).recommendations.find((r) => r.id === id)).toMatchObject({ status: "overdue" });

    const home = await callRoute(database, homeRoute.loader, world.people.leadA2, "/");
    expect((home.body as { recommendations: string[] }).recommendations).toContain("overdue");

    const page = await callRoute(database, detailRoute.loader, world.people.leadA2, "/", { params: { recommendationId: id } });
    expect(page).toMatchObject({ status: 200, body: { status: "overdue", recommendation: { canRespond: true, text: "Audit the hearing loops" } } });
    const bad = await callRoute(database, detailRoute.action, world.people.leadA2, "/", { params: { recommendationId: id }, form: { body: "Loops checked monthly" } });
    expect(bad).toMatchObject({ status: 422, body: { errors: { decision: expect.any(String) }, values: { body: "Loops checked monthly" } } });
    const empty = await callRoute(database, detailRoute.action, world.people.leadA2, "/", { params: { recommendationId: id }, form: { decision: "accepted", body: " " } });
    expect(empty).toMatchObject({ status: 422, body: { errors: { body: expect.stringMatching(/Enter your response/) } } });
    const done = await callRoute(database, detailRoute.action, world.people.leadA2, "/", { params: { recommendationId: id }, form: { decision: "accepted", body: "Loops checked monthly" } });
    expect(done.status).toBe(302);
    const after = await callRoute(database, detailRoute.loader, world.people.leadA2, "/", { params: { recommendationId: id } });
    expect(after.body).toMatchObject({ status: "responded" });
    const refused = await callRoute(database, detailRoute.action, world.people.contributorA, "/", { params: { recommendationId: id }, form: { decision: "accepted", body: "Not ours" } });
    expect(refused.status).toBe(403);
  });
});
