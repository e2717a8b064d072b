/**
 * Finds likely personal data in free text before evidence is shared. Deliberately simple and
 * explainable: each hit says what it looks like and where, and a person decides (redact or keep).
 * It is a safety net, not a guarantee; the README says what it misses.
 */
export const PII_KINDS = ["nhs_number", "email", "phone", "postcode", "date_of_birth", "name"] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export const PII_LABELS: Record<PiiKind, string> = {
  nhs_number: "NHS number",
  email: "email address",
  phone: "phone number",
  postcode: "postcode",
  date_of_birth: "date of birth",
  name: "name after a title",
};

export interface PiiHit {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

/** True for a 10-digit NHS number whose last digit is the modulus 11 check digit of the first nine. */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, "");
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})`;

/** In priority order: where two patterns overlap, the earlier kind wins. */
const PATTERNS: { kind: PiiKind; re: RegExp; accept?: (text: string) => boolean }[] = [
  { kind: "email", re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  { kind: "nhs_number", re: /(?<![\d+])\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)/g, accept: (t) => !t.startsWith("0") && isValidNhsNumber(t) },
  { kind: "date_of_birth", re: new RegExp(String.raw`(?<=\b(?:DOB|D\.O\.B\.?|date of birth|born(?: on)?)\s*[:-]?\s*)${DATE}`, "gi") },
  { kind: "phone", re: /(?<![\d])(?:\+44\s?(?:\(0\)\s?)?|0)(?:\d[\s-]?){8,9}\d(?!\d)/g },
  { kind: "postcode", re: /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b/g },
  { kind: "name", re: /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Rev|Cllr)\.?\s+[A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+)?/g },
];

export function scanText(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const { kind, re, accept } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (accept && !accept(m[0])) continue;
      if (hits.some((h) => start < h.end && end > h.start)) continue;
      hits.push({ kind, start, end, text: m[0] });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * The key a person's decision on a hit is given under: where it is (field and offset) and what it
 * is (its kind and a fingerprint of its text, FNV-1a). By place alone, a decision made on one
 * piece of text was applied to whatever later stood there (an answer changed after its hits were
 * shown, an item edited between the share page and the share), so text nobody saw went through.
 */
export function hitId(field: string, hit: Pick<PiiHit, "kind" | "start" | "text">): string {
  return `${field}@${hit.start}-${fingerprint(`${hit.kind}:${hit.text}`)}`;
}

/** A short fingerprint of a text (FNV-1a, base 36): a decision keyed by it holds for that text only. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export const redactionMark = (kind: PiiKind) => `[redacted ${PII_LABELS[kind]}]`;

/** Replaces the chosen hits (from the end, so earlier offsets stay valid). */
export function redact(text: string, hits: PiiHit[]): string {
  let out = text;
  for (const h of [...hits].sort((a, b) => b.start - a.start)) out = out.slice(0, h.start) + redactionMark(h.kind) + out.slice(h.end);
  return out;
}

/** A short window of text around a hit, for the person to judge it in context. */
export function contextOf(text: string, hit: Pick<PiiHit, "start" | "end">, width = 40): { before: string; after: string } {
  const before = text.slice(Math.max(0, hit.start - width), hit.start);
  const after = text.slice(hit.end, hit.end + width);
  return { before: (hit.start > width ? "…" : "") + before, after: after + (hit.end + width < text.length ? "…" : "") };
}
