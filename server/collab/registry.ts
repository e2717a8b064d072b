import { planDocument } from "./documents/plan";
import { registerDocument } from "./documents/register";
import type { DocumentType } from "./types";

/** The document types this server serves; a new kind of document is one module and one entry here. */
const DOCUMENT_TYPES: DocumentType[] = [registerDocument, planDocument];

export interface DocumentName {
  name: string;
  type: DocumentType;
  id: string;
}

/** Parses "<prefix>:<id>"; null for anything not served here (the upgrade answers 404). */
export function parseDocumentName(name: string): DocumentName | null {
  const colon = name.indexOf(":");
  if (colon < 1) return null;
  const prefix = name.slice(0, colon);
  const id = name.slice(colon + 1);
  const type = DOCUMENT_TYPES.find((t) => t.prefix === prefix);
  if (!type || !type.isValidId(id)) return null;
  return { name, type, id };
}
