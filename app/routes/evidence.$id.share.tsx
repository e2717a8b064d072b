import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Choices } from "~/components/form/fields";
import { decisionDomId, PiiDecision } from "~/components/evidence/PiiDecision";
import { decisionField, fileField, isFilenameField, type FileDecision, type HitDecision } from "~/domain/evidence/share-fields";
import { previewShare, shareItem } from "~/domain/evidence/share-item.server";
import { formGuarded, guarded } from "~/lib/http.server";
import { formValues, valueOf } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { formatBytes } from "~/lib/uploads/limits";

export const meta: MetaFunction = () => pageTitle("Share with the collaborative");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const preview = await previewShare(context.database, actor, { itemId: params.id! });
    if (preview.sharedAt) throw redirect(`/evidence/${params.id}`);
    return { id: params.id!, ...preview };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const formData = await request.formData();
  const values = formValues(formData);
  const decisions: Record<string, HitDecision> = {};
  const files: Record<string, FileDecision> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("decision-") && (value === "redact" || value === "keep" || value === "remove")) decisions[key.slice("decision-".length)] = value;
    if (key.startsWith("file-") && (value === "share" || value === "remove")) files[key.slice("file-".length)] = value;
  }
  return formGuarded(values, async () => {
    await shareItem(context.database, actor, { itemId: params.id!, decisions, files });
    throw redirect(`/evidence/${params.id}?done=shared`);
  });
}

/** The first radio of a file's choice, which the error summary links to (distinct from hits' ids, which start with a field kind). */
const fileDomId = (fileId: string) => decisionDomId(fileField(fileId));

export default function ShareEvidence() {
  const { id, title, hits, unchecked } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && "ok" in result && !result.ok ? result : undefined;
  const fieldIds = Object.fromEntries([...hits.map((h) => [decisionField(h.id), decisionDomId(h.id)]), ...unchecked.map((f) => [fileField(f.id), fileDomId(f.id)])]);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={`/evidence/${id}`} className="nhsuk-back-link">
          Back to the item
        </Link>
        <ErrorSummary errors={failure?.errors} message={failure?.message} fieldIds={fieldIds} />
        <span className="nhsuk-caption-l">{title}</span>
        <h1>Share with the collaborative</h1>
        <p>Every member organisation of the collaborative will be able to read this item, its findings, recommendations and the names and text of its files, and download its files. They cannot change it. You can unshare it later.</p>
        <p className="nhsuk-body-s">
          The check looks for names after a title (Mrs, Dr…), email addresses, phone numbers, NHS numbers, postcodes and dates of birth in the item’s text, the names of its files and the text of PDF and Word files. It cannot catch everything, such
          as names without a title or addresses without a postcode: read the item before you share it.
        </p>
        {hits.length === 0 && unchecked.length === 0 ? (
          <div className="nhsuk-inset-text">
            <p>We checked the text, findings, recommendations and files and found nothing that looks like personal data.</p>
          </div>
        ) : hits.length === 0 ? (
          <p>We found nothing that looks like personal data in the text, findings, recommendations and file names, but some files could not be checked: see below.</p>
        ) : (
          <p>
            We found {hits.length} possible {hits.length === 1 ? "piece" : "pieces"} of personal data. For each one, choose whether to redact it (it is replaced with a marker like “[redacted email address]” in the shared text) or keep it because it is not
            personal data (for example a public service’s phone number).
          </p>
        )}
        <Form method="post" noValidate>
          {hits.map((h, i) => (
            <PiiDecision
              key={h.id}
              hit={h}
              number={i + 1}
              where={h.fieldLabel.toLowerCase()}
              named={isFilenameField(h.field)}
              error={failure?.errors[decisionField(h.id)]}
              chosen={valueOf(failure?.values, decisionField(h.id))}
            />
          ))}
          {unchecked.length ? (
            <>
              <h2>Files we could not check</h2>
              <p>
                We could not read any text in {unchecked.length === 1 ? "this file" : `these ${unchecked.length} files`} (pictures, scanned documents, spreadsheets and CSV files), so {unchecked.length === 1 ? "it was" : "they were"} not checked for personal data.
                Once shared, anyone in the collaborative can download {unchecked.length === 1 ? "it as it is. Open it" : "them as they are. Open each one"} and look before you choose.
              </p>
              {unchecked.map((f) => (
                <Choices
                  key={f.id}
                  type="radio"
                  name={fileField(f.id)}
                  id={fileDomId(f.id)}
                  legend={`Could not be checked: ${f.filename}`}
                  hint={
                    <>
                      <a href={`/evidence/${id}/files/${f.id}`}>Download {f.filename}</a> ({formatBytes(f.size)}) to look at it.
                    </>
                  }
                  options={[
                    { value: "share", label: "I have looked at it: it has no personal data, or only what may be shared" },
                    { value: "remove", label: "Remove it from the item" },
                  ]}
                  defaultValue={valueOf(failure?.values, fileField(f.id))}
                  error={failure?.errors[fileField(f.id)]}
                />
              ))}
            </>
          ) : null}
          <button type="submit" className="nhsuk-button">
            Share with the collaborative
          </button>
        </Form>
      </div>
    </div>
  );
}
