import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { evidenceRecommendations } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { tenantOf, type Actor } from "../../app/domain/auth/actor";
import { addRecommendation } from "../../app/domain/evidence/add-recommendation.server";
import { countRecommendationsToUs } from "../../app/domain/evidence/count-recommendations-to-us.server";
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
import { answerHits, RECOMMENDATIONS_LIMIT, tally, type StatusTally } from "../../app/lib/recommendations";
import { todayIso } from "../../app/lib/plan/dates";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { renderRoute } from "../support/render-route";
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
    // The organisations it names, and only those are read.
    expect(view).toMatchObject({ addressedTo: world.actors.leadA2.active.orgName, item: { ownerName: world.actors.leadA.active.orgName } });
    expect(view.responses.map((r) => r.orgName)).toEqual([world.actors.leadA2.active.orgName, world.actors.leadA2.active.orgName]);
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
    expect((home.body as { recommendations: StatusTally }).recommendations.overdue).toBeGreaterThan(0);

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

describe("the list of recommendations to an organisation with more than it shows", () => {
  // It lists the first 500, awaiting ones first; its counts used to be tallied from those 500.
  it("counts all of them, as the home page does, not only those listed", async () => {
    const fresh = await createWorld(database);
    const itemId = await addItem(database, fresh.actors.leadA2, { title: "Ten years of Enter and View" });
    const { id: answered } = await addRecommendation(database, fresh.actors.leadA2, { itemId, text: "Answered", addressedToOrgId: fresh.orgs.a2, responseDue: "2020-01-01", response: "" });
    await respondToRecommendation(database, fresh.actors.leadA2, answered, { decision: "accepted", body: "Done" });
    const awaiting = RECOMMENDATIONS_LIMIT + 5;
    await database.db.insert(evidenceRecommendations).values(
      Array.from({ length: awaiting }, (_, i) => ({ collaborativeId: fresh.collaboratives.x, orgId: fresh.orgs.a2, itemId, text: `Recommendation ${i}`, addressedToOrgId: fresh.orgs.a2 })),
    );
    const page = await callRoute(database, listRoute.loader, fresh.people.leadA2, "/evidence/recommendations");
    expect((page.body as { recommendations: unknown[] }).recommendations).toHaveLength(RECOMMENDATIONS_LIMIT);
    // What the page says, drawn as the server draws it.
    const html = renderRoute(listRoute.default, "/evidence/recommendations", "/evidence/recommendations", { loader: page.body });
    expect(/data-testid="recommendation-counts">([^<]*)</.exec(html)?.[1]).toBe(`${awaiting} awaiting response, 1 responded.`);
    expect(html).toMatch(/Only the first 500 are listed/);
  });
});

describe("an answer with what looks like personal data", () => {
  const NHS_NUMBER = "943 476 5919"; // a valid modulus 11 check digit
  const answers = async (id: string) => (await getRecommendation(database, world.actors.leadA2, id)).responses;

  it("is stopped, nothing saved, with an error on the answer and a decision asked for each hit, as sharing asks", async () => {
    const { id } = await recommendationToA2({ shared: true });
    const body = `Mrs Patel's complaint (NHS number ${NHS_NUMBER}) was answered; call 0161 496 0000 or write to pals.team@example.org`;
    const refused = respondToRecommendation(database, world.actors.leadA2, id, { decision: "accepted", body });
    await expect(refused).rejects.toMatchObject({ status: 422 });
    const fields = (await refused.then(() => null, (e: { fields: Record<string, string> }) => e))!.fields;
    expect(fields.body).toMatch(/Your response may contain personal data \(.*NHS number.*\): choose whether to redact or keep each one below, or change your response/);
    expect(fields.body).toMatch(/phone number/);
    expect(fields.body).toMatch(/email address/);
    expect(fields.body).toMatch(/name after a title/);
    expect(Object.entries(fields).filter(([k]) => k.startsWith("decision-body@")).map(([, v]) => v)).toEqual([
      "Choose whether to redact or keep this name after a title",
      "Choose whether to redact or keep this NHS number",
      "Choose whether to redact or keep this phone number",
      "Choose whether to redact or keep this email address",
    ]);
    expect(await answers(id)).toEqual([]);
  });

  it("is saved once every hit has a decision: the redacted ones replaced by a marker, the kept ones as typed", async () => {
    const { id } = await recommendationToA2({ shared: true });
    const body = `  Ask for the interpreting team on 0161 496 0000; the patient's NHS number ${NHS_NUMBER} is on file.  `;
    // The page's ids for the hits (answerHits), as its radios send them.
    const [phone, nhs] = answerHits(body).map((h) => h.id);
    // Half decided is not decided: still nothing saved.
    await expect(respondToRecommendation(database, world.actors.leadA2, id, { decision: "accepted", body, decisions: { [phone!]: "keep" } })).rejects.toMatchObject({
      status: 422,
      fields: { body: expect.stringMatching(/\(NHS number\): choose whether to redact or keep it below/), [`decision-${nhs}`]: "Choose whether to redact or keep this NHS number" },
    });
    expect(await answers(id)).toEqual([]);
    await respondToRecommendation(database, world.actors.leadA2, id, { decision: "accepted", body, decisions: { [phone!]: "keep", [nhs!]: "redact" } });
    expect((await answers(id)).map((a) => a.body)).toEqual(["Ask for the interpreting team on 0161 496 0000; the patient's NHS number [redacted NHS number] is on file."]);
    // The decisions are recorded with the answer, as counts (never what was redacted), which the item's own organisation reads too.
    expect((await getRecommendation(database, world.actors.leadA, id)).responses.map((r) => [r.redacted, r.keptAfterCheck])).toEqual([[1, 1]]);
  });

  it("asks again when the answer is changed after a decision: a choice made on one piece of text is not applied to another", async () => {
    // The page keeps the radios chosen when the answer comes back with its hits. Keyed by offset
    // only, "keep" chosen for "0151 496 0000" in "Call 0151 496 0000 today" was applied to "Mrs
    // Jones" once the answer was changed to "Call Mrs Jones today", which was saved unseen.
    const { id } = await recommendationToA2({ shared: true });
    const [phone] = answerHits("Call 0151 496 0000 today");
    await expect(respondToRecommendation(database, world.actors.leadA2, id, { decision: "accepted", body: "Call Mrs Jones today", decisions: { [phone!.id]: "keep" } })).rejects.toMatchObject({
      status: 422,
      fields: { body: expect.stringMatching(/\(name after a title\)/) },
    });
    expect(await answers(id)).toEqual([]);
  });

  it("on the page: the error is on the answer, what was typed comes back, each hit is offered to redact or keep, and the choice saves", async () => {
    const { id } = await recommendationToA2({ shared: true });
    const body = "Write to jane.smith@example.com for the audit";
    const call = (form: Record<string, string>) => callRoute(database, detailRoute.action, world.people.leadA2, "/", { params: { recommendationId: id }, form });
    const email = `decision-${answerHits(body)[0]!.id}`;
    const stopped = await call({ decision: "partly_accepted", body });
    expect(stopped).toMatchObject({
      status: 422,
      body: { errors: { body: expect.stringMatching(/personal data \(email address\)/), [email]: "Choose whether to redact or keep this email address" }, values: { decision: "partly_accepted", body } },
    });
    expect(await answers(id)).toEqual([]);
    // A decision for text no longer there is ignored; a decision that is neither choice is no decision.
    expect((await call({ decision: "partly_accepted", body, [email]: "remove" })).status).toBe(422);
    expect((await call({ decision: "partly_accepted", body, [email]: "redact" })).status).toBe(302);
    expect((await answers(id)).map((a) => a.body)).toEqual(["Write to [redacted email address] for the audit"]);
    // Corrected rather than confirmed: clean text goes straight through.
    expect((await call({ decision: "accepted", body: "Audit done by the patient experience team" })).status).toBe(302);
    expect((await answers(id)).map((a) => a.body)).toEqual(["Write to [redacted email address] for the audit", "Audit done by the patient experience team"]);
  });
});

describe("counting the recommendations to an organisation", () => {
  it("gives the statuses the list gives, at the edges of each, counted in the database", async () => {
    const fresh = await createWorld(database);
    const to = async (due: string | null, shared = true) => {
      const itemId = await addItem(database, fresh.actors.leadA, { title: `Visit ${due}` });
      const { id } = await addRecommendation(database, fresh.actors.leadA, { itemId, text: `Due ${due}`, addressedToOrgId: fresh.orgs.a2, responseDue: due, response: "" });
      if (shared) await shareItem(database, fresh.actors.leadA, { itemId, decisions: {} });
      return id;
    };
    // The real today, since the home page below counts against it: a fixed date here failed the
    // day after it was written.
    const today = todayIso();
    const day = (offset: number) => new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    const count = (actor: Actor) => countRecommendationsToUs(database, actor, today);
    const listed = async (actor: Actor) => tally((await listRecommendationsToUs(database, actor, today)).map((r) => r.status));
    expect(await count(fresh.actors.leadA2)).toEqual({ overdue: 0, "due-soon": 0, awaiting: 0, responded: 0 });

    await to(day(-1)); // yesterday: overdue
    await to(today); // due today: due soon
    await to(day(14)); // in 14 days: due soon
    await to(day(15)); // in 15 days: awaiting
    await to(null); // no date: awaiting
    const answeredLate = await to(day(-36)); // overdue, but answered
    await respondToRecommendation(database, fresh.actors.leadA2, answeredLate, { decision: "not_accepted", body: "Outside our remit" });
    await to(day(-36), false); // private to A: not A2's to see or count

    expect(await count(fresh.actors.leadA2)).toEqual({ overdue: 1, "due-soon": 2, awaiting: 2, responded: 1 });
    expect(await count(fresh.actors.leadA2)).toEqual(await listed(fresh.actors.leadA2));
    // For the other organisations: what they can read addressed to them, which is nothing.
    for (const actor of [fresh.actors.leadA, fresh.actors.leadB, world.actors.leadA2]) expect(await count(actor)).toEqual(await listed(actor));
    expect(await count(fresh.actors.leadA)).toEqual({ overdue: 0, "due-soon": 0, awaiting: 0, responded: 0 });

    // The home page says the same.
    const home = await callRoute(database, homeRoute.loader, fresh.people.leadA2, "/");
    expect((home.body as { recommendations: StatusTally }).recommendations).toEqual({ overdue: 1, "due-soon": 2, awaiting: 2, responded: 1 });
  });
});
