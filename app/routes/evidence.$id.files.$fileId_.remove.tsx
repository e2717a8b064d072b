import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { WarningCallout } from "~/components/Notice";
import { cannotChangePart } from "~/domain/evidence/events.server";
import { getItem } from "~/domain/evidence/get-item.server";
import { removeAttachment } from "~/domain/evidence/remove-attachment.server";
import { notFound } from "~/domain/errors";
import { formGuarded, guarded } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { formatBytes } from "~/lib/uploads/limits";

export const meta: MetaFunction = () => pageTitle("Remove a file");

/*
 * /evidence/:id/files/:fileId/remove. "$fileId_" keeps this page out of the download route
 * (evidence.$id.files.$fileId.tsx), which would otherwise be its parent and run first.
 */

/** The file to remove, from a private item of the actor's organisation (a shared item's are frozen: 403). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const { item, attachments, can } = await getItem(context.database, actor, { itemId: params.id! });
    if (!can.edit) throw cannotChangePart(actor, item, "remove files");
    const file = attachments.find((a) => a.id === params.fileId);
    if (!file) throw notFound("File not found: it may have been removed");
    return { item: { id: item.id, title: item.title }, file: { id: file.id, filename: file.filename, size: file.size, searchable: file.textLength > 0 } };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const itemId = params.id!;
  return formGuarded({}, async () => {
    await removeAttachment(context.database, actor, { itemId, attachmentId: params.fileId! });
    throw redirect(`/evidence/${itemId}?done=fileRemoved#attachments`);
  });
}

export default function RemoveFile() {
  const { item, file } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const back = `/evidence/${item.id}#attachments`;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={back} className="nhsuk-back-link">
          Back to the item
        </Link>
        <ErrorSummary errors={failure?.errors} message={failure?.message} />
        <span className="nhsuk-caption-l">{item.title}</span>
        <h1>Remove this file</h1>
        <p>
          <a href={`/evidence/${item.id}/files/${file.id}`}>{file.filename}</a> ({formatBytes(file.size)}) will be removed from the item
          {file.searchable ? ", and its text from the search" : ""}. The item’s history records that a file was removed, not its name.
        </p>
        <WarningCallout title="This cannot be undone">
          <p>There is no copy to restore it from: download it first if you may need it.</p>
        </WarningCallout>
        <Form method="post">
          <button type="submit" className="nhsuk-button nhsuk-button--warning">
            Remove this file
          </button>
        </Form>
        <p>
          <Link to={back}>Cancel</Link>
        </p>
      </div>
    </div>
  );
}
