import { z } from "zod";
import { FINDING_KINDS } from "#db/schema";
import { invalid } from "~/domain/errors";
import { isInYearRange, isRealDate, yearRangeMessage } from "~/lib/dates";

/**
 * The fields of a finding and of a recommendation, as the item page's "Add" forms and their own
 * edit pages send them: one set of rules and limits for adding and changing. The names are the
 * forms' (and the errors' keys), so an error from the database's check (an addressee that is not
 * an organisation, say) lands on the same field.
 */
const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null);

/** How long a finding may be, added or changed on the item page or imported. */
export const FINDING_MAX = 10000;

/** How long a recommendation, and the response recorded with it, may be (on the item page or imported). */
export const RECOMMENDATION_MAX = 5000;

export const findingFields = {
  findingKind: z.enum(FINDING_KINDS, { message: "Choose issue or quote" }),
  findingText: z.string().trim().min(1, "Enter the finding").max(FINDING_MAX, "A finding must be 10,000 characters or fewer"),
};

export const recommendationFields = {
  recText: z.string().trim().min(1, "Enter the recommendation").max(RECOMMENDATION_MAX, "A recommendation must be 5,000 characters or fewer"),
  addressedToOrgId: optional.refine((v) => v === null || z.string().uuid().safeParse(v).success, "Select an organisation from the list"),
  responseDue: optional
    .refine((v) => v === null || isRealDate(v), "Response due must be a real date")
    .refine((v) => v === null || !isRealDate(v) || isInYearRange(v), yearRangeMessage("Response due")),
  response: z.string().trim().max(RECOMMENDATION_MAX, "The response must be 5,000 characters or fewer").optional().default(""),
};

export const findingInputSchema = z.object(findingFields);
export const recommendationInputSchema = z.object(recommendationFields);
export type FindingFormInput = z.infer<typeof findingInputSchema>;
export type RecommendationFormInput = z.infer<typeof recommendationInputSchema>;

/** The input parsed by `schema`, or the form's field errors (first message per field), for domain operations called without the form. */
export function parsedOrInvalid<S extends z.ZodTypeAny>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  throw invalid(fields);
}
