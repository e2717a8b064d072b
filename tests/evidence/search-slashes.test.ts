import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
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
import { MARK_END, MARK_START, searchItems } from "../../app/domain/evidence/search-items.server";
import { Snippet } from "../../app/components/evidence/Snippet";
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

// Migration 0038: the snippet's words are marked as the index reads them, the slash shown as written.
describe("snippets of words written with a slash", () => {
  const snippetOf = async (q: string, id: string) => (await searchItems(database, world.actors.leadA, filtersFrom(new URLSearchParams({ q })))).hits.find((h) => h.id === id)!.snippet;
  const mark = (word: string) => `${MARK_START}${word}${MARK_END}`;

  it("marks the word inside 'D/deaf' in a summary, a finding and a file, and shows the text as written", async () => {
    expect(await snippetOf("deaf", items.summary!)).toBe(`Feedback from D/${mark("deaf")} and hard of hearing residents.`);
    expect(await snippetOf("D/deaf", items.summary!)).toBe(`Feedback from ${mark("D")}/${mark("deaf")} and hard of hearing residents.`);
    expect(await snippetOf("interpreter", items.finding!)).toBe(`Reception staff were unsure how to book a BSL/English ${mark("interpreter")}.`);
    expect(await snippetOf("BSL", items.finding!)).toBe(`Reception staff were unsure how to book a ${mark("BSL")}/English interpreter.`);
    expect(await snippetOf("deaf", items.file!)).toContain(`D/${mark("deaf")} or had a hearing loss`);
    expect(await snippetOf("lifts", items.unrelated!)).toBe(`Ramps and/or ${mark("lifts")} at every entrance.`);
  });

  it("keeps web addresses and other text as written, and draws markup in the text as text", async () => {
    const summary = "See https://example.org/deaf/bsl-guide, and <img src=x onerror=alert(1)> D/deaf\u001fcarers' views.";
    const id = await addItem(database, world.actors.leadA, { title: "Kestrel forum", summary });
    const snippet = await snippetOf("deaf", id);
    expect(snippet).toContain(`example.org/${mark("deaf")}/bsl-guide, and <img src=x onerror=alert(1)> D/${mark("deaf")} carers' views.`);
    // A passage of the text as written: only a control character the text held itself (the one
    // the slashes borrow while the words are marked) shows as the space the search reads it as.
    expect(summary.replace("\u001f", " ")).toContain(snippet.replaceAll(MARK_START, "").replaceAll(MARK_END, ""));
    const html = renderToStaticMarkup(createElement(Snippet, { text: snippet }));
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
    expect(html).toContain("D/</span><span><mark>deaf</mark> carers");
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
