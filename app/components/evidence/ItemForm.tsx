import { Form } from "@remix-run/react";
import { ITEM_TYPES } from "#db/schema";
import { Choices, Select, Textarea, TextInput } from "~/components/form/fields";
import { ITEM_TYPE_LABELS } from "~/domain/evidence/labels";
import { valueOf, valuesOf, type FieldErrors, type FormValues } from "~/lib/forms";

interface Props {
  sources: { id: string; name: string }[];
  organisations: { id: string; name: string }[];
  values?: FormValues;
  errors?: FieldErrors;
  submitLabel: string;
}

/** The fields of an evidence item, for adding and editing; keeps what was typed when there are errors. */
export function ItemForm({ sources, organisations, values, errors, submitLabel }: Props) {
  return (
    <Form method="post" noValidate>
      <TextInput name="title" label="Title" error={errors?.title} defaultValue={valueOf(values, "title")} />
      <Select name="type" label="Type" placeholder="Select a type" options={ITEM_TYPES.map((t) => ({ value: t, label: ITEM_TYPE_LABELS[t] }))} error={errors?.type} defaultValue={valueOf(values, "type")} />
      <Select
        name="sourceId"
        label="Source"
        hint="The stakeholder it came from. Add new sources on the Sources page."
        placeholder="No source / not listed"
        options={sources.map((s) => ({ value: s.id, label: s.name }))}
        error={errors?.sourceId}
        defaultValue={valueOf(values, "sourceId")}
      />
      <div className="peff-date-pair">
        <TextInput name="periodStart" type="date" label="Period covered: from" error={errors?.periodStart} defaultValue={valueOf(values, "periodStart")} />
        <TextInput name="periodEnd" type="date" label="Period covered: to" error={errors?.periodEnd} defaultValue={valueOf(values, "periodEnd")} />
      </div>
      <TextInput name="publishedOn" type="date" label="Date published" error={errors?.publishedOn} defaultValue={valueOf(values, "publishedOn")} />
      <TextInput name="link" type="url" label="Link (optional)" hint="Where the original can be found, starting with https://" error={errors?.link} defaultValue={valueOf(values, "link")} spellCheck={false} />
      <Textarea name="summary" label="Summary" hint="Do not include people's names or contact details: evidence may be shared with the collaborative." error={errors?.summary} defaultValue={valueOf(values, "summary")} rows={6} />
      <TextInput name="services" label="Services it concerns (optional)" hint="For example: maternity, A&E, community mental health" error={errors?.services} defaultValue={valueOf(values, "services")} />
      <Choices
        type="checkbox"
        name="concernedOrgIds"
        legend="Organisations it concerns"
        small
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        defaultValue={valuesOf(values, "concernedOrgIds")}
        error={errors?.concernedOrgIds}
      />
      <button type="submit" className="nhsuk-button">
        {submitLabel}
      </button>
    </Form>
  );
}
