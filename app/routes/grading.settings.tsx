import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Choices } from "~/components/form/fields";
import { SuccessBanner } from "~/components/Notice";
import { policyActor } from "~/domain/auth/actor";
import { getBandSettings, setBandSet } from "~/domain/grading/band-settings.server";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { canChangeBandSet } from "~/policies/grading";

export const meta: MetaFunction = () => pageTitle("EDS 2022 rating bands");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    ensure(canChangeBandSet(policyActor(actor)), "Only a collaborative admin chooses the rating bands");
    return getBandSettings(context.database, actor);
  });
}

const schema = z.object({ bandSet: z.string({ required_error: "Choose a band set" }).min(1, "Choose a band set") });

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const parsed = parseForm(await request.formData(), schema);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  return formGuarded(parsed.values, async () => {
    await setBandSet(context.database, actor, parsed.data.bandSet);
    throw redirect("/grading/settings?done=1");
  });
}

export default function BandSettings() {
  const { current, options } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/grading" className="nhsuk-back-link">
          Back to grading
        </Link>
        <ErrorSummary errors={result && !result.ok ? result.errors : undefined} message={result && !result.ok ? result.message : undefined} />
        {params.get("done") && !result ? (
          <SuccessBanner>
            <p className="nhsuk-notification-banner__heading">The rating bands were changed for the whole collaborative.</p>
          </SuccessBanner>
        ) : null}
        <h1>EDS 2022 rating bands</h1>
        <p>
          Published sources disagree on where Achieving ends and Excelling starts, so the bands are configuration. The set chosen here rates
          every EDS 2022 overall score in the collaborative.
        </p>
        <Form method="post">
          <Choices
            type="radio"
            name="bandSet"
            legend="Band set"
            legendClassName="nhsuk-fieldset__legend--m"
            options={options.map((o) => ({
              value: o.bandSet,
              label: `${o.bandSet === "default" ? "Default" : o.bandSet.charAt(0).toUpperCase() + o.bandSet.slice(1)}: ${o.bands.map((b) => `${b.label} ${b.minScore}-${b.maxScore}`).join(", ")}`,
              hint: o.source,
            }))}
            defaultValue={current}
            error={result && !result.ok ? result.errors.bandSet : undefined}
          />
          <button type="submit" className="nhsuk-button">
            Save
          </button>
        </Form>
      </div>
    </div>
  );
}
