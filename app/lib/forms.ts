import { z } from "zod";

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;

export type Parsed<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** Everything the person typed, so a form with errors comes back as they left it. Passwords are never echoed. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (/password/i.test(key)) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

/** Parses a form with zod; errors are keyed by field, first message per field. */
export function parseForm<S extends z.ZodTypeAny>(formData: FormData, schema: S, arrayFields: string[] = []): Parsed<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v) => typeof v === "string");
    raw[key] = arrayFields.includes(key) ? all : all[0];
  }
  for (const key of arrayFields) raw[key] ??= [];
  const values = formValues(formData);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/** A text field that may be missing from the form (an older page): undefined then, not "". */
export function optionalText(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

export function valueOf(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

export function valuesOf(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

/** Common field rules with the messages the NHS design system recommends. */
export const fields = {
  requiredText: (what: string, max = 200) =>
    z
      .string({ required_error: `Enter ${what}` })
      .trim()
      .min(1, `Enter ${what}`)
      .max(max, `${capitalise(what)} must be ${max} characters or fewer`),
  email: () =>
    z
      .string({ required_error: "Enter an email address" })
      .trim()
      .min(1, "Enter an email address")
      .max(254, "Email address must be 254 characters or fewer")
      .email("Enter an email address in the correct format, like name@example.nhs.uk")
      .transform((s) => s.toLowerCase()),
  newPassword: () =>
    z
      .string({ required_error: "Enter a password" })
      .min(1, "Enter a password")
      .min(12, "Password must be 12 characters or more")
      .max(200, "Password must be 200 characters or fewer"),
};

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
