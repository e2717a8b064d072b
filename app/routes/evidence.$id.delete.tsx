import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { WarningCallout } from "~/components/Notice";
import { deleteItem, previewDeleteItem, type DeletePreview } from "~/domain/evidence/delete-item.server";
import { inUseAdvice, inUseLead } from "~/domain/evidence/in-use-advice";
import { formGuarded, guarded } from "~/lib/http.server";
import { countOf, listInWords } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Delete evidence");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(() => previewDeleteItem(context.database, actor, { itemId: params.id! }));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  return formGuarded({}, async () => {
    await deleteItem(context.database, actor, { itemId: params.id! });
    throw redirect("/evidence?done=deleted");
  });
}

/** What goes with the item, in words ("2 findings, 1 file and 3 tags"), or null when nothing does. */
function contentsInWords({ findings, recommendations, files, tags }: DeletePreview["contents"]): string | null {
  const parts = [
    findings && countOf(findings, "finding"),
    recommendations && countOf(recommendations, "recommendation"),
    files && countOf(files, "file"),
    tags && countOf(tags, "tag"),
  ].filter(Boolean) as string[];
  if (!parts.length) return null;
  return listInWords(parts);
}

function Uses({ uses }: { uses: DeletePreview["uses"] }) {
  return (
    <>
      <p>{inUseLead(uses)}</p>
      {uses.grades.length ? (
        <>
          <h2 className="nhsuk-heading-s">Grades in your organisation’s assessments</h2>
          <ul>
            {uses.grades.map((g) => (
              <li key={g.label}>
                <Link to={`/grading/${g.assessmentId}`}>{g.label}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {uses.planActions.length ? (
        <>
          <h2 className="nhsuk-heading-s">Actions in your organisation’s plans</h2>
          <ul>
            {uses.planActions.map((a, i) => (
              <li key={i}>
                <Link to={`/plans/${a.planId}`}>{a.planTitle}</Link>: {a.action}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {uses.registerRows.length ? (
        <>
          <h2 className="nhsuk-heading-s">Rows of the shared barrier register</h2>
          <ul>
            {uses.registerRows.map((r, i) => (
              <li key={i}>
                <Link to="/register">Row {r.position + 1}</Link>: {r.barrier || "no barrier entered yet"}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {uses.elsewhere.length ? (
        <>
          <h2 className="nhsuk-heading-s">Other organisations</h2>
          <p className="nhsuk-body-s">The item was shared once, and other organisations used it in their own work:</p>
          <ul>
            {uses.elsewhere.map((o) => (
              <li key={o.orgName}>
                {o.orgName}:{" "}
                {[
                  o.grades && countOf(o.grades, "grade"),
                  o.planActions && countOf(o.planActions, "plan action"),
                  o.responses && countOf(o.responses, "response to its recommendations", "responses to its recommendations"),
                ]
                  .filter(Boolean)
                  .join(", ")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {inUseAdvice(uses).map((text) => (
        <p key={text}>{text}</p>
      ))}
    </>
  );
}

export default function DeleteEvidence() {
  const preview = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const inUse = !preview.shared && !preview.canDelete;
  const contents = contentsInWords(preview.contents);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={`/evidence/${preview.id}`} className="nhsuk-back-link">
          Back to the item
        </Link>
        <ErrorSummary errors={failure?.errors} message={failure?.message} />
        <span className="nhsuk-caption-l">{preview.title}</span>
        <h1>Delete this evidence item</h1>
        {preview.shared ? (
          <p>
            This item is shared with the collaborative. Shared items cannot be deleted: other organisations may rely on them. Once an equality lead has unshared it, it can be
            deleted if nothing links to it.
          </p>
        ) : inUse ? (
          <Uses uses={preview.uses} />
        ) : (
          <>
            <p>
              The item{contents ? `, its ${contents}` : ""} and its history will be deleted for everyone in your organisation. It is private to your organisation and nothing links
              to it.
            </p>
            <WarningCallout title="This cannot be undone">
              <p>There is no copy to restore it from. If it only needs changing, edit it instead.</p>
            </WarningCallout>
            <Form method="post">
              <button type="submit" className="nhsuk-button nhsuk-button--warning">
                Delete this item
              </button>
            </Form>
          </>
        )}
        <p>
          <Link to={`/evidence/${preview.id}`}>Cancel</Link>
        </p>
      </div>
    </div>
  );
}
