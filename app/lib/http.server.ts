import { data } from "@remix-run/node";
import { DomainError } from "~/domain/errors";
import type { FieldErrors, FormValues } from "./forms";

/** Runs a loader/action body; a DomainError becomes an HTTP error with its status, message and next steps (for the error page). */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DomainError) throw data(error.instead.length ? { message: error.message, instead: error.instead } : { message: error.message }, { status: error.status });
    throw error;
  }
}

/**
 * Runs a download's loader body (a resource route: no page to show an error on); a DomainError
 * becomes a plain-text answer with its status and message. A `data()` thrown from a resource route
 * reached the browser as {"message":"Unexpected Server Error"}, the reason lost.
 */
export async function downloadGuarded(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DomainError) throw plainAnswer(error.message, error.status);
    throw error;
  }
}

/** A short plain-text answer: what a download that cannot be made says instead. */
export const plainAnswer = (message: string, status: number) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export interface FormFailure {
  ok: false;
  errors: FieldErrors;
  values: FormValues;
  /** A message for the error summary when the problem is not one field's. */
  message?: string;
}

/** The answer to a form whose input was wrong: the errors, and everything typed, to show again. */
export function formFailure(errors: FieldErrors, values: FormValues, status = 422, message?: string) {
  return data<FormFailure>({ ok: false, errors, values, message }, { status });
}

/** Runs a form action body; a DomainError becomes a form failure (field errors kept) instead of an error page. */
export async function formGuarded<T>(values: FormValues, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DomainError) {
      const fields = Object.keys(error.fields).length ? error.fields : {};
      return formFailure(fields, values, error.status, Object.keys(fields).length ? undefined : error.message);
    }
    throw error;
  }
}
