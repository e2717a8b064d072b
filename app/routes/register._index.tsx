import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo, useState } from "react";
import { ConnectionBanner, Legend, PresenceList, Toolbar, type View } from "~/components/register/Toolbar";
import { COLUMNS } from "~/components/register/columns";
import { RegisterGrid } from "~/components/register/RegisterGrid";
import { registerCells } from "~/components/register/registerCells";
import { colourFor, useRegisterDoc } from "~/components/register/useRegisterDoc";
import { LiveOnly, WithoutJavaScript } from "~/components/WithoutJavaScript";
import { notFound } from "~/domain/errors";
import { openRegister } from "~/domain/register/open-register.server";
import { guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { appendRows } from "~/lib/register/model";
import { viewRows } from "~/lib/register/view";
import { requireActor } from "~/lib/session.server";
import { canChangeRegisterLegend } from "~/policies/register";

export const meta: MetaFunction = () => pageTitle("Barrier register");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const register = await openRegister(context.database, actor, { withRows: true });
    if (!register) throw notFound("This collaborative has no shared barrier register yet. Someone who can edit it creates it by opening this page.");
    return {
      register,
      collaborativeName: actor.active.collaborativeName,
      canChangeLegend: canChangeRegisterLegend(actor.active.role),
      me: { id: actor.userId, name: actor.name, organisation: actor.active.orgName, colour: colourFor(actor.userId) },
    };
  });
}

export default function BarrierRegister() {
  const { register, collaborativeName, canChangeLegend, me } = useLoaderData<typeof loader>();
  const stableMe = useMemo(() => me, [me.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const doc = useRegisterDoc(register.document, stableMe, !register.canEdit);
  const [view, setView] = useState<View>({ filter: "", status: "", sort: "shared" });
  const [added, setAdded] = useState<string | null>(null);
  // Until the live document has arrived, show the rows as last saved (read-only).
  const all = doc.synced ? doc.rows : register.saved;
  const live = doc.synced ? doc : { ...doc, readOnly: true };
  const rows = viewRows(all, view, register.legend.map((s) => s.key));
  const order = all.map((r) => r.key);
  // Evidence links show the library's titles as this reader may see them, not the document's (see readableLink).
  const cells = useMemo(
    () => registerCells(register.options, register.legend, stableMe, register.evidenceTitles),
    [register.options, register.legend, stableMe, register.evidenceTitles],
  );

  return (
    <>
      <span className="nhsuk-caption-l">{collaborativeName}</span>
      <h1>{register.title}</h1>
      <p>
        Every member organisation edits this register together. Changes are saved as you type and appear for everyone at once.
      </p>
      <ul className="nhsuk-list register-links">
        {register.canEdit ? (
          <li>
            <Link to="/register/import">Import rows from CSV or Excel</Link>
          </li>
        ) : null}
        <li>
          <a href="/register/export?format=csv">Download as CSV</a>
        </li>
        <li>
          <a href="/register/export?format=xlsx">Download as Excel (XLSX)</a>
        </li>
        <li>
          <Link to="/register/print">Printable view</Link>
        </li>
        <li>
          <Link to="/register/history">History of changes</Link>
        </li>
        {canChangeLegend ? (
          <li>
            <Link to="/register/legend">Change the status legend</Link>
          </li>
        ) : null}
        <li>
          <Link to="/register/progress">Progress in plans</Link> (which organisations have added each barrier to a plan, and how far along they are)
        </li>
      </ul>
      <RegisterWithoutJavaScript canEdit={register.canEdit} canChangeLegend={canChangeLegend} />
      {/* The live document's parts: left out of the page as the server draws it (see LiveOnly). */}
      <LiveOnly>
        <ConnectionBanner state={doc.state} readOnly={doc.readOnly} unsent={doc.unsent} />
      </LiveOnly>
      <div className="register-side">
        <LiveOnly>
          <PresenceList peers={doc.peers} rowNumber={(key) => order.indexOf(key) + 1} />
        </LiveOnly>
        <Legend legend={register.legend} />
      </div>
      <LiveOnly>
        <Toolbar
          register={doc}
          view={view}
          onView={setView}
          legend={register.legend}
          onAdd={() => {
            setView({ filter: "", status: "", sort: view.sort });
            doc.stopCapturing();
            setAdded(appendRows(doc.doc, [{}])[0] ?? null);
            doc.stopCapturing();
          }}
        />
        <p className="nhsuk-body-s" id="register-help">
          Use the arrow keys to move between cells, Enter to edit a cell, and Escape to stop editing. Ctrl+Z undoes your own last change.
          {view.filter || view.status ? ` Showing ${rows.length} of ${all.length} rows.` : null}
        </p>
      </LiveOnly>
      <div aria-live="polite" className="nhsuk-u-visually-hidden" data-testid="announcer">
        {doc.announcement}
      </div>
      <LiveOnly>
        {!doc.synced ? <p className="nhsuk-body">Loading the register…{loadingNote(all.length > 0, register.canEdit)}</p> : null}
      </LiveOnly>
      {/* From the live rows once connected: the grid replaces the message when anyone adds the first row, and the message returns if every row is deleted. */}
      {all.length === 0 ? (
        <EmptyRegister canEdit={register.canEdit} />
      ) : (
        /* Focusable so keyboard users can scroll the wide grid sideways (WCAG 2.1.1). */
        /* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */
        <div className="register-scroll" role="region" aria-label="Register rows (scrolls sideways)" tabIndex={0}>
          <RegisterGrid register={live} rows={rows} columns={COLUMNS} label="Shared barrier register" cells={cells} sharedOrder={view.sort === "shared"} focusRow={added} />
        </div>
      )}
    </>
  );
}

/** In place of a grid with only its header row: the register is empty, and the next step (Add row, an import) or who can take it. */
function EmptyRegister({ canEdit }: { canEdit: boolean }) {
  return (
    <div className="nhsuk-inset-text" data-testid="register-empty">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        The register has no rows yet.{" "}
        {canEdit ? (
          <>
            Add the first barrier with Add row, or <a href="/register/import">import rows from CSV or Excel</a>.
          </>
        ) : (
          "Anyone in a member organisation except viewers and peer reviewers can add rows."
        )}
      </p>
    </div>
  );
}

/** What the rows shown while connecting are, and what this person can do with them once connected. */
function loadingNote(hasRows: boolean, canEdit: boolean): string {
  if (!hasRows) return canEdit ? " You can add rows once connected." : "";
  return canEdit ? " The rows below are as last saved; you can edit them once connected." : " The rows below are as last saved.";
}

/** Without JavaScript the rows below are as last saved and cannot be changed here: what works instead, as the role allows. */
function RegisterWithoutJavaScript({ canEdit, canChangeLegend }: { canEdit: boolean; canChangeLegend: boolean }) {
  return (
    <WithoutJavaScript consequence="the rows below are shown as last saved and cannot be changed, filtered or sorted on this page">
      <li>
        read every row, with its links, in the <a href="/register/print">printable view</a>
      </li>
      <li>
        download the register as <a href="/register/export?format=csv">CSV</a> or <a href="/register/export?format=xlsx">Excel (XLSX)</a>
      </li>
      {canEdit ? (
        <li>
          add rows by <a href="/register/import">importing them from CSV or Excel</a>
        </li>
      ) : null}
      {canChangeLegend ? (
        <li>
          change the <a href="/register/legend">status legend</a>
        </li>
      ) : null}
      <li>
        see who changed which row in the <a href="/register/history">history of changes</a>
      </li>
      <li>
        see which organisations have added each barrier to a plan, and how far along they are, in <a href="/register/progress">progress in plans</a>
      </li>
    </WithoutJavaScript>
  );
}
