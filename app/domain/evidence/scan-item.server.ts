import { eq } from "drizzle-orm";
import type { Tx } from "#db/client";
import { evidenceAttachments, evidenceFindings, evidenceItems, evidenceRecommendations } from "#db/schema";
import { contextOf, scanText, type PiiKind } from "~/lib/pii/scan";

/** A piece of an item's text the scan reads: "title", "summary", "finding:<id>", "attachment:<id>"... */
export interface ScannedField {
  key: string;
  label: string;
  text: string;
}

export interface ItemHit {
  /** Stable while the text does not change: field key and offset. */
  id: string;
  field: string;
  fieldLabel: string;
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
}

/** Everything of an item that would be shared: its text, findings, recommendations and attachments' text. */
export async function itemFields(tx: Tx, itemId: string): Promise<ScannedField[]> {
  const [item] = await tx.select({ title: evidenceItems.title, summary: evidenceItems.summary, services: evidenceItems.services }).from(evidenceItems).where(eq(evidenceItems.id, itemId));
  const findings = await tx.select({ id: evidenceFindings.id, text: evidenceFindings.text }).from(evidenceFindings).where(eq(evidenceFindings.itemId, itemId)).orderBy(evidenceFindings.position);
  const recs = await tx.select({ id: evidenceRecommendations.id, text: evidenceRecommendations.text, response: evidenceRecommendations.response }).from(evidenceRecommendations).where(eq(evidenceRecommendations.itemId, itemId));
  const files = await tx.select({ id: evidenceAttachments.id, filename: evidenceAttachments.filename, text: evidenceAttachments.extractedText }).from(evidenceAttachments).where(eq(evidenceAttachments.itemId, itemId));
  return [
    { key: "title", label: "Title", text: item?.title ?? "" },
    { key: "summary", label: "Summary", text: item?.summary ?? "" },
    { key: "services", label: "Services", text: item?.services ?? "" },
    ...findings.map((f, i) => ({ key: `finding:${f.id}`, label: `Finding ${i + 1}`, text: f.text })),
    ...recs.flatMap((r, i) => [
      { key: `recommendation:${r.id}`, label: `Recommendation ${i + 1}`, text: r.text },
      { key: `response:${r.id}`, label: `Response to recommendation ${i + 1}`, text: r.response },
    ]),
    ...files.map((f) => ({ key: `attachment:${f.id}`, label: `Text of ${f.filename}`, text: f.text })),
  ];
}

export function hitsIn(fields: ScannedField[]): ItemHit[] {
  return fields.flatMap((f) =>
    scanText(f.text).map((h) => ({ id: `${f.key}@${h.start}`, field: f.key, fieldLabel: f.label, ...h, ...contextOf(f.text, h) })),
  );
}
