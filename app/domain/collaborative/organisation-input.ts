import { z } from "zod";
import { ORGANISATION_TYPES } from "#db/schema";
import { fields } from "~/lib/forms";

/**
 * An ODS code as people type it: upper-cased, spaces around it dropped. Codes are letters and
 * numbers (RBS, 00Q, QYG), with a hyphen in a few site codes; the same rule for adding an
 * organisation, changing its details and the operator's peff:membership.
 */
export const normaliseOdsCode = (code: string) => code.trim().toUpperCase();
export const ODS_CODE_PATTERN = /^[A-Z0-9-]{2,12}$/;
export const ODS_CODE_PROBLEM = "Enter an ODS code of letters and numbers only, like RBS, or leave it blank";

/** How long the contact details may be (an address of several lines; a phone number with an extension). */
export const CONTACT_LIMITS = { email: 254, phone: 30, address: 500 } as const;

const odsCode = z
  .string()
  .transform(normaliseOdsCode)
  .refine((v) => v === "" || ODS_CODE_PATTERN.test(v), ODS_CODE_PROBLEM)
  .optional()
  .transform((v) => v || null);

const organisationType = z.enum(ORGANISATION_TYPES, { errorMap: () => ({ message: "Select the type of organisation" }) });

/** What /organisations/new asks. */
export const newOrganisationSchema = z.object({
  name: fields.requiredText("the organisation's name"),
  type: organisationType,
  odsCode,
});

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => v || null);

/** What /organisations/$orgId/edit asks: the same three, and how to contact the organisation (each optional). */
export const organisationDetailsSchema = newOrganisationSchema.extend({
  contactEmail: optionalText(CONTACT_LIMITS.email, "Email address must be 254 characters or fewer").refine(
    (v) => v === null || z.string().email().safeParse(v).success,
    "Enter an email address in the correct format, like equality@example.nhs.uk",
  ),
  contactPhone: optionalText(CONTACT_LIMITS.phone, "Phone number must be 30 characters or fewer").refine(
    // Digits with the spaces, brackets, hyphens, a leading + and an "ext" people write in them.
    (v) => v === null || (/^\+?[0-9 ()-]+(\s*(ext\.?|x)\s*[0-9]+)?$/i.test(v) && (v.match(/[0-9]/g) ?? []).length >= 6),
    "Enter a phone number, like 0151 123 4567 or +44 151 123 4567",
  ),
  address: optionalText(CONTACT_LIMITS.address, "Address must be 500 characters or fewer"),
});

export type OrganisationDetailsInput = z.infer<typeof organisationDetailsSchema>;
