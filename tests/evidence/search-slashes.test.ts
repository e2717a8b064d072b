import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { addAttachment } from "../../app/domain/evidence/add-attachment.server";
import { addFinding } from "../../app/domain/evidence/add-finding.server";
import { addRecommendation } from "../../app/domain/evidence/add-recommendation.server";
import { removeRecommendation } from "../../app/domain/evidence/remove-recommendation.server";
import { updateRecommendation } from "../../app/domain/evidence/update-recommendation.server";
import { exportItems } from "../../app/domain/evidence/export-items.server";
import { filtersFrom } from "../../app/domain/evidence/filters";
import { listVisibleItems } from "../../app/domain/evidence/list-visible-items.server";
import { searchItems } from "../../app/domain/evidence/search-items.server";
import { openTestDatabase } from "../support/db";
import { makePdf } from "../support/pdf";
import { createWorld, type World } from "../support/factories";
import { addItem } from "./support";

/**
 * "D/deaf" is how the field writes it, and PostgreSQL's parser reads it (like "and/or", or a
 * web address's path) as one word: a search for "deaf" found none of it. Migration 0035 reads a
 * slash as a space in every searched text, and the query gets the same (searchableQuery).
 */
let database: Database;
let world: World;
const items: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  const lead = world.actors.leadA;
  items.title = await addItem(database, lead, { title: "D/deaf patients' experience of outpatients" });
  items.summary = await addItem(database, lead, { title: "Listening event", summary: "Feedback from D/deaf and hard of hearing residents." });
  items.finding = await addItem(database, lead, { title: "Healthwatch visit" });
  await addFinding(database, lead, { itemId: items.finding, kind: "issue", text: "Reception staff were unsure how to book a BSL/English interpreter." });
  items.file = await addItem(database, lead, { title: "Survey write-up" });
  await addAttachment(database, lead, { itemId: items.file, filename: "survey.pdf", bytes: makePdf(["Most respondents were D/deaf or had a hearing loss."]) });
  items.unrelated = await addItem(database, lead, { title: "Wheelchair access audit", summary: "Ramps and/or lifts at every entrance." });
});
afterAll(async () => {
  await database?.close();
});

const found = async (q: string) => (await searchItems(database, world.actors.leadA, filtersFrom(new URLSearchParams({ q })))).hits.map((h) => h.id);

describe("searching words written with a slash", () => {
  it("finds 'deaf' in 'D/deaf' in a title, a summary and a file's text", async () => {
    const ids = await found("deaf");
    expect(ids).toEqual(expect.arrayContaining([items.title, items.summary, items.file]));
    expect(ids).not.toContain(items.unrelated);
  });

  it("finds the slashed spelling itself, and each side of another slash ('BSL/English' in a finding, 'and/or')", async () => {
    expect(await found("D/deaf")).toEqual(expect.arrayContaining([items.title, items.summary, items.file]));
    expect(await found("interpreter")).toEqual([items.finding]);
    expect(await found("BSL")).toEqual([items.finding]);
    expect(await found("lifts")).toEqual([items.unrelated]);
  });

  it("keeps what was typed in the filters (only the query sent to the database changes)", () => {
    expect(filtersFrom(new URLSearchParams({ q: "D/deaf" })).q).toBe("D/deaf");
  });

  it("the pickers elsewhere and the download find them too", async () => {
    const picked = (await listVisibleItems(database, world.actors.leadA, { q: "deaf" })).map((p) => p.id);
    expect(picked).toEqual(expect.arrayContaining([items.title, items.summary, items.file]));
    const rows = await exportItems(database, world.actors.leadA, filtersFrom(new URLSearchParams({ q: "deaf" })), "http://localhost");
    const text = JSON.stringify(rows);
    expect(text).toContain("D/deaf patients");
    expect(text).toContain("Survey write-up");
    expect(text).not.toContain("Wheelchair access audit");
  });
});

// Migration 0037: an item's recommendations are searched as its findings are.
describe("searching recommendations", () => {
  it("finds an item by its recommendation's words, follows a change of wording, and forgets a removed one", async () => {
    const lead = world.actors.leadA;
    const itemId = await addItem(database, lead, { title: "Outpatients walkabout" });
    const { id } = await addRecommendation(database, lead, { itemId, text: "Fit a hearing loop at the outpatients desk", addressedToOrgId: null, responseDue: null, response: "" });
    expect(await found("hearing loop")).toEqual([itemId]);

    await updateRecommendation(database, lead, { itemId, recommendationId: id, text: "Book BSL/English interpreters in advance", addressedToOrgId: null, responseDue: null, response: "" });
    expect(await found("hearing loop")).toEqual([]);
    expect(await found("English interpreters advance")).toEqual([itemId]);

    await removeRecommendation(database, lead, { itemId, recommendationId: id });
    expect(await found("English interpreters advance")).toEqual([]);
  });
});
