import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { evidenceAttachments } from "../../db/schema";
import { addFinding } from "../../app/domain/evidence/add-finding.server";
import { addAttachment } from "../../app/domain/evidence/add-attachment.server";
import { filtersFrom } from "../../app/domain/evidence/filters";
import { getItem } from "../../app/domain/evidence/get-item.server";
import { searchItems, MARK_START, MARK_END } from "../../app/domain/evidence/search-items.server";
import { themeNameKey } from "../../app/lib/pii/theme-name";
import { setTags } from "../../app/domain/evidence/set-tags.server";
import { listTagOptions } from "../../app/domain/evidence/tag-options.server";
import { previewShare, shareItem } from "../../app/domain/evidence/share-item.server";
import { unshareItem } from "../../app/domain/evidence/unshare-item.server";
import { updateItem } from "../../app/domain/evidence/update-item.server";
import { listVisibleItems } from "../../app/domain/evidence/list-visible-items.server";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { makePdf } from "../support/pdf";
import { addItem, blankItem, refs } from "./support";

let database: Database;
let world: World;
let r: Awaited<ReturnType<typeof refs>>;
const search = (actor: World["actors"][keyof World["actors"]], query: string) => searchItems(database, actor, filtersFrom(new URLSearchParams(query)));

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  r = await refs(database);
});
afterAll(async () => {
  await database?.close();
});

describe("search", () => {
  it("ranks title matches above summary and finding matches, with highlighted snippets", async () => {
    const word = `zebracrossing${Date.now()}`;
    const inSummary = await addItem(database, world.actors.leadA, { title: "Access report", summary: `The ${word} near the clinic is unsafe` });
    const inTitle = await addItem(database, world.actors.leadA, { title: `The ${word} audit`, summary: "Nothing else" });
    const inFinding = await addItem(database, world.actors.leadA, { title: "Walkabout notes" });
    await addFinding(database, world.actors.leadA, { itemId: inFinding, kind: "issue", text: `A ${word} is missing` });
    const result = await search(world.actors.leadA, `q=${word}`);
    expect(result.total).toBe(3);
    expect(result.hits[0]!.id).toBe(inTitle);
    expect(new Set(result.hits.map((h) => h.id))).toEqual(new Set([inTitle, inSummary, inFinding]));
    const snippet = result.hits.find((h) => h.id === inSummary)!.snippet;
    expect(snippet).toContain(`${MARK_START}${word}${MARK_END}`);
    expect(snippet).not.toMatch(/<b>/);
  });

  it("combines filters: type, dates, scope, tags through parent groups", async () => {
    const tag = `ferry${Date.now()}`;
    const a = await addItem(database, world.actors.leadA, { title: `${tag} survey`, type: "survey", publishedOn: "2024-03-01" });
    const b = await addItem(database, world.actors.leadA, { title: `${tag} report`, type: "report", publishedOn: "2023-01-01" });
    const finding = await addFinding(database, world.actors.leadA, { itemId: a, kind: "quote", text: "There was no BSL interpreter" });
    await setTags(database, world.actors.contributorA, { itemId: a, findingId: finding.id, tags: [`characteristic:${r.deaf}`] });
    await setTags(database, world.actors.leadA, { itemId: b, findingId: null, tags: [`characteristic:${r.race}`, `outcome:${r.outcome1A}`] });

    expect((await search(world.actors.leadA, `q=${tag}&type=survey`)).hits.map((h) => h.id)).toEqual([a]);
    expect((await search(world.actors.leadA, `q=${tag}&from=2024-01-01`)).hits.map((h) => h.id)).toEqual([a]);
    expect((await search(world.actors.leadA, `q=${tag}&to=2023-12-31`)).hits.map((h) => h.id)).toEqual([b]);
    // A finding tagged D/deaf counts toward disability (its parent).
    expect((await search(world.actors.leadA, `q=${tag}&characteristic=${r.disability}`)).hits.map((h) => h.id)).toEqual([a]);
    expect((await search(world.actors.leadA, `q=${tag}&characteristic=${r.deaf}`)).hits.map((h) => h.id)).toEqual([a]);
    expect((await search(world.actors.leadA, `q=${tag}&outcome=${r.outcome1A}&characteristic=${r.race}`)).hits.map((h) => h.id)).toEqual([b]);
    expect((await search(world.actors.leadA, `q=${tag}&outcome=${r.outcome1A}&characteristic=${r.disability}`)).hits).toEqual([]);
    expect((await search(world.actors.leadA, `q=${tag}&scope=shared`)).hits).toEqual([]);

    // Removing the tag removes it from the filter too.
    await setTags(database, world.actors.leadA, { itemId: a, findingId: finding.id, tags: [] });
    expect((await search(world.actors.leadA, `q=${tag}&characteristic=${r.disability}`)).hits).toEqual([]);
  });

  it("finds a word inside an attached PDF", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Enter and View visit" });
    await addAttachment(database, world.actors.leadA, { itemId: id, filename: "visit.pdf", bytes: makePdf(["Patients mentioned the hummingbird signage"]) });
    expect((await search(world.actors.leadA, "q=hummingbird")).hits.map((h) => h.id)).toEqual([id]);
    expect((await search(world.actors.leadA, "q=hummingbird")).hits[0]!.snippet).toContain(`${MARK_START}hummingbird${MARK_END}`);
  });

  it("highlights a word found deep inside a long file, in a snippet of bounded length, stemmed forms included", async () => {
    const word = `ocelot${Date.now().toString(36)}`;
    // A full page (about 4,000 characters), the word near the end.
    const filler = Array.from({ length: 46 }, (_, i) => `Line ${i}: the notes record the ward layout, the signage and the time of day.`);
    const lines = [...filler.slice(0, 40), `Several ponies and one ${word} were seen near the entrance.`, ...filler.slice(40)];
    const id = await addItem(database, world.actors.leadA, { title: "Long visit record", summary: "A long report." });
    const { textLength } = await addAttachment(database, world.actors.leadA, { itemId: id, filename: "long.pdf", bytes: makePdf(lines) });
    expect(textLength).toBeGreaterThan(3_000);
    const [hit] = (await search(world.actors.leadA, `q=${word}`)).hits;
    expect(hit!.id).toBe(id);
    expect(hit!.snippet).toContain(`${MARK_START}${word}${MARK_END}`);
    expect(hit!.snippet.length).toBeLessThan(1_000);
    // "pony" is stemmed like "ponies": the passage is found and the word highlighted.
    const [pony] = (await search(world.actors.leadA, `q=pony+${word}`)).hits;
    expect(pony!.snippet).toContain(`${MARK_START}ponies${MARK_END}`);

    // 60,000 characters of a file's text (stored as if extracted), the word at the end.
    const deep = `${word}deep`;
    const long = await addItem(database, world.actors.leadA, { title: "Very long file" });
    await database.db.insert(evidenceAttachments).values({
      collaborativeId: world.collaboratives.x,
      orgId: world.orgs.a,
      itemId: long,
      filename: "long.txt",
      contentType: "text/plain",
      size: 1,
      data: Buffer.from("x"),
      extractedText: "Nothing to see here. ".repeat(3000) + `At last the ${deep} appears.`,
    });
    const [deepHit] = (await search(world.actors.leadA, `q=${deep}`)).hits;
    expect(deepHit!.id).toBe(long);
    expect(deepHit!.snippet).toContain(`${MARK_START}${deep}${MARK_END}`);
    expect(deepHit!.snippet.length).toBeLessThan(1_000);
  });
});

describe("snippets", () => {
  it("mark words the stemmer changed, and give a match in the title alone the text's opening, unmarked", async () => {
    const tag = `heron${Date.now().toString(36)}`;
    const summary = `The carers were hoping for a quieter waiting room. ${"More words follow here. ".repeat(20)}`;
    await addItem(database, world.actors.leadA, { title: `A ${tag} visit`, summary });
    // "hope" is stored as "hope" for "hoping": the passage is found and the word marked.
    const [stemmed] = (await search(world.actors.leadA, `q=hope+${tag}`)).hits;
    expect(stemmed!.snippet).toContain(`${MARK_START}hoping${MARK_END}`);
    const [titleOnly] = (await search(world.actors.leadA, `q=${tag}`)).hits;
    expect(titleOnly!.snippet.startsWith("The carers were hoping for")).toBe(true);
    expect(titleOnly!.snippet).not.toContain(MARK_START);
    expect(titleOnly!.snippet.length).toBeLessThanOrEqual(200);
    expect(summary.startsWith(titleOnly!.snippet)).toBe(true);

    // "care" is found as "caring", not as any word starting "car".
    const carers = `osprey${Date.now().toString(36)}`;
    await addItem(database, world.actors.leadA, {
      title: `Ward ${carers}`,
      summary: `Letters were carried by hand to the wrong cars. ${"Nothing else happened that day. ".repeat(12)}The staff were caring and kind.`,
    });
    const [caring] = (await search(world.actors.leadA, `q=care+${carers}`)).hits;
    expect(caring!.snippet).toContain(`${MARK_START}caring${MARK_END}`);
  });
});

describe("visibility and sharing with care", () => {
  it("keeps an item private until the equality lead shares it; others then read it, read-only; unsharing hides it again", async () => {
    const word = `kestrel${Date.now()}`;
    const id = await addItem(database, world.actors.contributorA, { title: `${word} highlight report`, summary: "Raised by Mrs Jones (DOB: 12/03/1956) on 0151 706 2000" });
    await addFinding(database, world.actors.contributorA, { itemId: id, kind: "quote", text: "Email me at jones@example.org" });
    expect((await search(world.actors.leadA2, `q=${word}`)).total).toBe(0);
    await expect(getItem(database, world.actors.leadA2, { itemId: id })).rejects.toMatchObject({ status: 404 });
    await expect(previewShare(database, world.actors.contributorA, { itemId: id })).rejects.toMatchObject({ status: 403 });

    const { hits } = await previewShare(database, world.actors.leadA, { itemId: id });
    expect(hits.map((h) => h.kind).sort()).toEqual(["date_of_birth", "email", "name", "phone"]);
    // Every hit needs a decision.
    await expect(shareItem(database, world.actors.leadA, { itemId: id, decisions: {} })).rejects.toMatchObject({ status: 422 });
    const decisions = Object.fromEntries(hits.map((h) => [h.id, h.kind === "name" ? ("keep" as const) : ("redact" as const)]));
    expect(await shareItem(database, world.actors.leadA, { itemId: id, decisions })).toEqual({ redacted: 3, kept: 1, filesRemoved: 0 });

    const seen = await getItem(database, world.actors.leadA2, { itemId: id });
    expect(seen.item.summary).toBe("Raised by Mrs Jones (DOB: [redacted date of birth]) on [redacted phone number]");
    expect(seen.findings[0]!.text).toBe("Email me at [redacted email address]");
    expect(seen.can).toEqual({ edit: false, tag: false, share: false, delete: false });
    expect((await search(world.actors.leadA2, `q=${word}`)).total).toBe(1);
    expect((await listVisibleItems(database, world.actors.leadA2, { q: word })).map((p) => p.href)).toEqual([`/evidence/${id}`]);
    // Read-only for others, and the database agrees.
    await expect(updateItem(database, world.actors.leadA2, { itemId: id, values: blankItem({ title: "Hijacked" }) })).rejects.toMatchObject({ status: 403 });
    // Never visible to another collaborative.
    expect((await search(world.actors.leadB, `q=${word}`)).total).toBe(0);

    await unshareItem(database, world.actors.leadA, { itemId: id });
    expect((await search(world.actors.leadA2, `q=${word}`)).total).toBe(0);

    const history = (await getItem(database, world.actors.leadA, { itemId: id })).history;
    expect(history.map((h) => h.action)).toEqual(["created", "finding_added", "redacted", "shared", "unshared"]);
    const redaction = history.find((h) => h.action === "redacted")!;
    expect(JSON.stringify(redaction.detail)).not.toContain("0151");
    expect(redaction.actor).toBe(world.people.leadA.name);
  });

  it("freezes a shared item: edits need unsharing first (so the scan runs again)", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Clean report" });
    await shareItem(database, world.actors.leadA, { itemId: id, decisions: {} });
    await expect(updateItem(database, world.actors.contributorA, { itemId: id, values: blankItem({ title: "Changed" }) })).rejects.toMatchObject({ status: 403 });
    await expect(addFinding(database, world.actors.leadA, { itemId: id, kind: "issue", text: "x" })).rejects.toMatchObject({ status: 403 });
    // Tags carry no personal data and may still be added by the owner's writers.
    await setTags(database, world.actors.contributorA, { itemId: id, findingId: null, tags: [`psed:${r.psed}`, "theme:new:Interpreting"] });
    const item = await getItem(database, world.actors.leadA, { itemId: id });
    expect(item.tags.map((t) => t.label)).toContain("Interpreting");
    expect(item.tags[0]!.appliedBy).toBe(world.people.contributorA.name);
  });

  it("refuses a new theme whose name looks like personal data: every organisation sees the collaborative's themes, even on a private item", async () => {
    // Typed as a tag on a private item, "Mrs Okafor complaint" became a theme at once, listed in
    // every member organisation's Theme filter and tag picker: past the check sharing runs.
    const id = await addItem(database, world.actors.leadA, { title: "Panel notes" });
    for (const name of ["Mrs Okafor complaint", "Call 0151 496 0000"]) {
      await expect(setTags(database, world.actors.contributorA, { itemId: id, findingId: null, tags: [`psed:${r.psed}`, `theme:new:${name}`] })).rejects.toMatchObject({
        status: 422,
        fields: { tags: expect.stringMatching(/personal data.*every organisation/i) },
      });
    }
    const themes = async () => (await listTagOptions(database, world.actors.leadA2)).filter((o) => o.kind === "theme").map((o) => o.label);
    expect(await themes()).not.toContain("Mrs Okafor complaint");
    expect((await getItem(database, world.actors.leadA, { itemId: id })).tags).toEqual([]);
    // A theme with no such pattern is created as before.
    await setTags(database, world.actors.contributorA, { itemId: id, findingId: null, tags: ["theme:new:Discharge letters"] });
    expect(await themes()).toContain("Discharge letters");
  });

  it("takes a flagged theme name once the person confirms it is not about a person, for that exact name only", async () => {
    // "Dr Foster reports" reads as a name after a title, yet names a publisher's reports: without a
    // way on, no one could use it as a theme at all.
    const id = await addItem(database, world.actors.leadA, { title: "Mortality indicators" });
    const name = "Dr Foster reports";
    const tag = (confirmedThemes?: string[]) => setTags(database, world.actors.contributorA, { itemId: id, findingId: null, tags: [`theme:new:${name}`], confirmedThemes });
    await expect(tag()).rejects.toMatchObject({ status: 422, fields: { tags: expect.stringMatching(/personal data/) } });
    // A confirmation given for another text (the name before it was changed) does not carry over.
    await expect(tag([themeNameKey("Dr Foster report")])).rejects.toMatchObject({ status: 422 });
    await tag([themeNameKey(name)]);
    const themes = (await listTagOptions(database, world.actors.leadA2)).filter((o) => o.kind === "theme").map((o) => o.label);
    expect(themes).toContain(name);
    expect((await getItem(database, world.actors.leadA, { itemId: id })).tags.map((t) => t.label)).toEqual([name]);
  });

  it("lets viewers read but not write", async () => {
    await expect(addItem(database, world.actors.viewerA)).rejects.toMatchObject({ status: 403 });
  });
});
