import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { previewShare, shareItem } from "~/domain/evidence/share-item.server";
import { formGuarded, guarded } from "~/lib/http.server";
import { formValues, valueOf } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { PII_LABELS } from "~/lib/pii/scan";
import { requireActor } from "~/lib/session.server";

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
  const decisions: Record<string, "redact" | "keep"> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("decision-") && (value === "redact" || value === "keep")) decisions[key.slice("decision-".length)] = value;
  }
  return formGuarded(values, async () => {
    await shareItem(context.database, actor, { itemId: params.id!, decisions });
    throw redirect(`/evidence/${params.id}?done=shared`);
  });
}

/** A safe element id for a hit id ("finding:<uuid>@12"). */
const domId = (hitId: string) => `d-${hitId.replace(/[^A-Za-z0-9]+/g, "-")}`;

export default function ShareEvidence() {
  const { id, title, hits } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && "ok" in result && !result.ok ? result : undefined;
  const fieldIds = Object.fromEntries(hits.map((h) => [`decision-${h.id}`, domId(h.id)]));
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={`/evidence/${id}`} className="nhsuk-back-link">
          Back to the item
        </Link>
        <ErrorSummary errors={failure?.errors} message={failure?.message} fieldIds={fieldIds} />
        <span className="nhsuk-caption-l">{title}</span>
        <h1>Share with the collaborative</h1>
        <p>Every member organisation of the collaborative will be able to read this item, its findings, recommendations and the text of its files. They cannot change it. You can unshare it later.</p>
        <p className="nhsuk-body-s">
          The check looks for names after a title (Mrs, Dr…), email addresses, phone numbers, NHS numbers, postcodes and dates of birth. It cannot catch everything, such as names without a title or addresses without a postcode: read the
          item before you share it.
        </p>
        {hits.length === 0 ? (
          <div className="nhsuk-inset-text">
            <p>We checked the text, findings, recommendations and files and found nothing that looks like personal data.</p>
          </div>
        ) : (
          <p>
            We found {hits.length} possible {hits.length === 1 ? "piece" : "pieces"} of personal data. For each one, choose whether to redact it (it is replaced with a marker like “[redacted email address]” in the shared text) or keep it because it is not
            personal data (for example a public service’s phone number).
          </p>
        )}
        <Form method="post" noValidate>
          {hits.map((h, i) => {
            const error = failure?.errors[`decision-${h.id}`];
            const chosen = valueOf(failure?.values, `decision-${h.id}`);
            return (
              <div key={h.id} className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
                <fieldset className="nhsuk-fieldset" aria-describedby={`${domId(h.id)}-context${error ? ` ${domId(h.id)}-error` : ""}`}>
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                    {i + 1}. Possible {PII_LABELS[h.kind]} in {h.fieldLabel.toLowerCase()}
                  </legend>
                  <p className="peff-pii-context" id={`${domId(h.id)}-context`}>
                    {h.before}
                    <mark>{h.text}</mark>
                    {h.after}
                  </p>
                  {error ? (
                    <span className="nhsuk-error-message" id={`${domId(h.id)}-error`}>
                      <span className="nhsuk-u-visually-hidden">Error:</span> {error}
                    </span>
                  ) : null}
                  <div className="nhsuk-radios nhsuk-radios--inline">
                    <div className="nhsuk-radios__item">
                      <input className="nhsuk-radios__input" id={domId(h.id)} name={`decision-${h.id}`} type="radio" value="redact" defaultChecked={chosen === "redact"} />
                      <label className="nhsuk-label nhsuk-radios__label" htmlFor={domId(h.id)}>
                        Redact it
                      </label>
                    </div>
                    <div className="nhsuk-radios__item">
                      <input className="nhsuk-radios__input" id={`${domId(h.id)}-keep`} name={`decision-${h.id}`} type="radio" value="keep" defaultChecked={chosen === "keep"} />
                      <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${domId(h.id)}-keep`}>
                        Keep it: not personal data
                      </label>
                    </div>
                  </div>
                </fieldset>
              </div>
            );
          })}
          <button type="submit" className="nhsuk-button">
            Share with the collaborative
          </button>
        </Form>
      </div>
    </div>
  );
}
