import type { NextStep, Refusal } from "~/lib/error-page";

/** Errors a domain operation raises on purpose; routes turn them into the right status and message. */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 410 | 413 | 422 | 429,
    message: string,
    /** Field-level messages, for forms. */
    readonly fields: Record<string, string> = {},
    /** Links the error page offers instead (see guarded and the root ErrorBoundary). */
    readonly instead: NextStep[] = [],
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const forbidden = (message = "You do not have permission to do that") => new DomainError(403, message);
/** A 403 whose page says what the person can do instead. */
export const refused = (refusal: Refusal) => new DomainError(403, refusal.message, {}, refusal.instead);
export const notFound = (message = "Not found") => new DomainError(404, message);
export const conflict = (message: string, fields: Record<string, string> = {}) => new DomainError(409, message, fields);
export const invalid = (fields: Record<string, string>, message = "Check the highlighted fields") =>
  new DomainError(422, message, fields);

/**
 * True when Postgres refused because of row-level security or a missing grant (SQLSTATE 42501).
 * drizzle wraps driver errors, so look through `cause`.
 */
export function isPermissionDenied(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "42501") return true;
    if (/row-level security|permission denied/i.test(String((e as { message?: string }).message))) return true;
  }
  return false;
}

/** True when Postgres answered with this SQLSTATE (drizzle wraps driver errors: look through `cause`). */
export function hasSqlState(error: unknown, code: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === code) return true;
  }
  return false;
}

/** True for a unique-constraint violation (SQLSTATE 23505). */
export const isUniqueViolation = (error: unknown) => hasSqlState(error, "23505");
