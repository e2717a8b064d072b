/**
 * The share form's field names, shared by the page and `shareItem` (whose errors are keyed by
 * them, so the error summary links to the right control). Not a .server module: the page renders them.
 */

/** A decision on one possible piece of personal data: "redact" or "keep"; for one in a file's name, "remove" (the file) too. */
export const decisionField = (hitId: string) => `decision-${hitId}`;

/** What to do with a file the scan could not read (no text came out of it): "share" (the lead looked at it) or "remove". */
export const fileField = (fileId: string) => `file-${fileId}`;

/** Hits in a file's name are keyed "filename:<file id>@<offset>-<fingerprint>" (see scan-item.server.ts). */
export const isFilenameField = (field: string) => field.startsWith("filename:");

/** What the lead chose for a hit: "remove" (the whole file) only for one in a file's name. */
export type HitDecision = "redact" | "keep" | "remove";
/** What the lead chose for a file the scan could not read. */
export type FileDecision = "share" | "remove";
