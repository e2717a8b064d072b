import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { ImportFileField, ImportMapAndPreview, type MapOrPreview } from "~/components/import/ImportSteps";
import { DomainError } from "~/domain/errors";
import { checkPlanImport, importPlanActions, loadImportTarget, PLAN_IMPORT_COLUMNS, readPlanImportFile } from "~/domain/plans/import-plan-actions.server";
import { guarded } from "~/lib/http.server";
import { guessMapping, mappingErrors, readMapping } from "~/lib/import/map-rows";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { parseMultipart } from "~/lib/uploads/parse-multipart.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Import actions into ${data.plan.title}` : "Import plan actions");

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Equality leads and contributors of the plan's organisation only (others: 403, other organisations' plans: 404). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const plan = await loadImportTarget(context.database, actor, params.planId!);
    return { plan, columns: PLAN_IMPORT_COLUMNS };
  });
}

type Step = { step: "upload"; error?: string } | MapOrPreview | { step: "done"; imported: number };

/**
 * Upload, match columns, preview (every invalid row with its line number and reasons), import.
 * The file travels between steps in a hidden field (base64, at most 5 MB). The import checks the
 * rows again and adds them all to the plan's document in one update attributed to this person,
 * or, if any row is wrong, adds nothing.
 */
export async function action({ request, context, params }: ActionFunctionArgs): Promise<Step> {
  const actor = await requireActor(request, context);
  const planId = params.planId!;
  return guarded(async () => {
    await loadImportTarget(context.database, actor, planId);
    try {
      if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
        const upload = await parseMultipart(request, { maxFileBytes: MAX_IMPORT_BYTES, maxFiles: 1 });
        if (upload.tooLarge.length) return { step: "upload", error: "The file is larger than 5 MB. Import it in parts." };
        const file = upload.files[0];
        if (!file) return { step: "upload", error: "Select a CSV or Excel file" };
        const table = await readPlanImportFile(file.filename, file.bytes);
        return { step: "map", file: Buffer.from(file.bytes).toString("base64"), filename: file.filename, headers: table.headers, mapping: guessMapping(table.headers, PLAN_IMPORT_COLUMNS) };
      }
      const formData = await request.formData();
      const fileB64 = String(formData.get("file") ?? "");
      const filename = String(formData.get("filename") ?? "");
      const bytes = Buffer.from(fileB64, "base64");
      if (!bytes.length || bytes.length > MAX_IMPORT_BYTES) return { step: "upload", error: "Upload the file again" };
      const table = await readPlanImportFile(filename, bytes);
      const mapping = readMapping(formData, table.headers, PLAN_IMPORT_COLUMNS);
      const errors = mappingErrors(mapping, PLAN_IMPORT_COLUMNS);
      if (Object.keys(errors).length) return { step: "map", file: fileB64, filename, headers: table.headers, mapping, errors };
      const shown = PLAN_IMPORT_COLUMNS.filter((c) => mapping[c.key]);
      const preview = (invalid: { line: number; reasons: string[] }[], valid: number): Step => {
        const bad = new Set(invalid.map((r) => r.line));
        const sample = table.rows
          .filter((r) => !bad.has(r.line))
          .slice(0, 10)
          .map((r) => ({ line: r.line, cells: shown.map((c) => r.cells[mapping[c.key]!] ?? "") }));
        return { step: "preview", file: fileB64, filename, headers: table.headers, mapping, valid, invalid, sample };
      };
      if (formData.get("intent") === "import") {
        const outcome = await importPlanActions(context.database, actor, planId, table, mapping);
        if (outcome.ok) return { step: "done", imported: outcome.imported };
        return preview(outcome.errors, table.rows.length - outcome.errors.length);
      }
      const { result } = await checkPlanImport(context.database, actor, planId, table, mapping);
      return result.ok ? preview([], result.actions.length) : preview(result.errors, result.valid);
    } catch (error) {
      if (error instanceof DomainError && error.status === 422) return { step: "upload", error: error.message };
      throw error;
    }
  });
}

export default function ImportPlanActions() {
  const { plan, columns } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() ?? ({ step: "upload" } as Step);
  const back = `/plans/${plan.id}`;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <Link to={back} className="nhsuk-back-link">
          Back to the plan
        </Link>
        {state.step === "upload" ? <ErrorSummary errors={state.error ? { "import-file": state.error } : undefined} /> : null}
        {state.step === "map" ? <ErrorSummary errors={state.errors} /> : null}
        <h1>
          <span className="nhsuk-caption-l">{plan.title}</span>
          Import actions from a spreadsheet
        </h1>
        {state.step === "upload" ? (
          <Form method="post" encType="multipart/form-data">
            <p>
              Bring in an existing plan&apos;s actions from a CSV or Excel (.xlsx) file with a header row. The actions are added to the end of this plan. You will match the
              columns and see every problem before anything is added; if any row has a problem, nothing is added.
            </p>
            <p>
              The columns of an equality objective plan like South Sefton CCG&apos;s are recognised: Protected characteristic, The barriers and issue at play, Action,
              Responsible officer, Time and date of completion (with &ldquo;Update September 2021&rdquo; lines under the date), EDS Outcome, PSED, Equality Objectives and
              Status; so are a workforce plan&apos;s Key Action, Steps to achieve action, Due by, Risks and Mitigations, and the columns of this service&apos;s own export.
            </p>
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">What the values must look like</span>
              </summary>
              <div className="nhsuk-details__text">
                <ul>
                  <li>Dates: 31/12/2025, 2025-12-31, 31 December 2025 or December 2025 (the end of that month).</li>
                  <li>EDS outcomes: 1.1, 1.2, 2.1 are EDS2; 1A to 3C are EDS 2022 (or write EDS2022:1A).</li>
                  <li>
                    Equality objectives: this plan&apos;s numbers
                    {plan.objectives.length ? ` (${plan.objectives.map((o) => `${o.number}. ${o.text}`).join("; ")})` : " (the plan has no numbered objectives yet)"}.
                  </li>
                  <li>Status: one of this plan&apos;s legend, by its words or its colour: {plan.legend.map((s) => `${s.label} (${s.colour})`).join(", ")}.</li>
                </ul>
              </div>
            </details>
            <p>Columns we can import: {columns.map((c) => c.label).join(", ")}.</p>
            <ImportFileField error={state.error} />
            <button type="submit" className="nhsuk-button">
              Upload and match columns
            </button>
          </Form>
        ) : null}
        {state.step === "map" || state.step === "preview" ? (
          <ImportMapAndPreview state={state} columns={columns} noun="actions" importLabel={(n) => `Add ${n} ${n === 1 ? "action" : "actions"} to the plan`} restartHref={`${back}/import`} />
        ) : null}
        {state.step === "done" ? (
          <div className="nhsuk-panel" role="status">
            <h2 className="nhsuk-panel__title">
              {state.imported} {state.imported === 1 ? "action" : "actions"} added to the plan
            </h2>
            <div className="nhsuk-panel__body">
              They are at the end of the plan, recorded as added by you. <Link to={back}>Go to the plan</Link>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
