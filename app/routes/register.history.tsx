import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getRegisterHistory } from "~/domain/register/get-register-history.server";
import { guarded } from "~/lib/http.server";
import { formatDateTime } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Barrier register: history");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => ({ ...(await getRegisterHistory(context.database, actor)), collaborativeName: actor.active.collaborativeName }));
}

export default function RegisterHistory() {
  const { entries, earlierEdits, editsShown, collaborativeName } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/register">Back to the register</Link>
      </p>
      <span className="nhsuk-caption-l">{collaborativeName}</span>
      <h1>History of changes</h1>
      <p>Who changed which row of the shared barrier register, and when. A run of edits by one person to the same rows within five minutes is one entry.</p>
      {earlierEdits && entries.length > 0 ? (
        <div className="nhsuk-inset-text" data-testid="history-cut">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            This lists the most recent {editsShown.toLocaleString("en-GB")} edits, back to {formatDateTime(entries[entries.length - 1]!.from)}. Earlier changes are kept but not
            listed here.
          </p>
        </div>
      ) : null}
      {entries.length === 0 ? (
        <p>No changes have been made in the register yet.</p>
      ) : (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Changes, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Rows changed</th>
              <th scope="col">Edits</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {entries.map((e, i) => (
              <tr key={i}>
                <td>
                  {formatDateTime(e.from)}
                  {e.to !== e.from ? ` to ${formatDateTime(e.to)}` : ""}
                </td>
                <td>
                  {e.userName}
                  {e.organisations.length ? `, ${e.organisations.join(" and ")}` : ""}
                </td>
                <td>{e.rows.map((r) => (r.number ? `Row ${r.number}: ${r.barrier || "untitled"}` : r.barrier)).join("; ")}</td>
                <td>{e.changes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
