import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { ImportFileField, ImportMapAndPreview, type MapOrPreview } from "~/components/import/ImportSteps";
import { policyActor } from "~/domain/auth/actor";
import { DomainError } from "~/domain/errors";
import { EVIDENCE_IMPORT_COLUMNS, importItems, readImportFile, validateImport } from "~/domain/evidence/import-items.server";
import { importSample } from "~/domain/evidence/import-sample.server";
import { THEME_NOT_PERSONAL, themeNameKey } from "~/lib/pii/theme-name";
import { guarded } from "~/lib/http.server";
import { guessMapping, mappingErrors, readMapping } from "~/lib/import/map-rows";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { parseMultipart } from "~/lib/uploads/parse-multipart.server";
import { canWriteEvidence } from "~/policies/evidence";

export const meta: MetaFunction = () => pageTitle("Import evidence");

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    ensure(canWriteEvidence(policyActor(actor)), "Only equality leads and contributors can import evidence");
    return { columns: EVIDENCE_IMPORT_COLUMNS };
  });
}

type Step = { step: "upload"; error?: string } | MapOrPreview | { step: "done"; imported: number };

/**
 * Upload, match columns, preview, import. The file travels between steps in a hidden field
 * (base64, at most 5 MB) so nothing is stored until the import itself, which is all-or-nothing.
 */
export async function action({ request, context }: ActionFunctionArgs): Promise<Step> {
  const actor = await requireActor(request, context);
  try {
    ensure(canWriteEvidence(policyActor(actor)), "Only equality leads and contributors can import evidence");
    if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
      const upload = await parseMultipart(request, { maxFileBytes: MAX_IMPORT_BYTES, maxFiles: 1 });
      if (upload.tooLarge.length) return { step: "upload", error: "The file is larger than 5 MB. Import it in parts." };
      const file = upload.files[0];
      if (!file) return { step: "upload", error: "Select a CSV or Excel file" };
      const table = await readImportFile(file.filename, file.bytes);
      return { step: "map", file: file.bytes.toString("base64"), filename: file.filename, headers: table.headers, mapping: guessMapping(table.headers, EVIDENCE_IMPORT_COLUMNS) };
    }
    const formData = await request.formData();
    const fileB64 = String(formData.get("file") ?? "");
    const filename = String(formData.get("filename") ?? "");
    const bytes = Buffer.from(fileB64, "base64");
    if (!bytes.length || bytes.length > MAX_IMPORT_BYTES) return { step: "upload", error: "Upload the file again" };
    const table = await readImportFile(filename, bytes);
    const mapping = readMapping(formData, table.headers, EVIDENCE_IMPORT_COLUMNS);
    const errors = mappingErrors(mapping, EVIDENCE_IMPORT_COLUMNS);
    if (Object.keys(errors).length) return { step: "map", file: fileB64, filename, headers: table.headers, mapping, errors };
    // The boxes of the check step: new theme names, flagged as possible personal data, confirmed by their exact text.
    const confirmed = new Set(formData.getAll(THEME_NOT_PERSONAL).map(String));
    const importing = formData.get("intent") === "import";
    const checked = await validateImport(context.database, actor, table, mapping, confirmed);
    if (importing && !checked.invalid.length) {
      const { imported } = await importItems(context.database, actor, table, mapping, confirmed);
      return { step: "done", imported };
    }
    const sample = importSample(table, mapping, checked);
    const confirm = checked.onlyThemes
      ? { themes: checked.flaggedThemes.map((name) => ({ name, key: themeNameKey(name) })), ticked: [...confirmed], error: importing ? "Tick the box for each theme name that is not about a person, or change the name in your file and upload it again" : undefined }
      : undefined;
    return { step: "preview", file: fileB64, filename, headers: table.headers, mapping, valid: checked.valid.length, invalid: checked.invalid, sample: sample.rows, sampleHeaders: sample.headers, confirm };
  } catch (error) {
    if (error instanceof DomainError) return { step: "upload", error: error.message };
    throw error;
  }
}

export default function ImportEvidence() {
  const { columns } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() ?? ({ step: "upload" } as Step);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <Link to="/evidence" className="nhsuk-back-link">
          Back to evidence
        </Link>
        {state.step === "upload" ? <ErrorSummary errors={state.error ? { "import-file": state.error } : undefined} /> : null}
        {state.step === "map" ? <ErrorSummary errors={state.errors} /> : null}
        <h1>Import evidence from a spreadsheet</h1>
        {state.step === "upload" ? (
          <Form method="post" encType="multipart/form-data">
            <p>Bring in your evidence tracker from a CSV or Excel (.xlsx) file with a header row. You will match its columns and see every problem before anything is saved. Imported items are private to your organisation.</p>
            <p>Columns we can import: {columns.map((c) => c.label).join(", ")}.</p>
            <ImportFileField error={state.error} />
            <button type="submit" className="nhsuk-button">
              Upload and match columns
            </button>
          </Form>
        ) : null}
        {state.step === "map" || state.step === "preview" ? (
          <ImportMapAndPreview state={state} columns={columns} noun="items" importLabel={(n) => `Import ${n} ${n === 1 ? "item" : "items"}`} restartHref={"/evidence/import"} />
        ) : null}
        {state.step === "done" ? (
          <div className="nhsuk-panel">
            <h2 className="nhsuk-panel__title">
              {state.imported} {state.imported === 1 ? "item" : "items"} imported
            </h2>
            <div className="nhsuk-panel__body">
              They are private to your organisation. <Link to="/evidence?scope=own">See your evidence</Link>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
