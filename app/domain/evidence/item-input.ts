import { z } from "zod";
import { ITEM_TYPES } from "#db/schema";
import { isInYearRange, isRealDate, yearRangeMessage } from "~/lib/dates";
import { fields } from "~/lib/forms";

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isRealDate(v), `${label} must be a real date`)
    .refine((v) => v === null || !isRealDate(v) || isInYearRange(v), yearRangeMessage(label));

/** How long an item's text may be: the form's rules, and the import's (an item it brought in can then be edited and saved). */
export const ITEM_LIMITS = { title: 300, link: 2000, summary: 20000, services: 1000 } as const;

/** The fields of an evidence item, shared by the form and the domain operations; the import checks the same limits (ITEM_LIMITS). */
export const itemInputSchema = z
  .object({
    title: fields.requiredText("a title", ITEM_LIMITS.title),
    type: z.enum(ITEM_TYPES, { errorMap: () => ({ message: "Select the type of evidence" }) }),
    sourceId: z
      .string()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || z.string().uuid().safeParse(v).success, "Select a source"),
    periodStart: optionalDate("Start of the period"),
    periodEnd: optionalDate("End of the period"),
    publishedOn: optionalDate("Date published"),
    link: z
      .string()
      .trim()
      .max(ITEM_LIMITS.link, "Link must be 2,000 characters or fewer")
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "Enter a link starting with https:// or http://"),
    summary: z.string().trim().max(ITEM_LIMITS.summary, "Summary must be 20,000 characters or fewer").optional().default(""),
    services: z.string().trim().max(ITEM_LIMITS.services, "Services must be 1,000 characters or fewer").optional().default(""),
    concernedOrgIds: z.array(z.string().uuid("Select organisations from the list")).optional().default([]),
  })
  .superRefine((v, ctx) => {
    if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "End of the period must be on or after its start" });
  });

export type ItemInput = z.infer<typeof itemInputSchema>;
