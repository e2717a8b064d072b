import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../db/client";
import { collaborativeMembers } from "../../db/schema";
import { addFinding } from "../../app/domain/evidence/add-finding.server";
import { getItem } from "../../app/domain/evidence/get-item.server";
import { setTags } from "../../app/domain/evidence/set-tags.server";
import * as editRoute from "../../app/routes/evidence.$id.edit";
import * as itemRoute from "../../app/routes/evidence.$id._index";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
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
afterAll(async () => {
  vi.useRealTimers();
  await database?.close();
});

/** The item page as the server draws it (no JavaScript: the tag pickers are checkboxes), with what its loader and action answered. */
async function itemPage(itemId: string, failure?: unknown) {
  const data = (await callRoute(database, itemRoute.loader, world.people.leadA, `/evidence/${itemId}`, { params: { id: itemId } })).body;
  return renderRoute(itemRoute.default, "/evidence/:id", `/evidence/${itemId}`, { loader: data, action: failure });
}

const checkbox = (html: string, value: string) => new RegExp(`<input[^>]*value="${value}"[^>]*>`).exec(html)?.[0] ?? "";

describe("findings", () => {
  // The position was the clock modulo 2e9 ms, which wraps every 23 days.
  it("stay in the order they were added, across the days the old position numbers wrapped", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    const wrap = Math.ceil(Date.now() / 2e9) * 2e9;
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(wrap - 60_000);
      await addFinding(database, world.actors.leadA, { itemId, kind: "issue", text: "Added first" });
      vi.setSystemTime(wrap + 60_000);
      await addFinding(database, world.actors.leadA, { itemId, kind: "quote", text: "Added second" });
      await addFinding(database, world.actors.leadA, { itemId, kind: "issue", text: "Added third" });
    } finally {
      vi.useRealTimers();
    }
    expect((await getItem(database, world.actors.leadA, { itemId })).findings.map((f) => f.text)).toEqual(["Added first", "Added second", "Added third"]);
  });
});

describe("the tag forms", () => {
  it("answer a finding id that is not an id with a message, not a server error", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    const answer = await callRoute(database, itemRoute.action, world.people.leadA, `/evidence/${itemId}`, { params: { id: itemId }, form: { intent: "tags", findingId: "not-a-finding" } });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ ok: false, errors: { tags: "That finding is not part of this item" } });
    await expect(setTags(database, world.actors.leadA, { itemId, findingId: "x'; --", tags: [] })).rejects.toMatchObject({ status: 422 });
  });

  it("keep the tags chosen and the new theme typed when saving fails, and the error summary leads to that picker", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    const { id: findingId } = await addFinding(database, world.actors.leadA, { itemId, kind: "issue", text: "No hearing loop at reception" });
    await setTags(database, world.actors.leadA, { itemId, findingId, tags: [`characteristic:${r.race}`] });
    const longTheme = "x".repeat(81);
    // Without JavaScript: checkboxes and the "new theme" box. The theme is too long, so nothing is saved.
    const form = new URLSearchParams([["intent", "tags"], ["findingId", findingId], ["tags", `characteristic:${r.deaf}`], ["tags", `outcome:${r.outcome1A}`], ["tagsNew", longTheme]]);
    const failure = await callRoute(database, itemRoute.action, world.people.leadA, `/evidence/${itemId}`, { params: { id: itemId }, form });
    expect(failure.status).toBe(422);
    expect(failure.body).toMatchObject({ errors: { tags: expect.stringMatching(/theme must be 1 to 80 characters/) } });
    expect((await getItem(database, world.actors.leadA, { itemId })).findings[0]!.tags.map((t) => t.refId)).toEqual([r.race]);

    const html = await itemPage(itemId, failure.body);
    // The finding's picker (the second on the page: the item's comes first) shows what was sent, not what is stored.
    const findingPicker = html.slice(html.indexOf('id="finding-tags-1-hint"'));
    expect(checkbox(findingPicker, `characteristic:${r.deaf}`)).toMatch(/checked/);
    expect(checkbox(findingPicker, `outcome:${r.outcome1A}`)).toMatch(/checked/);
    expect(checkbox(findingPicker, `characteristic:${r.race}`)).not.toMatch(/checked/);
    expect(findingPicker).toMatch(new RegExp(`id="finding-tags-1-new"[^>]*value="${longTheme}"`));
    expect(findingPicker).toMatch(/id="finding-tags-1-error"/);
    // The item's own picker is untouched.
    expect(html.slice(0, html.indexOf('id="finding-tags-1-hint"'))).not.toMatch(/item-tags-error/);
    // The summary's link goes to the picker that failed, not to the item's "Tags" heading.
    expect(html).toMatch(/<a href="#finding-tags-1">A theme must be 1 to 80 characters<\/a>/);
  });

  it("offer, with a flagged new theme, a box to confirm the name is not about a person; ticked, the theme is saved; a changed name is checked again", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    const send = (entries: [string, string][]) =>
      callRoute(database, itemRoute.action, world.people.leadA, `/evidence/${itemId}`, { params: { id: itemId }, form: new URLSearchParams([["intent", "tags"], ["findingId", ""], ["tags", `characteristic:${r.deaf}`], ...entries]) });
    const refused = await send([["tagsNew", "Dr Foster reports"]]);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ errors: { tags: expect.stringMatching(/personal data.*not about a person/) } });
    const html = await itemPage(itemId, refused.body);
    const box = /<input[^>]*name="themeNotPersonal"[^>]*>/.exec(html)?.[0] ?? "";
    expect(box).toMatch(/type="checkbox"/);
    expect(box).not.toMatch(/checked/);
    const boxId = /id="([^"]+)"/.exec(box)![1]!;
    // Labelled with the name it confirms, so with two flagged names each box says which it is for.
    expect(html).toMatch(new RegExp(`<label[^>]*for="${boxId}"[^>]*>This theme name is not about a person: “Dr Foster reports”</label>`));
    // What was typed stays.
    expect(html).toMatch(/id="item-tags-new"[^>]*value="Dr Foster reports"/);
    const key = /value="([^"]+)"/.exec(box)![1]!;

    // The confirmation was given for "Dr Foster reports": a name changed since is checked again, and the box comes back unticked.
    const changed = await send([["tagsNew", "Dr Foster review"], ["themeNotPersonal", key]]);
    expect(changed.status).toBe(422);
    const again = /<input[^>]*name="themeNotPersonal"[^>]*>/.exec(await itemPage(itemId, changed.body))?.[0] ?? "";
    expect(again).not.toMatch(/checked/);
    expect(again).not.toContain(`value="${key}"`);
    expect((await getItem(database, world.actors.leadA, { itemId })).tags).toEqual([]);

    const saved = await send([["tagsNew", "Dr Foster reports"], ["themeNotPersonal", key]]);
    expect(saved.status).toBe(302);
    expect((await getItem(database, world.actors.leadA, { itemId })).tags.map((t) => t.refId)).toContain(r.deaf);
    expect((await getItem(database, world.actors.leadA, { itemId })).tags.map((t) => t.label)).toContain("Dr Foster reports");
  });

  it("link an error in the item's own tags to the item's picker", async () => {
    const itemId = await addItem(database, world.actors.leadA);
    const failure = await callRoute(database, itemRoute.action, world.people.leadA, `/evidence/${itemId}`, { params: { id: itemId }, form: { intent: "tags", findingId: "", tags: "outcome:not-a-tag" } });
    expect(failure.status).toBe(422);
    const html = await itemPage(itemId, failure.body);
    expect(html).toMatch(/<a href="#item-tags">Choose tags from the list<\/a>/);
  });
});

describe("editing an item", () => {
  it("keeps an organisation it concerns that has since left the collaborative, offering it on the form", async () => {
    const itemId = await addItem(database, world.actors.leadA, { concernedOrgIds: [world.orgs.a2] });
    await database.db
      .update(collaborativeMembers)
      .set({ leftOn: sql`joined_on` })
      .where(and(eq(collaborativeMembers.orgId, world.orgs.a2), eq(collaborativeMembers.collaborativeId, world.collaboratives.x)));
    try {
      const page = await callRoute(database, editRoute.loader, world.people.leadA, `/evidence/${itemId}/edit`, { params: { id: itemId } });
      const { values, organisations } = page.body as { values: { concernedOrgIds: string[] }; organisations: { id: string; name: string }[] };
      expect(values.concernedOrgIds).toEqual([world.orgs.a2]);
      expect(organisations.find((o) => o.id === world.orgs.a2)?.name).toMatch(/\(no longer a member\)$/);
      // The form sends it back ticked with the change; it stays.
      const saved = await callRoute(database, editRoute.action, world.people.leadA, `/evidence/${itemId}/edit`, {
        params: { id: itemId },
        form: new URLSearchParams([["title", "Renamed"], ["type", "report"], ["concernedOrgIds", world.orgs.a2]]),
      });
      expect(saved.status).toBe(302);
      expect((await getItem(database, world.actors.leadA, { itemId })).item.concerned.map((o) => o.id)).toEqual([world.orgs.a2]);
    } finally {
      await database.db.update(collaborativeMembers).set({ leftOn: null }).where(eq(collaborativeMembers.orgId, world.orgs.a2));
    }
  });
});
