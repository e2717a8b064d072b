import { Choices, TextInput, Textarea } from "~/components/form/fields";
import { valueOf, valuesOf, type FieldErrors, type FormValues } from "~/lib/forms";
import { RATER_LABELS } from "~/policies/grading";

export interface DetailsDefaults {
  edsLead?: string | null;
  boardSponsor?: string | null;
  partnership?: string;
  partners?: string | null;
  publicationDeadline?: string | null;
  authorisedOn?: string | null;
  raters?: string[];
}

/** The fields every assessment records: who led it, who sponsors it, with whom, who rated, and the dates. */
export function DetailsFields({ values, errors, defaults = {} }: { values?: FormValues; errors?: FieldErrors; defaults?: DetailsDefaults }) {
  const v = (name: keyof DetailsDefaults) => (values ? valueOf(values, name) : String(defaults[name] ?? ""));
  return (
    <>
      <TextInput name="edsLead" label="EDS lead" hint="The person leading the assessment" defaultValue={v("edsLead")} error={errors?.edsLead} />
      <TextInput name="boardSponsor" label="Board sponsor" defaultValue={v("boardSponsor")} error={errors?.boardSponsor} />
      <Choices
        type="radio"
        name="partnership"
        legend="Was the assessment done alone or in partnership?"
        options={[
          { value: "alone", label: "Alone" },
          { value: "partnership", label: "In partnership with other organisations" },
        ]}
        defaultValue={v("partnership") || "alone"}
        error={errors?.partnership}
      />
      <Textarea name="partners" label="Partners (if in partnership)" defaultValue={v("partners")} error={errors?.partners} rows={2} />
      <Choices
        type="checkbox"
        name="raters"
        legend="Who took part in rating?"
        hint="EDS 2022 ratings are agreed with stakeholders and peers, not purely self-assessed. Select all that apply."
        options={Object.entries(RATER_LABELS).map(([value, label]) => ({ value, label }))}
        defaultValue={values ? valuesOf(values, "raters") : (defaults.raters ?? [])}
        error={errors?.raters}
      />
      <TextInput name="publicationDeadline" type="date" label="Publication deadline" hint="EDS 2022 results are published by 28 February" defaultValue={v("publicationDeadline")} error={errors?.publicationDeadline} />
      <TextInput name="authorisedOn" type="date" label="Date authorised (by the board or its committee)" hint="Today or earlier; leave blank until it is authorised" defaultValue={v("authorisedOn")} error={errors?.authorisedOn} />
    </>
  );
}
