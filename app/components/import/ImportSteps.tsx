import { Form, Link } from "@remix-run/react";
import type { ColumnMapping, ImportColumn } from "~/lib/import/map-rows";
import { ColumnMapper } from "./ColumnMapper";
import { ImportPreview, type SampleRow } from "./ImportPreview";
import { ThemeNameConfirmations, type ThemeConfirmation } from "./ThemeNameConfirmations";

/** The upload step's file field (id `import-file`, which the error summary links to). */
export function ImportFileField({ error }: { error?: string }) {
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor="import-file">
        CSV or Excel file
      </label>
      {error ? (
        <span className="nhsuk-error-message" id="import-file-error">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <input className="nhsuk-file-upload" id="import-file" name="upload" type="file" accept=".csv,.xlsx" aria-describedby={error ? "import-file-error" : undefined} />
    </div>
  );
}

export type MapOrPreview =
  | { step: "map"; file: string; filename: string; headers: string[]; mapping: ColumnMapping; errors?: Record<string, string> }
  | { step: "preview"; file: string; filename: string; headers: string[]; mapping: ColumnMapping; invalid: { line: number; reasons: string[] }[]; valid: number; sample: SampleRow[]; sampleHeaders?: string[]; confirm?: ThemeConfirmation };

/**
 * The middle steps of an import: match the file's columns, then preview every invalid row by line;
 * the import button appears only when no row is invalid (all or nothing), or when the only problems
 * are new theme names to confirm (`confirm`), whose boxes it then sends with the import.
 */
export function ImportMapAndPreview({
  state,
  columns,
  noun,
  importLabel,
  restartHref,
}: {
  state: MapOrPreview;
  columns: ImportColumn[];
  /** Plural, for the preview ("items", "actions"). */
  noun: string;
  /** The import button's text for this many valid rows. */
  importLabel: (count: number) => string;
  restartHref: string;
}) {
  const confirm = state.step === "preview" ? state.confirm : undefined;
  return (
    <>
      <p>File: {state.filename}</p>
      {state.step === "preview" ? (
        <ImportPreview invalid={state.invalid} valid={state.valid} sampleHeaders={state.sampleHeaders ?? columns.filter((c) => state.mapping[c.key]).map((c) => c.label)} sample={state.sample} noun={noun} confirmable={Boolean(confirm)} />
      ) : null}
      <Form method="post">
        <input type="hidden" name="file" value={state.file} />
        <input type="hidden" name="filename" value={state.filename} />
        {state.step === "preview" && (state.invalid.length === 0 || confirm) ? (
          <>
            {columns.map((c) => (
              <input key={c.key} type="hidden" name={`map-${c.key}`} value={state.mapping[c.key] ?? ""} />
            ))}
            {confirm ? <ThemeNameConfirmations {...confirm} /> : null}
            <button type="submit" name="intent" value="import" className="nhsuk-button">
              {importLabel(state.valid + (confirm ? state.invalid.length : 0))}
            </button>
          </>
        ) : (
          <>
            <ColumnMapper columns={columns} headers={state.headers} mapping={state.mapping} errors={state.step === "map" ? state.errors : undefined} />
            <button type="submit" name="intent" value="preview" className="nhsuk-button">
              Check the rows
            </button>
          </>
        )}
      </Form>
      <p>
        <Link to={restartHref} reloadDocument>
          Start again with another file
        </Link>
      </p>
    </>
  );
}
