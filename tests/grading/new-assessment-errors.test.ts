import { expect, it } from "vitest";
import { parseForm } from "../../app/lib/forms";
import { newAssessmentSchema } from "../../app/lib/grading-forms";

// "Name the partners" was a check on the whole form, which zod skips while a required field is
// missing: someone who chose "In partnership", named no partners and chose no framework was told
// only about the framework, then, having chosen one, about the partners.
it("says everything wrong with a new assessment at once, the partners included", () => {
  const form = new FormData();
  form.set("partnership", "partnership");
  form.set("partners", "");
  const parsed = parseForm(form, newAssessmentSchema, ["raters"]);
  expect(parsed.ok ? null : parsed.errors).toEqual({
    frameworkCode: "Select a framework",
    yearStart: "Select the year",
    partners: "Name the partners the assessment was done with",
  });
});

it("still reads a complete form", () => {
  const form = new FormData();
  for (const [k, v] of Object.entries({ frameworkCode: "EDS2022", yearStart: "2024", partnership: "partnership", partners: "Sefton CVS", edsLead: "Kwame Mensah" })) form.set(k, v);
  form.append("raters", "self");
  const parsed = parseForm(form, newAssessmentSchema, ["raters"]);
  expect(parsed.ok ? parsed.data : parsed.errors).toMatchObject({ frameworkCode: "EDS2022", yearStart: 2024, partnership: "partnership", partners: "Sefton CVS", edsLead: "Kwame Mensah", raters: ["self"], boardSponsor: null, publicationDeadline: null });
});
