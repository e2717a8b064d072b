import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { evidenceAttachments, evidenceEvents, evidenceItems } from "../../db/schema";
import { addAttachment } from "../../app/domain/evidence/add-attachment.server";
import { getAttachment } from "../../app/domain/evidence/get-attachment.server";
import { getItem } from "../../app/domain/evidence/get-item.server";
import { EVIDENCE_IMPORT_COLUMNS, importItems, readImportFile } from "../../app/domain/evidence/import-items.server";
import { describeEvent } from "../../app/domain/evidence/labels";
import { setTags } from "../../app/domain/evidence/set-tags.server";
import { decisionField, fileField } from "../../app/domain/evidence/share-fields";
import { previewShare, shareItem } from "../../app/domain/evidence/share-item.server";
import { updateItem } from "../../app/domain/evidence/update-item.server";
import { guessMapping } from "../../app/lib/import/map-rows";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { makePdf } from "../support/pdf";
import { addItem, blankItem, refs } from "./support";

let database: Database;
let world: World;
let r: Awaited<ReturnType<typeof refs>>;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  r = await refs(database);
});
afterAll(async () => {
  await database?.close();
});

/** What the person in the review typed: a name after a title and a valid NHS number. */
const PERSONAL = "Mrs Jane Smith, NHS 943 476 5919";
const leaks = (value: unknown) => /Jane|Smith|943 476 5919/.test(JSON.stringify(value));
/** A PNG's signature and nothing else: accepted as an image, and no text can be read from it. */
const png = () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const storedDetails = async (itemId: string) => (await database.db.select({ action: evidenceEvents.action, detail: evidenceEvents.detail }).from(evidenceEvents).where(eq(evidenceEvents.itemId, itemId))).map((e) => e.detail);

describe("the history keeps nothing that sharing redacts", () => {
  it("stores no title or file name in events, and shows none once the title was redacted or cleaned before sharing", async () => {
    const redactedAtShare = await addItem(database, world.actors.contributorA, { title: `Complaint from ${PERSONAL}` });
    const cleanedByEditing = await addItem(database, world.actors.contributorA, { title: `Letter about ${PERSONAL}` });
    await updateItem(database, world.actors.contributorA, { itemId: cleanedByEditing, values: blankItem({ title: "Letter about a discharge" }) });
    await addAttachment(database, world.actors.contributorA, { itemId: cleanedByEditing, filename: "Mrs Jane Smith letter.pdf", bytes: makePdf(["The discharge letter was late."]) });
    await setTags(database, world.actors.contributorA, { itemId: cleanedByEditing, findingId: null, tags: [`outcome:${r.outcome1A}`, `characteristic:${r.deaf}`] });
    await setTags(database, world.actors.contributorA, { itemId: cleanedByEditing, findingId: null, tags: [`outcome:${r.outcome1A}`] });
    const table = await readImportFile("tracker.csv", new TextEncoder().encode(`Title,Type\n"Visit with ${PERSONAL}",Report\n`));
    await importItems(database, world.actors.contributorA, table, guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS));
    const [imported] = await database.db.select({ id: evidenceItems.id }).from(evidenceItems).where(eq(evidenceItems.title, `Visit with ${PERSONAL}`));

    // Events are append-only: what goes in stays, so nothing typed may go in.
    for (const id of [redactedAtShare, cleanedByEditing, imported!.id]) expect(leaks(await storedDetails(id)), id).toBe(false);

    const { hits } = await previewShare(database, world.actors.leadA, { itemId: redactedAtShare });
    await shareItem(database, world.actors.leadA, { itemId: redactedAtShare, decisions: Object.fromEntries(hits.map((h) => [h.id, "redact" as const])) });
    const named = await previewShare(database, world.actors.leadA, { itemId: cleanedByEditing });
    await shareItem(database, world.actors.leadA, { itemId: cleanedByEditing, decisions: Object.fromEntries(named.hits.map((h) => [h.id, "remove" as const])) });

    const redacted = await getItem(database, world.actors.leadA2, { itemId: redactedAtShare });
    expect(redacted.item.title).toBe("Complaint from [redacted name after a title], NHS [redacted NHS number]");
    expect(leaks(redacted.history)).toBe(false);
    expect(redacted.history.find((h) => h.action === "redacted")!.detail).toBe("name after a title in Title; NHS number in Title");
    const cleaned = await getItem(database, world.actors.leadA2, { itemId: cleanedByEditing });
    expect(leaks(cleaned)).toBe(false);
    // Tags are stored by id and shown by their current label.
    expect(cleaned.history.map((h) => [h.action, h.detail])).toEqual([
      ["created", ""],
      ["edited", "Changed: title"],
      ["attached", "A file since removed (text extracted for search)"],
      ["tagged", expect.stringMatching(/^EDS 2022 1A .+, Group D\/deaf people and BSL users$/)],
      ["untagged", "Group D/deaf people and BSL users"],
      ["shared", "0 redacted, 0 confirmed as not personal data, 1 file removed"],
    ]);
  });

  it("shows events stored by earlier versions without their titles, file names or unknown labels", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Shared before the fix" });
    await shareItem(database, world.actors.leadA, { itemId: id, decisions: {} });
    const [item] = await database.db.select().from(evidenceItems).where(eq(evidenceItems.id, id));
    const legacy = [
      { action: "created" as const, detail: { title: `Complaint from ${PERSONAL}` } },
      { action: "imported" as const, detail: { title: `Visit with ${PERSONAL}`, line: 7 } },
      { action: "attached" as const, detail: { filename: "Mrs Jane Smith letter.pdf", size: 10, textExtracted: true } },
      { action: "tagged" as const, detail: { findingId: null, tags: ["Theme Mrs Jane Smith case"] } },
      { action: "edited" as const, detail: { fields: ["title", "Mrs Jane Smith"] } },
      { action: "redacted" as const, detail: { redactions: [{ where: "Text of Mrs Jane Smith letter.pdf", kind: "phone number" }, { where: "Finding 2", kind: PERSONAL }] } },
    ];
    // As the owner: the app role may not write events of its own choosing.
    await database.db.insert(evidenceEvents).values(legacy.map((e) => ({ collaborativeId: item!.collaborativeId, orgId: item!.orgId, itemId: id, actorId: world.people.leadA.id, ...e })));

    const { history } = await getItem(database, world.actors.leadA2, { itemId: id });
    expect(leaks(history)).toBe(false);
    const detail = (action: string) => history.filter((h) => h.action === action).map((h) => h.detail);
    expect(detail("created")).toEqual(["", ""]);
    expect(detail("imported")).toEqual(["Line 7 of the imported file"]);
    expect(detail("attached")).toEqual(["A file (text extracted for search)"]);
    expect(detail("tagged")).toEqual(["1 tag no longer listed"]);
    expect(detail("edited")).toEqual(["Changed: title"]);
    expect(detail("redacted")).toEqual(["phone number in the text of a file; personal data in Finding 2"]);
    // The same rules without a database: the page never receives the stored detail.
    expect(describeEvent("created", { title: PERSONAL })).toBe("");
    expect(describeEvent("attached", { filename: PERSONAL, attachmentId: "x" }, { fileName: () => "notes.pdf", tagLabel: () => undefined })).toBe("notes.pdf");
  });
});

describe("a decision is for the text it was made on", () => {
  it("does not carry over to other text found at the same place after the preview: that is asked about again", async () => {
    // Hits were keyed by field and offset only. The lead previewed "Ring 0151 496 0000 today" and
    // chose to keep the number; a contributor then changed the summary to "Ring Mrs Jones at home"
    // (a name at the same offset), and the lead's "keep" shared the name nobody had seen.
    const id = await addItem(database, world.actors.leadA, { title: "Rota notes", summary: "Ring 0151 496 0000 today" });
    const { hits } = await previewShare(database, world.actors.leadA, { itemId: id });
    expect(hits.map((h) => [h.kind, h.text])).toEqual([["phone", "0151 496 0000"]]);
    await updateItem(database, world.actors.contributorA, { itemId: id, values: blankItem({ title: "Rota notes", summary: "Ring Mrs Jones at home" }) });
    await expect(shareItem(database, world.actors.leadA, { itemId: id, decisions: { [hits[0]!.id]: "keep" } })).rejects.toMatchObject({ status: 422 });
    expect((await getItem(database, world.actors.leadA, { itemId: id })).item.sharedAt).toBeNull();
    // The same text at the same place keeps its decision (a preview and its share agree).
    const again = (await previewShare(database, world.actors.leadA, { itemId: id })).hits;
    expect(await shareItem(database, world.actors.leadA, { itemId: id, decisions: { [again[0]!.id]: "redact" } })).toMatchObject({ redacted: 1 });
  });
});

describe("file names are checked like the text", () => {
  it("finds personal data in a file's name; the lead keeps the name, removes the file or redacts the name", async () => {
    const id = await addItem(database, world.actors.contributorA, { title: "Ward visit" });
    const { id: named } = await addAttachment(database, world.actors.contributorA, { itemId: id, filename: "Mrs_Jane_Smith_943_476_5919.pdf", bytes: makePdf(["Nothing personal here."]) });
    const { id: phone } = await addAttachment(database, world.actors.contributorA, { itemId: id, filename: "Dr Patel rota.pdf", bytes: makePdf(["Call 0151 496 0000 for the rota."]) });

    const { hits } = await previewShare(database, world.actors.leadA, { itemId: id });
    expect(hits.map((h) => [h.fieldLabel, h.kind, h.text])).toEqual([
      // Underscores are read as spaces, so a name written as Mrs_Jane_Smith is found too.
      ["Name of file 1", "name", "Mrs_Jane_Smith"],
      ["Name of file 1", "nhs_number", "943_476_5919"],
      ["Name of file 2", "name", "Dr Patel"],
      ["Text of Dr Patel rota.pdf", "phone", "0151 496 0000"],
    ]);
    const inName = hits.filter((h) => h.field === `filename:${named}`);
    const decide = (d: Record<string, "redact" | "keep" | "remove">) => shareItem(database, world.actors.leadA, { itemId: id, decisions: d });
    // "Remove" is for a file's name only; a hit without a decision is named, and nothing is shared.
    const refused = await decide({ [inName[1]!.id]: "keep", [hits[2]!.id]: "keep", [hits[3]!.id]: "remove" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 422, fields: { [decisionField(inName[0]!.id)]: expect.stringMatching(/redact this from the file's name, remove the file or keep the name \(possible name after a title\)/) } });
    expect(Object.keys((refused as { fields: object }).fields)).toEqual([decisionField(inName[0]!.id), decisionField(hits[3]!.id)]);

    // Removing the file settles every hit in it (the NHS number needs no decision of its own).
    expect(await decide({ [inName[0]!.id]: "remove", [hits[2]!.id]: "keep", [hits[3]!.id]: "redact" })).toEqual({ redacted: 1, kept: 1, filesRemoved: 1 });
    const seen = await getItem(database, world.actors.leadA2, { itemId: id });
    expect(seen.attachments.map((a) => [a.id, a.filename, a.withheld])).toEqual([[phone, "Dr Patel rota.pdf", true]]);
    await expect(getAttachment(database, world.actors.leadA2, { itemId: id, attachmentId: named })).rejects.toMatchObject({ status: 404 });
    // The history says where, not the file's name: "Text of file 2" (numbered as the scan saw them).
    expect(seen.history.find((h) => h.action === "redacted")!.detail).toBe("phone number in Text of file 2");
    expect(leaks(await storedDetails(id))).toBe(false);
    expect(JSON.stringify(await storedDetails(id))).not.toContain("Patel");
  });

  it("redacts personal data from a file's name by renaming the file, keeping the file", async () => {
    const id = await addItem(database, world.actors.contributorA, { title: "Ward visit" });
    const { id: named } = await addAttachment(database, world.actors.contributorA, { itemId: id, filename: "Mrs_Jane_Smith_943_476_5919.pdf", bytes: makePdf(["Nothing personal here."]) });
    const { hits } = await previewShare(database, world.actors.leadA, { itemId: id });
    expect(await shareItem(database, world.actors.leadA, { itemId: id, decisions: Object.fromEntries(hits.map((h) => [h.id, "redact" as const])) })).toEqual({ redacted: 2, kept: 0, filesRemoved: 0 });
    const renamed = "[redacted name after a title]_[redacted NHS number].pdf";
    const seen = await getItem(database, world.actors.leadA2, { itemId: id });
    expect(seen.attachments.map((a) => [a.id, a.filename])).toEqual([[named, renamed]]);
    expect((await getAttachment(database, world.actors.leadA2, { itemId: id, attachmentId: named })).filename).toBe(renamed);
    expect(seen.history.find((h) => h.action === "redacted")!.detail).toBe("name after a title in Name of file 1; NHS number in Name of file 1");
    expect(leaks(seen)).toBe(false);
    expect(JSON.stringify(await storedDetails(id))).not.toContain("Smith");
  });
});

describe("files the scan could not read", () => {
  it("are listed as not checked, and each must be looked at and shared, or removed, before the item is shared", async () => {
    const id = await addItem(database, world.actors.contributorA, { title: "Photos from the visit" });
    const { id: photo } = await addAttachment(database, world.actors.contributorA, { itemId: id, filename: "noticeboard.png", bytes: png() });
    const { id: list } = await addAttachment(database, world.actors.contributorA, { itemId: id, filename: "attendees.csv", bytes: Buffer.from("name,phone\nA,1\n") });
    await addAttachment(database, world.actors.contributorA, { itemId: id, filename: "notes.pdf", bytes: makePdf(["Clean notes."]) });

    const preview = await previewShare(database, world.actors.leadA, { itemId: id });
    expect(preview.hits).toEqual([]);
    expect(preview.unchecked.map((f) => [f.id, f.filename])).toEqual([
      [photo, "noticeboard.png"],
      [list, "attendees.csv"],
    ]);
    // Each file gets its own error, so the page can mark each one.
    await expect(shareItem(database, world.actors.leadA, { itemId: id, decisions: {} })).rejects.toMatchObject({ status: 422, fields: { [fileField(photo)]: expect.stringMatching(/noticeboard\.png/), [fileField(list)]: expect.stringMatching(/attendees\.csv/) } });
    await expect(shareItem(database, world.actors.leadA, { itemId: id, decisions: {}, files: { [photo]: "share" } })).rejects.toMatchObject({ status: 422, fields: { [fileField(list)]: expect.any(String) } });
    expect((await getItem(database, world.actors.leadA, { itemId: id })).item.sharedAt).toBeNull();

    expect(await shareItem(database, world.actors.leadA, { itemId: id, decisions: {}, files: { [photo]: "share", [list]: "remove" } })).toEqual({ redacted: 0, kept: 0, filesRemoved: 1 });
    const seen = await getItem(database, world.actors.leadA2, { itemId: id });
    expect(seen.attachments.map((a) => [a.filename, a.withheld])).toEqual([
      ["noticeboard.png", false],
      ["notes.pdf", false],
    ]);
    expect((await getAttachment(database, world.actors.leadA2, { itemId: id, attachmentId: photo })).data.length).toBe(png().length);
    expect(seen.history.at(-1)!.detail).toBe("0 redacted, 0 confirmed as not personal data, 1 file the check could not read, looked at and shared, 1 file removed");
  });

  it("stay with their owner when the item was shared before the lead had to look at them", async () => {
    const id = await addItem(database, world.actors.leadA, { title: "Shared unseen" });
    const { id: photo } = await addAttachment(database, world.actors.leadA, { itemId: id, filename: "scan.png", bytes: png() });
    const { id: pdf } = await addAttachment(database, world.actors.leadA, { itemId: id, filename: "notes.pdf", bytes: makePdf(["Clean notes."]) });
    // As an earlier version shared it: no confirmation, and a "shared" event without filesLookedAt.
    const [item] = await database.db.update(evidenceItems).set({ sharedAt: new Date(), sharedBy: world.people.leadA.id }).where(eq(evidenceItems.id, id)).returning();
    await database.db.insert(evidenceEvents).values({ collaborativeId: item!.collaborativeId, orgId: item!.orgId, itemId: id, actorId: world.people.leadA.id, action: "shared", detail: { redacted: 0, confirmed: 0 } });

    await expect(getAttachment(database, world.actors.leadA2, { itemId: id, attachmentId: photo })).rejects.toMatchObject({ status: 403 });
    expect((await getAttachment(database, world.actors.leadA2, { itemId: id, attachmentId: pdf })).filename).toBe("notes.pdf");
    expect((await getAttachment(database, world.actors.leadA, { itemId: id, attachmentId: photo })).filename).toBe("scan.png");
    expect((await getItem(database, world.actors.leadA2, { itemId: id })).attachments.map((a) => [a.filename, a.withheld])).toEqual([
      ["scan.png", true],
      ["notes.pdf", false],
    ]);
    const [stored] = await database.db.select({ filename: evidenceAttachments.filename }).from(evidenceAttachments).where(eq(evidenceAttachments.id, photo));
    expect(stored!.filename).toBe("scan.png");
  });
});
