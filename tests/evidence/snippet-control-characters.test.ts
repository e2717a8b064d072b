import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { evidenceAttachments } from "../../db/schema";
import { addFinding } from "../../app/domain/evidence/add-finding.server";
import { filtersFrom } from "../../app/domain/evidence/filters";
import { MARK_END, MARK_START, searchItems } from "../../app/domain/evidence/search-items.server";
import { Snippet } from "../../app/components/evidence/Snippet";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { addItem } from "./support";

/**
 * Snippets mark matches with two control characters (MARK_START, MARK_END) that the page turns
 * into <mark>. Stored text can hold those characters too: a PDF's or Word file's text keeps what
 * the file held (only NUL is dropped), and typed or imported text keeps what was pasted. Such a
 * character must not become a <mark> of its own, nor hide the text after it.
 */
let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(async () => {
  await database?.close();
});

const snippetOf = async (q: string, id: string) => (await searchItems(database, world.actors.leadA, filtersFrom(new URLSearchParams({ q })))).hits.find((h) => h.id === id)!.snippet;
const count = (text: string, part: string) => text.split(part).length - 1;
const marks = (snippet: string) => [...renderToStaticMarkup(createElement(Snippet, { text: snippet })).matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);

describe("control characters in searched text", () => {
  it("mark only the words searched for in a summary and a finding, and show the rest of the passage", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Osprey visit", summary: `Clinic \u0001letters\u0002 came late and \u0002the ospreyhide interpreters\u0001 were absent.` });
    await addFinding(database, world.actors.leadA, { itemId: id, kind: "issue", text: "Signs\u0002 at the ospreyhide \u0001entrance were unclear." });
    const snippet = await snippetOf("ospreyhide", id);
    expect(count(snippet, MARK_START)).toBe(2);
    expect(count(snippet, MARK_END)).toBe(2);
    expect(marks(snippet)).toEqual(["ospreyhide", "ospreyhide"]);
    const html = renderToStaticMarkup(createElement(Snippet, { text: snippet }));
    expect(html).toContain("were absent.");
    expect(html).toContain("entrance were unclear.");
  });

  it("mark only the words searched for in a file's text", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Osprey survey" });
    // As a PDF's text can come out of the parser: control characters between words.
    await database.db.insert(evidenceAttachments).values({
      collaborativeId: world.collaboratives.x,
      orgId: world.orgs.a,
      itemId: id,
      filename: "survey.pdf",
      contentType: "application/pdf",
      size: 1,
      data: Buffer.from("x"),
      extractedText: "Page 1\u0001\u0002 Respondents \u0002asked for a \u0001ospreyfile hearing loop\u0002 and large print.",
    });
    const snippet = await snippetOf("ospreyfile", id);
    expect(marks(snippet)).toEqual(["ospreyfile"]);
    expect(count(snippet, MARK_START)).toBe(1);
    expect(count(snippet, MARK_END)).toBe(1);
  });

  it("give a match in the title alone an opening with nothing marked", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Ospreytitle forum", summary: "Notes \u0001from the\u0002 forum." });
    const snippet = await snippetOf("ospreytitle", id);
    expect(snippet).not.toContain(MARK_START);
    expect(snippet).not.toContain(MARK_END);
    expect(marks(snippet)).toEqual([]);
  });
});
