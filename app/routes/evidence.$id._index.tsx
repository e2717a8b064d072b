import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { SuccessBanner } from "~/components/Notice";
import { pickedValues } from "~/components/pickers/TagPicker";
import { AttachmentsSection, FindingsSection, HistorySection, ItemDetails, RecommendationsSection, tagPickerId, TagsSection } from "~/components/evidence/ItemSections";
import { THEME_NOT_PERSONAL } from "~/lib/pii/theme-name";
import { addAttachment } from "~/domain/evidence/add-attachment.server";
import { addFinding } from "~/domain/evidence/add-finding.server";
import { addRecommendation } from "~/domain/evidence/add-recommendation.server";
import { getItem } from "~/domain/evidence/get-item.server";
import { listFilterOptions } from "~/domain/evidence/filter-options.server";
import { findingFields, recommendationFields } from "~/domain/evidence/part-input";
import { setTags } from "~/domain/evidence/set-tags.server";
import { unshareItem } from "~/domain/evidence/unshare-item.server";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { formValues, parseForm, valueOf, valuesOf } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { canEditPlans } from "~/policies/plans";
import { parseMultipart } from "~/lib/uploads/parse-multipart.server";

export const meta: MetaFunction<typeof loader, Record<string, unknown>> = ({ data }) => pageTitle(data?.item.title ?? "Evidence");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const item = await getItem(context.database, actor, { itemId: params.id! });
    const { organisations } = await listFilterOptions(context.database, actor);
    return { ...item, organisations, canPull: canEditPlans(actor.active.role) };
  });
}

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null);
// The add forms' fields, with the rules their edit pages use too (part-input.ts).
const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("finding"), ...findingFields }),
  z.object({ intent: z.literal("recommendation"), ...recommendationFields }),
  z.object({ intent: z.literal("tags"), findingId: optional }),
  z.object({ intent: z.literal("unshare") }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const itemId = params.id!;
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const upload = await parseMultipart(request, { maxFiles: 1 });
    const values = { intent: "attach" };
    if (upload.tooLarge.length) return formFailure({ file: `${upload.tooLarge[0]!.filename || "The file"} is larger than 25 MB. Attach a smaller file, or link to it instead.` }, values, 413);
    const file = upload.files[0];
    if (!file) return formFailure({ file: "Select a file" }, values);
    return formGuarded(values, async () => {
      await addAttachment(context.database, actor, { itemId, filename: file.filename, bytes: file.bytes });
      throw redirect(`/evidence/${itemId}?done=attached#attachments`);
    });
  }
  const formData = await request.formData();
  const parsed = parseForm(formData, schema);
  if (!parsed.ok) return formFailure(parsed.errors, formValues(formData));
  const data = parsed.data;
  return formGuarded(parsed.values, async () => {
    if (data.intent === "finding") {
      await addFinding(context.database, actor, { itemId, kind: data.findingKind, text: data.findingText });
      throw redirect(`/evidence/${itemId}?done=finding#findings`);
    }
    if (data.intent === "recommendation") {
      await addRecommendation(context.database, actor, { itemId, text: data.recText, addressedToOrgId: data.addressedToOrgId, responseDue: data.responseDue, response: data.response });
      throw redirect(`/evidence/${itemId}?done=recommendation#recommendations`);
    }
    if (data.intent === "tags") {
      await setTags(context.database, actor, { itemId, findingId: data.findingId, tags: pickedValues(formData, "tags", "theme:new:"), confirmedThemes: valuesOf(parsed.values, THEME_NOT_PERSONAL) });
      throw redirect(`/evidence/${itemId}?done=tagged${data.findingId ? `#finding-${data.findingId}` : "#tags"}`);
    }
    await unshareItem(context.database, actor, { itemId });
    throw redirect(`/evidence/${itemId}?done=unshared`);
  });
}

const DONE: Record<string, string> = {
  created: "Evidence added. It is private to your organisation until it is shared.",
  saved: "Changes saved.",
  finding: "Finding added.",
  recommendation: "Recommendation added.",
  tagged: "Tags saved.",
  attached: "File attached.",
  findingSaved: "Finding changed.",
  findingRemoved: "Finding removed.",
  recommendationSaved: "Recommendation changed.",
  recommendationRemoved: "Recommendation removed.",
  fileRemoved: "File removed.",
  shared: "Shared with the collaborative.",
  unshared: "No longer shared: the item is private to your organisation again.",
};

export default function EvidenceItem() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failure = result && !result.ok ? result : undefined;
  const done = DONE[params.get("done") ?? ""];
  const { item, can } = data;
  // A tag error belongs to the picker that was sent (the item's or a finding's), not to the "Tags" heading.
  const taggedFinding = data.findings.findIndex((f) => f.id === valueOf(failure?.values, "findingId"));
  const fieldIds = { tags: tagPickerId(taggedFinding === -1 ? null : taggedFinding) };
  return (
    <>
      <Link to="/evidence" className="nhsuk-back-link">
        Back to evidence
      </Link>
      {done && !failure ? <SuccessBanner>{done}</SuccessBanner> : null}
      <ErrorSummary errors={failure?.errors} message={failure?.message} fieldIds={fieldIds} />
      <span className="nhsuk-caption-l">{item.orgName}</span>
      <h1>{item.title}</h1>
      <p>
        <strong className={`nhsuk-tag ${item.sharedAt ? "nhsuk-tag--green" : "nhsuk-tag--grey"}`}>{item.sharedAt ? "Shared with the collaborative" : "Private to " + item.orgName}</strong>
        {!data.own ? <span className="nhsuk-u-margin-left-2">Read only: shared by {item.orgName}</span> : null}
      </p>
      <div className="peff-actions">
        {can.edit ? (
          <Link to={`/evidence/${item.id}/edit`} className="nhsuk-button nhsuk-button--secondary">
            Edit details
          </Link>
        ) : null}{" "}
        {can.share && !item.sharedAt ? (
          <Link to={`/evidence/${item.id}/share`} className="nhsuk-button">
            Share with the collaborative
          </Link>
        ) : null}
        {can.share && item.sharedAt ? (
          <Form method="post" className="peff-inline-form">
            <input type="hidden" name="intent" value="unshare" />
            <button type="submit" className="nhsuk-button nhsuk-button--secondary">
              Unshare
            </button>
          </Form>
        ) : null}{" "}
        {data.canPull ? (
          <Link to={`/plans/pull?source=evidence:${item.id}`} className="nhsuk-button nhsuk-button--secondary">
            Add to our plan
          </Link>
        ) : null}{" "}
        {can.delete ? (
          <Link to={`/evidence/${item.id}/delete`} className="peff-destructive-link">
            Delete this item
          </Link>
        ) : null}
      </div>
      {data.own && item.sharedAt && can.tag && !can.share ? <p className="nhsuk-body-s">Shared items cannot be edited. Your equality lead can unshare it to make changes.</p> : null}
      <ItemDetails item={item} />
      <TagsSection tags={data.tags} options={data.tagOptions} canTag={can.tag} failure={failure} />
      <FindingsSection itemId={item.id} findings={data.findings} options={data.tagOptions} canEdit={can.edit} canTag={can.tag} failure={failure} />
      <RecommendationsSection itemId={item.id} recommendations={data.recommendations} organisations={data.organisations} canEdit={can.edit} failure={failure} />
      <AttachmentsSection itemId={item.id} attachments={data.attachments} own={data.own} canEdit={can.edit} failure={failure} />
      <HistorySection history={data.history} />
    </>
  );
}
