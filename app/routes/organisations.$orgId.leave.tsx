import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { WarningCallout } from "~/components/Notice";
import { TextInput } from "~/components/form/fields";
import { policyActor } from "~/domain/auth/actor";
import { loadMemberOrganisation } from "~/domain/collaborative/get-member-organisation.server";
import { recordLeaving } from "~/domain/collaborative/record-leaving.server";
import { isRealDate } from "~/lib/dates";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm, valueOf } from "~/lib/forms";
import { formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { todayIso } from "~/lib/plan/dates";
import { ensure, requireActor } from "~/lib/session.server";
import { canRecordLeaving, LEAVING_REFUSED } from "~/policies/leaving";

export const meta: MetaFunction = () => pageTitle("Record that an organisation has left");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    ensure(canRecordLeaving(policyActor(actor), params.orgId!), LEAVING_REFUSED);
    const organisation = await loadMemberOrganisation(context.database, actor, params.orgId!);
    return {
      organisation,
      collaborativeName: actor.active.collaborativeName,
      today: todayIso(),
    };
  });
}

const schema = z.object({
  leftOn: z
    .string({ required_error: "Enter the date it left" })
    .trim()
    .min(1, "Enter the date it left")
    .refine(isRealDate, "Enter the date it left as a real date, like 2024-03-31"),
});

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const parsed = parseForm(await request.formData(), schema);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    await recordLeaving(context.database, actor, params.orgId!, parsed.data.leftOn);
    throw redirect(`/?left=${encodeURIComponent(params.orgId!)}`);
  });
}

export default function RecordLeaving() {
  const { organisation, collaborativeName, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  const name = organisation.name;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/" className="nhsuk-back-link">
          Back to home
        </Link>
        <ErrorSummary errors={errors} message={result && !result.ok ? result.message : undefined} />
        <h1>Record that {name} has left</h1>
        {organisation.leftOn ? (
          <p>
            {name} left {collaborativeName} on {formatDate(organisation.leftOn)}. It is listed under former organisations.
          </p>
        ) : (
          <>
            <p>
              {name} has been a member of {collaborativeName} since {formatDate(organisation.joinedOn)}. Once you record that it left, its{" "}
              {organisation.people === 1 ? "1 person" : `${organisation.people} people`} can no longer work in {collaborativeName}: not its shared evidence, barrier register, plans
              or comparisons. Anyone of theirs with the register or a plan open is disconnected within seconds.
            </p>
            <p>Its history stays: its evidence, grades and past work are kept and it is listed under former organisations.</p>
            <WarningCallout title="This cannot be undone here">
              <p>
                The date cannot be changed once recorded. If {name} rejoins, the service&apos;s operator can restore its membership: from that day its people work here
                again, and its history with it.
              </p>
            </WarningCallout>
            <Form method="post" noValidate>
              <TextInput
                name="leftOn"
                type="date"
                label="The date it left"
                hint={`Today or earlier, and not before it joined (${formatDate(organisation.joinedOn)}).`}
                error={errors?.leftOn}
                defaultValue={values ? valueOf(values, "leftOn") : today}
              />
              <button type="submit" className="nhsuk-button nhsuk-button--warning">
                Record that {name} has left
              </button>
            </Form>
          </>
        )}
        <p>
          <Link to="/">Cancel</Link>
        </p>
      </div>
    </div>
  );
}
