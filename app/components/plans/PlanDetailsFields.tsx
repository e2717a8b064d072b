import { Choices, Textarea, TextInput } from "~/components/form/fields";
import { PLAN_KIND_LABELS } from "~/domain/plans/plan-input";
import { valueOf, type FieldErrors, type FormValues } from "~/lib/forms";
import { PLAN_KINDS } from "#db/schema";

/** The plan's details: kind (only when creating), title, period and numbered objectives. */
export function PlanDetailsFields({ values, errors, withKind }: { values?: FormValues; errors?: FieldErrors; withKind: boolean }) {
  return (
    <>
      {withKind ? (
        <Choices
          type="radio"
          name="kind"
          legend="Kind of plan"
          legendClassName="nhsuk-fieldset__legend--m"
          options={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))}
          defaultValue={valueOf(values, "kind")}
          error={errors?.kind}
        />
      ) : null}
      <TextInput name="title" label="Title" hint="For example, Equality objective plan 2024 to 2028" defaultValue={valueOf(values, "title")} error={errors?.title} />
      <TextInput
        name="periodStart"
        label="Start of the plan's period"
        hint="For example, 1/4/2024 or April 2024"
        width={10}
        defaultValue={valueOf(values, "periodStart")}
        error={errors?.periodStart}
      />
      <TextInput
        name="periodEnd"
        label="End of the plan's period"
        hint="For example, 31/3/2028 or March 2028"
        width={10}
        defaultValue={valueOf(values, "periodEnd")}
        error={errors?.periodEnd}
      />
      <Textarea
        name="objectives"
        label="Equality objectives"
        hint='One per line, numbered: "1. To make fair and transparent commissioning decisions". Actions refer to objectives by number.'
        defaultValue={valueOf(values, "objectives")}
        error={errors?.objectives}
      />
    </>
  );
}
