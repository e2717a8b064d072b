import { ORGANISATION_TYPES } from "#db/schema";
import { Choices, TextInput } from "~/components/form/fields";
import { ORGANISATION_TYPE_LABELS } from "~/lib/labels";

/**
 * What identifies an organisation (name, type, ODS code), as adding one and changing its details
 * both ask for it: the same labels, hints and checks (organisation-input.ts) on both pages.
 */
export function OrganisationIdentityFields({ shown, errors }: { shown: (name: "name" | "type" | "odsCode") => string; errors?: Record<string, string> }) {
  return (
    <>
      <TextInput name="name" label="Organisation name" autoComplete="organization" error={errors?.name} defaultValue={shown("name")} />
      <Choices
        type="radio"
        name="type"
        legend="Type of organisation"
        legendClassName="nhsuk-fieldset__legend--m"
        options={ORGANISATION_TYPES.map((t) => ({ value: t, label: ORGANISATION_TYPE_LABELS[t] }))}
        defaultValue={shown("type")}
        error={errors?.type}
      />
      <TextInput
        name="odsCode"
        label="ODS code (optional)"
        hint="Its code in the NHS Organisation Data Service, such as RBS. Leave it blank if it has none (a council or voluntary organisation may not)."
        width={10}
        spellCheck={false}
        error={errors?.odsCode}
        defaultValue={shown("odsCode")}
      />
    </>
  );
}
