import { asc, eq } from "drizzle-orm";
import type { Tx } from "#db/client";
import { evidenceAttachments, evidenceFindings, evidenceItems, evidenceRecommendations } from "#db/schema";
import { contextOf, hitId, scanText, type PiiKind } from "~/lib/pii/scan";

/** A piece of an item's text the scan reads: "title", "summary", "finding:<id>", "attachment:<id>" (a file's text), "filename:<id>"... */
export interface ScannedField {
  key: string;
  /** For the person deciding, on the share page: may quote a file name. */
  label: string;
  /**
   * For the history, which every reader of the item sees: says where without quoting anything
   * typed ("Text of file 2", never the file's name, which may itself be what was redacted).
   */
  place: string;
  text: string;
  /** What the patterns read instead of `text`, same length so offsets hold: file names with "_" read as spaces ("Mrs_Jones.pdf"). */
  scanAs?: string;
}

export interface ItemHit {
  /** Stable while the text does not change: field key, offset and a fingerprint of what was found (hitId). */
  id: string;
  field: string;
  fieldLabel: string;
  place: string;
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
}

/** A file the scan could not read: no text came out of it (a picture, a scanned PDF, a spreadsheet), so a person must look at it. */
export interface UncheckedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Everything of an item that would be shared: its text, findings, recommendations, and its files' names and text. */
export async function itemFields(tx: Tx, itemId: string): Promise<ScannedField[]> {
  const [item] = await tx.select({ title: evidenceItems.title, summary: evidenceItems.summary, services: evidenceItems.services }).from(evidenceItems).where(eq(evidenceItems.id, itemId));
  const findings = await tx.select({ id: evidenceFindings.id, text: evidenceFindings.text }).from(evidenceFindings).where(eq(evidenceFindings.itemId, itemId)).orderBy(asc(evidenceFindings.position), asc(evidenceFindings.createdAt));
  // Numbered in the order the item page lists them, so "Recommendation 2" and "file 2" mean the same there.
  const recs = await tx.select({ id: evidenceRecommendations.id, text: evidenceRecommendations.text, response: evidenceRecommendations.response }).from(evidenceRecommendations).where(eq(evidenceRecommendations.itemId, itemId)).orderBy(asc(evidenceRecommendations.createdAt));
  const files = await itemFiles(tx, itemId);
  return [
    { key: "title", label: "Title", place: "Title", text: item?.title ?? "" },
    { key: "summary", label: "Summary", place: "Summary", text: item?.summary ?? "" },
    { key: "services", label: "Services", place: "Services", text: item?.services ?? "" },
    ...findings.map((f, i) => ({ key: `finding:${f.id}`, label: `Finding ${i + 1}`, place: `Finding ${i + 1}`, text: f.text })),
    ...recs.flatMap((r, i) => [
      { key: `recommendation:${r.id}`, label: `Recommendation ${i + 1}`, place: `Recommendation ${i + 1}`, text: r.text },
      { key: `response:${r.id}`, label: `Response to recommendation ${i + 1}`, place: `Response to recommendation ${i + 1}`, text: r.response },
    ]),
    ...files.flatMap((f, i) => [
      // The name is shown to every reader (file list, download), so it is scanned like the text.
      { key: `filename:${f.id}`, label: `Name of file ${i + 1}`, place: `Name of file ${i + 1}`, text: f.filename, scanAs: f.filename.replaceAll("_", " ") },
      { key: `attachment:${f.id}`, label: `Text of ${f.filename}`, place: `Text of file ${i + 1}`, text: f.text },
    ]),
  ];
}

/** The item's files with their text, in the order the item page lists them. */
export async function itemFiles(tx: Tx, itemId: string) {
  return tx
    .select({ id: evidenceAttachments.id, filename: evidenceAttachments.filename, contentType: evidenceAttachments.contentType, size: evidenceAttachments.size, text: evidenceAttachments.extractedText })
    .from(evidenceAttachments)
    .where(eq(evidenceAttachments.itemId, itemId))
    .orderBy(asc(evidenceAttachments.createdAt), asc(evidenceAttachments.id));
}

/** Files with no text to scan: sharing them unchecked would pass on whatever they show. */
export async function uncheckedFiles(tx: Tx, itemId: string): Promise<UncheckedFile[]> {
  return (await itemFiles(tx, itemId)).filter((f) => !f.text.trim()).map(({ id, filename, contentType, size }) => ({ id, filename, contentType, size }));
}

export function hitsIn(fields: ScannedField[]): ItemHit[] {
  return fields.flatMap((f) =>
    scanText(f.scanAs ?? f.text).map((h) => {
      const text = f.text.slice(h.start, h.end);
      return { id: hitId(f.key, { ...h, text }), field: f.key, fieldLabel: f.label, place: f.place, ...h, text, ...contextOf(f.text, h) };
    }),
  );
}
