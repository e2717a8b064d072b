import { z } from "zod";
import { PARTNERSHIP, RATERS } from "#db/schema";
import { isInYearRange, isRealDate, yearRangeMessage } from "./dates";
import { todayIso } from "./plan/dates";

const optionalText = (what: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .optional()
    .transform((s) => (s ? s : null));

const optionalDate = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((s) => !s || isRealDate(s), `${what} must be a real date`)
    .refine((s) => !s || !isRealDate(s) || isInYearRange(s), yearRangeMessage(what))
    .transform((s) => (s ? s : null));

const detailsShape = {
  edsLead: optionalText("The EDS lead"),
  boardSponsor: optionalText("The board sponsor"),
  partnership: z.enum(PARTNERSHIP, { errorMap: () => ({ message: "Select whether the assessment was done alone or in partnership" }) }),
  partners: optionalText("Partners", 500),
  publicationDeadline: optionalDate("The publication deadline"),
  // The day the board authorised the assessment has happened: one after today is a slip of the year.
  // England's today, read at each check (as the year below), not when the module loads.
  authorisedOn: optionalDate("The date authorised").refine((s) => !s || !isInYearRange(s) || s <= todayIso(), "The date authorised cannot be in the future"),
  raters: z.array(z.enum(RATERS)),
};

const partnersNamed = (d: { partnership: string; partners: string | null }) => d.partnership === "alone" || Boolean(d.partners);
const partnersMessage = { message: "Name the partners the assessment was done with", path: ["partners"] };

/** The details of an assessment, as the details and new-assessment forms send them. */
export const detailsSchema = z.object(detailsShape).refine(partnersNamed, partnersMessage);

// The framework and year beside the details (their partners check included) rather than in one
// object with them: zod skips an object's refinement while a field of it is missing, so a form with no
// framework chosen said nothing about the partners until it had one.
export const newAssessmentSchema = z
  .object({
    frameworkCode: z.enum(["EDS2", "EDS2022"], { errorMap: () => ({ message: "Select a framework" }) }),
    yearStart: z.coerce
      .number({ invalid_type_error: "Select the year" })
      .int("Select the year")
      .min(2012, "The year must be 2012/13 or later")
      // Read at each check, not when the module loads: a server running over New Year offers next year's option and must accept it.
      .refine((year) => year <= new Date().getFullYear() + 1, "The year cannot be in the future"),
  })
  // In the page's order: the framework and year come first.
  .and(detailsSchema);
