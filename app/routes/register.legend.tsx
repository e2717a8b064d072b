import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { LegendFields } from "~/components/plans/LegendFields";
import { invalid, notFound } from "~/domain/errors";
import { getRegisterLegend } from "~/domain/register/get-register-legend.server";
import { LegendChanged } from "~/domain/legend-changed";
import { StatusInUse, updateRegisterLegend } from "~/domain/register/update-register-legend.server";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { formValues, optionalText } from "~/lib/forms";
import { legendIndexOf, parseLegendRows } from "~/lib/legend-input";
import { pageTitle } from "~/lib/meta";
import { ensure, requireActor } from "~/lib/session.server";
import { canChangeRegisterLegend } from "~/policies/register";

export const meta: MetaFunction = () => pageTitle("Register status legend");

const NOT_ALLOWED = "Only the collaborative's admins and regional leads change the register's status legend";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    ensure(canChangeRegisterLegend(actor.active.role), NOT_ALLOWED);
    const register = await getRegisterLegend(context.database, actor);
    if (!register) throw notFound("This collaborative has no shared barrier register yet");
    return { title: register.title, legend: register.legend, collaborativeName: actor.active.collaborativeName };
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await request.formData();
  const values = formValues(form);
  const { rows, errors } = parseLegendRows(form);
  if (!rows.length) errors["label-0"] = "The register needs at least one status";
  if (Object.keys(errors).length) return formFailure(errors, values);
  return formGuarded(values, async () => {
    try {
      await updateRegisterLegend(context.database, actor, rows, optionalText(form, "loaded"));
    } catch (error) {
      // What they typed is kept; "loaded" becomes the legend as it now is, so saving again keeps theirs.
      if (error instanceof LegendChanged) return formFailure({}, { ...values, loaded: error.current }, error.status, error.message);
      // Each status that rows still have gets its message beside its own "Remove" box.
      if (error instanceof StatusInUse) throw invalid(Object.fromEntries(error.inUse.map((s) => [`remove-${Math.max(0, legendIndexOf(form, s.key))}`, inUseMessage(s)])));
      throw error;
    }
    throw redirect("/register");
  });
}

function inUseMessage(s: { label: string; rows: number }) {
  return `${s.rows} ${s.rows === 1 ? "row has" : "rows have"} the status "${s.label}": give ${s.rows === 1 ? "it" : "them"} another status first`;
}

export default function RegisterLegend() {
  const { title, legend, collaborativeName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <Link to="/register" className="nhsuk-back-link">
          Back to the register
        </Link>
        <ErrorSummary errors={failed?.errors} message={failed?.message} />
        <span className="nhsuk-caption-l">{collaborativeName}</span>
        <h1>Status legend of the {title.toLowerCase()}</h1>
        <p>
          Every member organisation sees these statuses on every row, as their text and the name of their colour. Change the text or colour of
          a status and every row that has it follows. A status rows still have cannot be removed until they have another.
        </p>
        <Form method="post" noValidate>
          <LegendFields legend={legend} values={failed?.values} errors={failed?.errors} withMeaning={false} />
          <button type="submit" className="nhsuk-button">
            Save the legend
          </button>
        </Form>
      </div>
    </div>
  );
}
