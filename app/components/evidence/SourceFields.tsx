import { SOURCE_KINDS } from "#db/schema";
import { Select, TextInput } from "~/components/form/fields";
import { TagPicker } from "~/components/pickers/TagPicker";
import { SOURCE_KIND_LABELS } from "~/domain/evidence/labels";
import { valueOf, valuesOf, type FieldErrors, type FormValues } from "~/lib/forms";

export interface SourceFieldValues {
  name: string;
  kind: string;
  area: string;
  characteristicIds: string[];
}

/** The fields as typed, to show them again after an error. */
export const typedSourceValues = (values: FormValues | undefined): SourceFieldValues => ({
  name: valueOf(values, "name"),
  kind: valueOf(values, "kind"),
  area: valueOf(values, "area"),
  characteristicIds: valuesOf(values, "characteristicIds"),
});

/** A source's fields, for adding one (Sources page) and changing one (its edit page). */
export function SourceFields({ values, errors, characteristics }: { values: SourceFieldValues; errors?: FieldErrors; characteristics: { id: string; code: string; label: string; detail?: string }[] }) {
  return (
    <>
      <TextInput name="name" label="Name" hint="For example: Healthwatch Liverpool" error={errors?.name} defaultValue={values.name} />
      <Select name="kind" label="Kind" placeholder="Select a kind" options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k] }))} error={errors?.kind} defaultValue={values.kind} />
      <TextInput name="area" label="Area covered (optional)" error={errors?.area} defaultValue={values.area} />
      <TagPicker
        id="characteristicIds"
        name="characteristicIds"
        legend="Characteristics and groups it represents (optional)"
        options={characteristics.map((c) => ({ value: c.id, code: c.code, label: c.label, detail: c.detail, group: "Characteristics and groups" }))}
        selected={values.characteristicIds}
        error={errors?.characteristicIds}
      />
    </>
  );
}
