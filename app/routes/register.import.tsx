import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { colourFor, useRegisterDoc } from "~/components/register/useRegisterDoc";
import { policyActor } from "~/domain/auth/actor";
import { importRegisterRows } from "~/domain/register/import-register-rows.server";
import { guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { useErrorTitle } from "~/lib/use-error-title";
import { appendRows, type RowInput } from "~/lib/register/model";
import { REGISTER_HEADERS } from "~/lib/register/tabular";
import { ensure, requireActor } from "~/lib/session.server";
import { canEditSharedRegister } from "~/policies/register";

export const meta: MetaFunction = () => pageTitle("Import rows into the barrier register");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  ensure(canEditSharedRegister(policyActor(actor).role), "You can read this register but not change it.");
  return { me: { id: actor.userId, name: actor.name, organisation: actor.active.orgName, colour: colourFor(actor.userId) } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await request.formData();
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false as const, errors: ["Choose a CSV or Excel file to import"] };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return guarded(() => importRegisterRows(context.database, actor, { name: file.name, bytes }));
}

export default function ImportRegister() {
  const { me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  useErrorTitle(Boolean(result && !result.ok));
  return (
    <>
      <p>
        <Link to="/register">Back to the register</Link>
      </p>
      {result && !result.ok ? (
        <div className="nhsuk-error-summary" aria-labelledby="import-errors" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="import-errors">
            Nothing was imported: fix these problems and try again
          </h2>
          <div className="nhsuk-error-summary__body">
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {result.errors.map((e) => (
                <li key={e}>
                  <a href="#file">{e}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <h1>Import rows into the barrier register</h1>
      {result?.ok && result.document ? (
        <ApplyImport document={result.document} rows={result.rows} me={me} />
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
            <div className={`nhsuk-form-group${result && !result.ok ? " nhsuk-form-group--error" : ""}`}>
              <label className="nhsuk-label" htmlFor="file">
                CSV or Excel (.xlsx) file
              </label>
              <input className="nhsuk-file-upload" id="file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
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

/** Adds the checked rows through this person's own connection, in one transaction. */
function ApplyImport({ document, rows, me }: { document: string; rows: RowInput[]; me: { id: string; name: string; organisation: string; colour: string } }) {
  const stableMe = useMemo(() => me, [me.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const register = useRegisterDoc(document, stableMe, false);
  const applied = useRef(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!register.synced || applied.current) return;
    applied.current = true;
    appendRows(register.doc, rows);
    setDone(true);
  }, [register.synced, register.doc, rows]);
  return (
    <div className="nhsuk-panel" role="status">
      {done ? (
        <p>
          <strong>{rows.length} rows were added to the register.</strong> <Link to="/register">Go to the register</Link>
        </p>
      ) : (
        <p>The file was checked: adding {rows.length} rows to the register…</p>
      )}
    </div>
  );
}
