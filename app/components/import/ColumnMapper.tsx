import { Select } from "~/components/form/fields";
import type { ColumnMapping, ImportColumn } from "~/lib/import/map-rows";

/** One select per importable field: which of the file's columns holds it. Fields named `map-<key>`. */
export function ColumnMapper({ columns, headers, mapping, errors }: { columns: ImportColumn[]; headers: string[]; mapping: ColumnMapping; errors?: Record<string, string> }) {
  return (
    <fieldset className="nhsuk-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Match your columns</legend>
      <div className="nhsuk-hint">We guessed from the column names. Choose “Not imported” for anything you do not want to bring in.</div>
      {columns.map((c) => (
        <Select
          key={c.key}
          id={`map-${c.key}`}
          name={`map-${c.key}`}
          label={`${c.label}${c.required ? "" : " (optional)"}`}
          hint={c.hint}
          placeholder="Not imported"
          options={headers.map((h) => ({ value: h, label: h }))}
          defaultValue={mapping[c.key] ?? ""}
          error={errors?.[`map-${c.key}`]}
        />
      ))}
    </fieldset>
  );
}
