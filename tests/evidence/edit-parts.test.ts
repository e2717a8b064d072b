import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { evidenceAttachments, evidenceFindings, evidenceItems, evidenceRecommendations, evidenceTags, recommendationResponses } from "../../db/schema";
import type { Actor } from "../../app/domain/auth/actor";
import { holdForSharing } from "../../app/domain/evidence/events.server";
import { addAttachment } from "../../app/domain/evidence/add-attachment.server";
import { addFinding } from "../../app/domain/evidence/add-finding.server";
import { addRecommendation } from "../../app/domain/evidence/add-recommendation.server";
import { filtersFrom } from "../../app/domain/evidence/filters";
import { getItem } from "../../app/domain/evidence/get-item.server";
import { removeAttachment } from "../../app/domain/evidence/remove-attachment.server";
import { removeFinding } from "../../app/domain/evidence/remove-finding.server";
import { removeRecommendation } from "../../app/domain/evidence/remove-recommendation.server";
import { respondToRecommendation } from "../../app/domain/evidence/respond-to-recommendation.server";
import { searchItems } from "../../app/domain/evidence/search-items.server";
import { setTags } from "../../app/domain/evidence/set-tags.server";
import { shareItem } from "../../app/domain/evidence/share-item.server";
import { unshareItem } from "../../app/domain/evidence/unshare-item.server";
import { updateFinding } from "../../app/domain/evidence/update-finding.server";
import { updateRecommendation, type RecommendationChange } from "../../app/domain/evidence/update-recommendation.server";
import * as itemRoute from "../../app/routes/evidence.$id._index";
import * as removeFileRoute from "../../app/routes/evidence.$id.files.$fileId_.remove";
import * as findingRoute from "../../app/routes/evidence.$id.findings.$findingId";
import * as recommendationRoute from "../../app/routes/evidence.$id.recommendations.$recommendationId.edit";
import { openTestDatabase } from "../support/db";
import { createWorld, type TestUser, type World } from "../support/factories";
import { heldTransaction, stillWaiting } from "../support/held-transaction";
import { makePdf } from "../support/pdf";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";
import { addItem, refs } from "./support";

let database: Database;
let world: World;
let r: Awaited<ReturnType<typeof refs>>;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  r = await refs(database);
});
afterAll(() => database?.close());

/** A private item of A with one finding (tagged), one recommendation to A2 and one PDF. */
async function itemWithParts(title = "Enter and View visit") {
  const word = `okapi${Math.random().toString(36).slice(2, 8)}`;
  const itemId = await addItem(database, world.actors.leadA, { title });
  const { id: findingId } = await addFinding(database, world.actors.leadA, { itemId, kind: "issue", text: `No hearing loop at recepton ${word}` });
  await setTags(database, world.actors.leadA, { itemId, findingId, tags: [`characteristic:${r.deaf}`] });
  const { id: recommendationId } = await addRecommendation(database, world.actors.leadA, { itemId, text: "Fit a hearing loop", addressedToOrgId: world.orgs.a2, responseDue: "2031-01-31", response: "" });
  const { id: fileId } = await addAttachment(database, world.actors.leadA, { itemId, filename: "wrong-visit.pdf", bytes: makePdf([`Notes of another visit ${word}`]) });
  return { itemId, findingId, recommendationId, fileId, word };
}
type Parts = Awaited<ReturnType<typeof itemWithParts>>;

const history = async (itemId: string) => (await getItem(database, world.actors.leadA, { itemId })).history.filter((h) => !["created", "finding_added", "tagged", "recommendation_added", "attached"].includes(h.action));
const change = (p: Parts, over: Partial<RecommendationChange> = {}): RecommendationChange => ({ itemId: p.itemId, recommendationId: p.recommendationId, text: "Fit a hearing loop", addressedToOrgId: world.orgs.a2, responseDue: "2031-01-31", response: "", ...over });
const search = (actor: Actor, words: string) => searchItems(database, actor, filtersFrom(new URLSearchParams({ q: words })));

/** Every change and removal, for the refusals. */
const allOperations = (p: Parts) => [
  (actor: Actor) => updateFinding(database, actor, { itemId: p.itemId, findingId: p.findingId, kind: "quote", text: "Changed" }),
  (actor: Actor) => removeFinding(database, actor, { itemId: p.itemId, findingId: p.findingId }),
  (actor: Actor) => updateRecommendation(database, actor, change(p, { text: "Changed" })),
  (actor: Actor) => removeRecommendation(database, actor, { itemId: p.itemId, recommendationId: p.recommendationId }),
  (actor: Actor) => removeAttachment(database, actor, { itemId: p.itemId, attachmentId: p.fileId }),
];

async function unchanged(p: Parts) {
  const [finding] = await database.db.select().from(evidenceFindings).where(eq(evidenceFindings.id, p.findingId));
  const [recommendation] = await database.db.select().from(evidenceRecommendations).where(eq(evidenceRecommendations.id, p.recommendationId));
  const files = await database.db.select({ id: evidenceAttachments.id }).from(evidenceAttachments).where(eq(evidenceAttachments.id, p.fileId));
  expect(finding).toMatchObject({ kind: "issue", text: expect.stringMatching(/^No hearing loop at recepton/) });
  expect(recommendation).toMatchObject({ text: "Fit a hearing loop" });
  expect(files).toHaveLength(1);
}

describe("correcting a private item's findings, recommendations and files", () => {
  it("a finding's wording and kind are changed by the owner's writers; the history says what changed, not the text", async () => {
    const p = await itemWithParts();
    await updateFinding(database, world.actors.contributorA, { itemId: p.itemId, findingId: p.findingId, kind: "issue", text: `No hearing loop at reception ${p.word}` });
    await updateFinding(database, world.actors.leadA, { itemId: p.itemId, findingId: p.findingId, kind: "quote", text: `  No hearing loop at reception ${p.word}  ` });
    // Saving it as it is records nothing.
    await updateFinding(database, world.actors.leadA, { itemId: p.itemId, findingId: p.findingId, kind: "quote", text: `No hearing loop at reception ${p.word}` });
    const item = await getItem(database, world.actors.leadA, { itemId: p.itemId });
    expect(item.findings).toMatchObject([{ id: p.findingId, kind: "quote", text: `No hearing loop at reception ${p.word}`, tags: [{ refId: r.deaf }] }]);
    expect(await history(p.itemId)).toMatchObject([
      { action: "finding_edited", detail: "Changed: wording", actor: world.people.contributorA.name },
      { action: "finding_edited", detail: "Changed: key issue or quote", actor: world.people.leadA.name },
    ]);
    // The search reads the new wording.
    expect((await search(world.actors.leadA, "reception " + p.word)).hits.map((h) => h.id)).toEqual([p.itemId]);
  });

  it("a finding is removed with its tags", async () => {
    const p = await itemWithParts();
    expect(await database.db.select().from(evidenceTags).where(eq(evidenceTags.findingId, p.findingId))).toHaveLength(1);
    await removeFinding(database, world.actors.contributorA, { itemId: p.itemId, findingId: p.findingId });
    expect((await getItem(database, world.actors.leadA, { itemId: p.itemId })).findings).toEqual([]);
    expect(await database.db.select().from(evidenceTags).where(eq(evidenceTags.findingId, p.findingId))).toEqual([]);
    expect(await history(p.itemId)).toMatchObject([{ action: "finding_removed", detail: "" }]);
    await expect(removeFinding(database, world.actors.leadA, { itemId: p.itemId, findingId: p.findingId })).rejects.toMatchObject({ status: 404 });
  });

  it("a recommendation's wording, addressee, due date and response are changed; the history names the fields", async () => {
    const p = await itemWithParts();
    await updateRecommendation(database, world.actors.contributorA, change(p, { text: "Fit a hearing loop at every desk", addressedToOrgId: world.orgs.a, responseDue: "2031-03-31", response: "Agreed at the board" }));
    const [stored] = await database.db.select().from(evidenceRecommendations).where(eq(evidenceRecommendations.id, p.recommendationId));
    expect(stored).toMatchObject({ text: "Fit a hearing loop at every desk", addressedToOrgId: world.orgs.a, responseDue: "2031-03-31", response: "Agreed at the board" });
    // No addressee, no date: both may be cleared.
    await updateRecommendation(database, world.actors.leadA, change(p, { text: "Fit a hearing loop at every desk", addressedToOrgId: null, responseDue: null, response: "Agreed at the board" }));
    expect(await history(p.itemId)).toMatchObject([
      { action: "recommendation_edited", detail: "Changed: wording, addressed to, response due, response" },
      { action: "recommendation_edited", detail: "Changed: addressed to, response due" },
    ]);
  });

  it("a recommendation is validated like the add form, and addressed only to an organisation the actor can see", async () => {
    const p = await itemWithParts();
    await expect(updateRecommendation(database, world.actors.leadA, change(p, { text: " ", responseDue: "2031-02-30" }))).rejects.toMatchObject({
      status: 422,
      fields: { recText: "Enter the recommendation", responseDue: "Response due must be a real date" },
    });
    await expect(updateRecommendation(database, world.actors.leadA, change(p, { addressedToOrgId: world.orgs.b }))).rejects.toMatchObject({ status: 422, fields: { addressedToOrgId: "Select an organisation from the list" } });
    await expect(updateFinding(database, world.actors.leadA, { itemId: p.itemId, findingId: p.findingId, kind: "issue", text: "x".repeat(10001) })).rejects.toMatchObject({
      status: 422,
      fields: { findingText: "A finding must be 10,000 characters or fewer" },
    });
    await unchanged(p);
  });

  it("a recommendation is added under the same rules when not sent through the form (nothing stored when refused)", async () => {
    const p = await itemWithParts();
    const add = (over: Partial<Parameters<typeof addRecommendation>[2]>) =>
      addRecommendation(database, world.actors.leadA, { itemId: p.itemId, text: "Fit a loop", addressedToOrgId: null, responseDue: null, response: "", ...over });
    await expect(add({ text: "x".repeat(5001), responseDue: "2031-02-30" })).rejects.toMatchObject({
      status: 422,
      fields: { recText: "A recommendation must be 5,000 characters or fewer", responseDue: "Response due must be a real date" },
    });
    await expect(add({ addressedToOrgId: "not-an-id" })).rejects.toMatchObject({ status: 422, fields: { addressedToOrgId: "Select an organisation from the list" } });
    const recommendations = () => database.db.select({ id: evidenceRecommendations.id }).from(evidenceRecommendations).where(eq(evidenceRecommendations.itemId, p.itemId));
    expect(await recommendations()).toHaveLength(1);
    // Trimmed as the form trims.
    const { id } = await add({ text: "  Fit a loop at reception  " });
    const [stored] = await database.db.select({ text: evidenceRecommendations.text }).from(evidenceRecommendations).where(eq(evidenceRecommendations.id, id));
    expect(stored!.text).toBe("Fit a loop at reception");
  });

  it("a recommendation and a file are removed; the history keeps no file name", async () => {
    const p = await itemWithParts();
    expect((await search(world.actors.leadA, "another visit " + p.word)).hits.map((h) => h.id)).toEqual([p.itemId]);
    await removeRecommendation(database, world.actors.contributorA, { itemId: p.itemId, recommendationId: p.recommendationId });
    await removeAttachment(database, world.actors.contributorA, { itemId: p.itemId, attachmentId: p.fileId });
    const item = await getItem(database, world.actors.leadA, { itemId: p.itemId });
    expect(item.recommendations).toEqual([]);
    expect(item.attachments).toEqual([]);
    expect(item.history.map((h) => [h.action, h.detail])).toEqual(expect.arrayContaining([["recommendation_removed", ""], ["file_removed", ""], ["attached", "A file since removed (text extracted for search)"]]));
    expect(JSON.stringify(item.history)).not.toMatch(/wrong-visit/);
    // Its text is no longer searched.
    expect((await search(world.actors.leadA, "another visit " + p.word)).total).toBe(0);
  });

  it("a part of another item is not found through this one", async () => {
    const p = await itemWithParts();
    const other = await itemWithParts("Another item");
    await expect(updateFinding(database, world.actors.leadA, { itemId: p.itemId, findingId: other.findingId, kind: "issue", text: "Changed" })).rejects.toMatchObject({ status: 404 });
    await expect(removeFinding(database, world.actors.leadA, { itemId: p.itemId, findingId: "not-an-id" })).rejects.toMatchObject({ status: 404 });
    await expect(removeRecommendation(database, world.actors.leadA, { itemId: p.itemId, recommendationId: other.recommendationId })).rejects.toMatchObject({ status: 404 });
    await expect(removeAttachment(database, world.actors.leadA, { itemId: p.itemId, attachmentId: other.fileId })).rejects.toMatchObject({ status: 404 });
    await unchanged(other);
  });
});

describe("refusals", () => {
  it("a shared item's parts are frozen, even to its equality lead, until it is unshared", async () => {
    const p = await itemWithParts();
    await shareItem(database, world.actors.leadA, { itemId: p.itemId, decisions: {} });
    for (const operation of allOperations(p)) {
      for (const actor of [world.actors.leadA, world.actors.contributorA]) await expect(operation(actor)).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/This item is shared.*unshare it first/) });
    }
    await unchanged(p);
    await unshareItem(database, world.actors.leadA, { itemId: p.itemId });
    await updateFinding(database, world.actors.leadA, { itemId: p.itemId, findingId: p.findingId, kind: "quote", text: "Changed once private again" });
  });

  it("viewers, other organisations and other collaboratives change nothing", async () => {
    const p = await itemWithParts();
    for (const operation of allOperations(p)) {
      await expect(operation(world.actors.viewerA)).rejects.toMatchObject({ status: 403 });
      // Another organisation does not see a private item at all.
      await expect(operation(world.actors.leadA2)).rejects.toMatchObject({ status: 404 });
      await expect(operation(world.actors.leadB)).rejects.toMatchObject({ status: 404 });
    }
    await unchanged(p);
    // Shared, the item is read by A2, whose lead still changes nothing of it.
    await shareItem(database, world.actors.leadA, { itemId: p.itemId, decisions: {} });
    for (const operation of allOperations(p)) await expect(operation(world.actors.leadA2)).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/Only the owner organisation/) });
    await unchanged(p);
  });
});

describe("an answered recommendation", () => {
  /** Shared, answered by A2, then unshared again by A (to correct something). */
  async function answered() {
    const p = await itemWithParts();
    await shareItem(database, world.actors.leadA, { itemId: p.itemId, decisions: {} });
    await respondToRecommendation(database, world.actors.leadA2, p.recommendationId, { decision: "accepted", body: "A loop is on order" });
    await unshareItem(database, world.actors.leadA, { itemId: p.itemId });
    return p;
  }
  const a2Name = () => world.actors.leadA2.active.orgName;

  it("is not removed: the answers are the addressed organisation's", async () => {
    const p = await answered();
    await expect(removeRecommendation(database, world.actors.leadA, { itemId: p.itemId, recommendationId: p.recommendationId })).rejects.toMatchObject({
      status: 409,
      message: `${a2Name()} answered this recommendation, so it cannot be removed: the answers are theirs, and would go with it.`,
    });
    expect(await database.db.select().from(recommendationResponses).where(eq(recommendationResponses.recommendationId, p.recommendationId))).toHaveLength(1);
    await unchanged(p);
  });

  it("keeps its addressee and wording, field by field; its due date and recorded response may still change", async () => {
    const p = await answered();
    await expect(updateRecommendation(database, world.actors.leadA, change(p, { addressedToOrgId: world.orgs.a, text: "Fit two hearing loops", responseDue: "2031-06-30" }))).rejects.toMatchObject({
      status: 409,
      fields: { addressedToOrgId: expect.stringMatching(new RegExp(`^${a2Name()} answered this recommendation, so it stays addressed to them`)), recText: expect.stringMatching(/wording cannot change/) },
    });
    await expect(updateRecommendation(database, world.actors.leadA, change(p, { addressedToOrgId: null }))).rejects.toMatchObject({ status: 409, fields: { addressedToOrgId: expect.any(String) } });
    await unchanged(p);
    await updateRecommendation(database, world.actors.leadA, change(p, { responseDue: "2031-06-30", response: "Discussed at the board" }));
    const [stored] = await database.db.select().from(evidenceRecommendations).where(eq(evidenceRecommendations.id, p.recommendationId));
    expect(stored).toMatchObject({ text: "Fit a hearing loop", addressedToOrgId: world.orgs.a2, responseDue: "2031-06-30", response: "Discussed at the board" });
  });
});

describe("the pages", () => {
  const itemPage = async (user: TestUser, itemId: string) => {
    const data = (await callRoute(database, itemRoute.loader, user, `/evidence/${itemId}`, { params: { id: itemId } })).body;
    return renderRoute(itemRoute.default, "/evidence/:id", `/evidence/${itemId}`, { loader: data });
  };
  const editLinks = (html: string) => html.match(/href="\/evidence\/[^"]+\/(?:findings\/[^"]+|recommendations\/[^"]+\/edit|files\/[^"]+\/remove)"/g) ?? [];

  it("the item page links each finding, recommendation and file to its edit or remove page on a private item, and shows none when shared or to a viewer", async () => {
    const p = await itemWithParts();
    const html = await itemPage(world.people.leadA, p.itemId);
    expect(editLinks(html)).toEqual([
      `href="/evidence/${p.itemId}/findings/${p.findingId}"`,
      `href="/evidence/${p.itemId}/recommendations/${p.recommendationId}/edit"`,
      `href="/evidence/${p.itemId}/files/${p.fileId}/remove"`,
    ]);
    expect(html).toMatch(/Edit<span class="nhsuk-u-visually-hidden"> finding 1<\/span>/);
    expect(editLinks(await itemPage(world.people.viewerA, p.itemId))).toEqual([]);
    await shareItem(database, world.actors.leadA, { itemId: p.itemId, decisions: {} });
    expect(editLinks(await itemPage(world.people.leadA, p.itemId))).toEqual([]);
  });

  it("the edit pages refuse viewers, shared items and other organisations", async () => {
    const p = await itemWithParts();
    const pages: { route: { loader: (args: never) => Promise<unknown>; action: (args: never) => Promise<unknown> }; params: Record<string, string>; path: string; form: Record<string, string> }[] = [
      { route: findingRoute, params: { id: p.itemId, findingId: p.findingId }, path: `/evidence/${p.itemId}/findings/${p.findingId}`, form: { intent: "save", findingKind: "quote", findingText: "Changed" } },
      { route: recommendationRoute, params: { id: p.itemId, recommendationId: p.recommendationId }, path: `/evidence/${p.itemId}/recommendations/${p.recommendationId}/edit`, form: { intent: "remove" } },
      { route: removeFileRoute, params: { id: p.itemId, fileId: p.fileId }, path: `/evidence/${p.itemId}/files/${p.fileId}/remove`, form: {} },
    ];
    for (const page of pages) {
      expect((await callRoute(database, page.route.loader, world.people.leadA, page.path, { params: page.params })).status).toBe(200);
      expect((await callRoute(database, page.route.loader, world.people.viewerA, page.path, { params: page.params })).status).toBe(403);
      expect((await callRoute(database, page.route.action, world.people.viewerA, page.path, { params: page.params, form: page.form })).status).toBe(403);
      expect((await callRoute(database, page.route.loader, world.people.leadA2, page.path, { params: page.params })).status).toBe(404);
      expect((await callRoute(database, page.route.action, world.people.leadA2, page.path, { params: page.params, form: page.form })).status).toBe(404);
    }
    await shareItem(database, world.actors.leadA, { itemId: p.itemId, decisions: {} });
    for (const page of pages) {
      expect((await callRoute(database, page.route.loader, world.people.leadA, page.path, { params: page.params })).status).toBe(403);
      expect((await callRoute(database, page.route.action, world.people.leadA, page.path, { params: page.params, form: page.form })).status).toBe(403);
      expect((await callRoute(database, page.route.loader, world.people.leadA2, page.path, { params: page.params })).status).toBe(403);
    }
    await unchanged(p);
  });

  it("the finding page comes back with field errors and what was typed; saved and removed without JavaScript", async () => {
    const p = await itemWithParts();
    const path = `/evidence/${p.itemId}/findings/${p.findingId}`;
    const params = { id: p.itemId, findingId: p.findingId };
    const loaded = await callRoute(database, findingRoute.loader, world.people.contributorA, path, { params });
    expect(renderRoute(findingRoute.default, "/evidence/:id/findings/:findingId", path, { loader: loaded.body })).toMatch(/No hearing loop at recepton/);

    const typed = `${"Too long. ".repeat(1001)}`;
    const failure = await callRoute(database, findingRoute.action, world.people.contributorA, path, { params, form: { intent: "save", findingKind: "quote", findingText: typed } });
    expect(failure.status).toBe(422);
    expect(failure.body).toMatchObject({ errors: { findingText: "A finding must be 10,000 characters or fewer" } });
    const html = renderRoute(findingRoute.default, "/evidence/:id/findings/:findingId", path, { loader: loaded.body, action: failure.body });
    expect(html).toMatch(/<a href="#findingText">A finding must be 10,000 characters or fewer<\/a>/);
    expect(html).toMatch(/id="findingText-error"/);
    expect(html).toContain(`>${typed}</textarea>`);
    expect(html).toMatch(/<input[^>]*checked=""[^>]*value="quote"/);
    expect(html).not.toMatch(/No hearing loop at recepton/);
    await unchanged(p);

    const saved = await callRoute(database, findingRoute.action, world.people.contributorA, path, { params, form: { intent: "save", findingKind: "issue", findingText: "No hearing loop at reception" } });
    expect(saved.status).toBe(302);
    const removed = await callRoute(database, findingRoute.action, world.people.contributorA, path, { params, form: { intent: "remove" } });
    expect(removed.status).toBe(302);
    expect((await getItem(database, world.actors.leadA, { itemId: p.itemId })).history.filter((h) => h.action.startsWith("finding_")).map((h) => h.action)).toEqual(["finding_added", "finding_edited", "finding_removed"]);
  });

  it("the recommendation page keeps what was typed, and says why an answered one stays", async () => {
    const p = await itemWithParts();
    const path = `/evidence/${p.itemId}/recommendations/${p.recommendationId}/edit`;
    const params = { id: p.itemId, recommendationId: p.recommendationId };
    const pattern = "/evidence/:id/recommendations/:recommendationId/edit";
    const loaded = await callRoute(database, recommendationRoute.loader, world.people.leadA, path, { params });
    const failure = await callRoute(database, recommendationRoute.action, world.people.leadA, path, { params, form: { intent: "save", recText: "Fit a loop at every desk", addressedToOrgId: world.orgs.a, responseDue: "2031-02-30", response: "Typed response" } });
    expect(failure.status).toBe(422);
    const html = renderRoute(recommendationRoute.default, pattern, path, { loader: loaded.body, action: failure.body });
    expect(html).toMatch(/<a href="#responseDue">Response due must be a real date<\/a>/);
    expect(html).toContain(">Fit a loop at every desk</textarea>");
    expect(html).toContain(">Typed response</textarea>");
    expect(html).toMatch(/value="2031-02-30"/);
    expect(html).toMatch(new RegExp(`<option value="${world.orgs.a}" selected`));
    expect(html).toMatch(/Remove this recommendation/);

    await shareItem(database, world.actors.leadA, { itemId: p.itemId, decisions: {} });
    await respondToRecommendation(database, world.actors.leadA2, p.recommendationId, { decision: "accepted", body: "A loop is on order" });
    await unshareItem(database, world.actors.leadA, { itemId: p.itemId });
    const answeredPage = await callRoute(database, recommendationRoute.loader, world.people.leadA, path, { params });
    const answeredHtml = renderRoute(recommendationRoute.default, pattern, path, { loader: answeredPage.body });
    expect(answeredHtml).toMatch(/has answered this recommendation/);
    expect(answeredHtml).not.toMatch(/Remove this recommendation/);
    expect(answeredHtml).not.toMatch(/<select/);
    const refused = await callRoute(database, recommendationRoute.action, world.people.leadA, path, { params, form: { intent: "remove" } });
    expect(refused.status).toBe(409);
    expect(renderRoute(recommendationRoute.default, pattern, path, { loader: answeredPage.body, action: refused.body })).toMatch(/answered this recommendation, so it cannot be removed/);
    // The due date still changes, through the page as drawn (wording and addressee sent as stored).
    const saved = await callRoute(database, recommendationRoute.action, world.people.leadA, path, { params, form: { intent: "save", recText: "Fit a hearing loop", addressedToOrgId: world.orgs.a2, responseDue: "2031-05-01", response: "" } });
    expect(saved.status).toBe(302);
    expect((await database.db.select().from(evidenceRecommendations).where(eq(evidenceRecommendations.id, p.recommendationId)))[0]!.responseDue).toBe("2031-05-01");
  });

  it("the file page removes the file after confirming", async () => {
    const p = await itemWithParts();
    const path = `/evidence/${p.itemId}/files/${p.fileId}/remove`;
    const params = { id: p.itemId, fileId: p.fileId };
    const loaded = await callRoute(database, removeFileRoute.loader, world.people.contributorA, path, { params });
    expect(renderRoute(removeFileRoute.default, "/evidence/:id/files/:fileId/remove", path, { loader: loaded.body })).toMatch(/wrong-visit\.pdf<\/a> \(.*\) will be removed from the item, and its text from the search/);
    expect((await callRoute(database, removeFileRoute.action, world.people.contributorA, path, { params, form: {} })).status).toBe(302);
    expect(await database.db.select().from(evidenceAttachments).where(eq(evidenceAttachments.id, p.fileId))).toEqual([]);
    expect((await callRoute(database, removeFileRoute.loader, world.people.contributorA, path, { params })).status).toBe(404);
  });
});

/** PGlite has one connection, so two transactions never overlap there: these races exist only on PostgreSQL. */
describe.skipIf(!process.env.DATABASE_URL)("against a concurrent change", () => {
  it("a removal waits for an answer being recorded, then refuses, and the answer stays", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    // Addressed to A itself: A answers it while the item is private.
    const { id } = await addRecommendation(database, world.actors.leadA, { itemId, text: "Review our own leaflet", addressedToOrgId: world.orgs.a, responseDue: null, response: "" });
    const answering = heldTransaction(database, world.actors.contributorA, async (tx) => {
      await tx.insert(recommendationResponses).values({ collaborativeId: world.collaboratives.x, orgId: world.orgs.a, recommendationId: id, decision: "accepted", body: "Leaflet being rewritten", respondedBy: world.people.contributorA.id });
    });
    await answering.held;
    const removing = removeRecommendation(database, world.actors.leadA, { itemId, recommendationId: id });
    expect(await stillWaiting(removing)).toBe(true);
    answering.release();
    await answering.done;
    await expect(removing).rejects.toMatchObject({ status: 409 });
    expect(await database.db.select().from(recommendationResponses).where(eq(recommendationResponses.recommendationId, id))).toHaveLength(1);
  });

  it("a file removed while the item is being shared waits, then is refused", async () => {
    const p = await itemWithParts();
    const sharing = heldTransaction(database, world.actors.leadA, async (tx) => {
      await holdForSharing(tx, p.itemId);
      await tx.update(evidenceItems).set({ sharedAt: new Date(), sharedBy: world.actors.leadA.userId }).where(eq(evidenceItems.id, p.itemId));
    });
    await sharing.held;
    const removing = removeAttachment(database, world.actors.contributorA, { itemId: p.itemId, attachmentId: p.fileId });
    expect(await stillWaiting(removing)).toBe(true);
    sharing.release();
    await sharing.done;
    await expect(removing).rejects.toMatchObject({ status: 409, message: expect.stringContaining("just been shared") });
    await unchanged(p);
  });
});
