import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { policyActor } from "~/domain/auth/actor";
import { importRegisterRows } from "~/domain/register/import-register-rows.server";
import { guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { useErrorTitle } from "~/lib/use-error-title";
import { REGISTER_HEADERS } from "~/lib/register/tabular";
import { ensure, requireActor } from "~/lib/session.server";
import { parseMultipart } from "~/lib/uploads/parse-multipart.server";
import { canEditSharedRegister } from "~/policies/register";

export const meta: MetaFunction = () => pageTitle("Import rows into the barrier register");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  // Inside guarded(), so a viewer who opens the address gets the 403 page, not a server error.
  return guarded(async () => {
    ensure(canEditSharedRegister(policyActor(actor).role), "You can read this register but not change it.");
    return null;
  });
}

/** The evidence and plan imports' limit too; 2,000 register rows come well under it. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    // Before the body is read: someone who may not import does not get to make us read an upload.
    ensure(canEditSharedRegister(policyActor(actor).role), "You can read this register but not change it.");
    // Streamed and counted: request.formData() would hold an upload of any size in memory first.
    const upload = await parseMultipart(request, { maxFileBytes: MAX_IMPORT_BYTES, maxFiles: 1 });
    if (upload.tooLarge.length) return data({ ok: false as const, errors: ["The file is larger than 5 MB. Import it in parts."] }, { status: 413 });
    const file = upload.files.find((f) => f.field === "file");
    if (!file?.bytes.length) return data({ ok: false as const, errors: ["Choose a CSV or Excel file to import"] }, { status: 422 });
    const outcome = await importRegisterRows(context.database, actor, { name: file.filename, bytes: file.bytes });
    return data(outcome, { status: outcome.ok ? 200 : 422 });
  });
}

export default function ImportRegister() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const failed = result && !result.ok ? result : null;
  useErrorTitle(Boolean(failed));
  return (
    <>
      <p>
        <Link to="/register">Back to the register</Link>
      </p>
      {failed ? (
        <div className="nhsuk-error-summary" aria-labelledby="import-errors" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="import-errors">
            Nothing was imported: fix these problems and try again
          </h2>
          <div className="nhsuk-error-summary__body">
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {failed.errors.map((e) => (
                <li key={e}>
                  <a href="#file">{e}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <h1>Import rows into the barrier register</h1>
      {result?.ok ? (
        <div className="nhsuk-panel" role="status">
          <p>
            <strong>
              {result.imported} {result.imported === 1 ? "row was" : "rows were"} added to the register.
            </strong>{" "}
            <Link to="/register">Go to the register</Link>
          </p>
        </div>
      ) : (
        <>
          <p>Rows in the file are added to the end of the register. The file is checked first: if any row has a problem, nothing is added.</p>
          <p>The first line holds the column names. These columns are read (others are ignored):</p>
          <ul>
            {REGISTER_HEADERS.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
          <p>
            The columns of an equality objective plan like South Sefton CCG&apos;s (&quot;Protected characteristic&quot;, &quot;The barriers and issue at play&quot;,
            &quot;Action&quot;, &quot;Responsible officer&quot;, &quot;EDS Outcome PSED&quot;, &quot;Status&quot;, &quot;Update&quot;) are read too. Separate several values with
            semicolons; write links as <code>Title &lt;https://...&gt;</code>; an update starting &quot;Update September 2021&quot; keeps its month.
          </p>
          <Form method="post" encType="multipart/form-data">
            <div className={`nhsuk-form-group${failed ? " nhsuk-form-group--error" : ""}`}>
              <label className="nhsuk-label" htmlFor="file">
                CSV or Excel (.xlsx) file
              </label>
              {failed ? (
                <span className="nhsuk-error-message" id="file-error">
                  <span className="nhsuk-u-visually-hidden">Error:</span>{" "}
                  {failed.errors.length === 1 ? failed.errors[0] : `${failed.errors.length} problems in this file, listed above`}
                </span>
              ) : null}
              <input
                className="nhsuk-file-upload"
                id="file"
                name="file"
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={failed ? "file-error" : undefined}
              />
            </div>
            <button className="nhsuk-button" type="submit" disabled={busy}>
              Check and import
            </button>
          </Form>
        </>
      )}
    </>
  );
}
