import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextInput } from "~/components/form/fields";
import { rateLimitedMessage, signIn } from "~/domain/auth/sign-in.server";
import { readDeviceToken, signedInHeaders } from "~/domain/auth/device-cookie.server";
import { luciaFor, readSessionToken } from "~/domain/auth/lucia.server";
import { formFailure, type FormFailure } from "~/lib/http.server";
import { fields, parseForm, valueOf } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { optionalActor, safeRedirect } from "~/lib/session.server";

export const meta: MetaFunction = () => pageTitle("Sign in");

const REASONS: Record<string, string> = {
  expired: "Your session has ended. Sign in again to continue.",
  "no-membership": "You are no longer a member of any organisation on this service. Ask your equality lead for an invitation.",
  "signed-out": "You have signed out.",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await optionalActor(request, context);
  const url = new URL(request.url);
  if (actor) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  return { notice: REASONS[url.searchParams.get("reason") ?? ""] ?? null };
}

const schema = z.object({
  email: fields.email(),
  password: z.string({ required_error: "Enter your password" }).min(1, "Enter your password"),
  redirectTo: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), schema);
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  const { email, password, redirectTo } = parsed.data;
  const cookies = request.headers.get("cookie");
  const previousToken = readSessionToken(luciaFor(context.database, context.config), cookies);
  const deviceToken = readDeviceToken(context.config, cookies);
  const result = await signIn(context.database, context.config, { email, password, address: context.clientAddress, previousToken, deviceToken });
  if (result.ok) {
    throw redirect(safeRedirect(redirectTo), { headers: signedInHeaders(result) });
  }
  if (result.reason === "rate-limited") {
    return data<FormFailure>(
      { ok: false, errors: {}, values: parsed.values, message: rateLimitedMessage(result.scope, result.retryAfterSeconds) },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return formFailure({ email: "Enter a correct email address and password" }, parsed.values, 401);
}

export default function SignIn() {
  const { notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} message={result && !result.ok ? result.message : undefined} />
        {notice && !result ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>{notice}</p>
          </div>
        ) : null}
        <h1>Sign in</h1>
        <p>Sign in with the email address and password you set when you accepted your invitation.</p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <TextInput name="email" type="email" label="Email address" autoComplete="username" spellCheck={false} error={errors?.email} defaultValue={valueOf(values, "email")} />
          <TextInput name="password" type="password" label="Password" autoComplete="current-password" error={errors?.password} />
          <button className="nhsuk-button" type="submit" disabled={busy}>
            Sign in
          </button>
        </Form>
        <h2 className="nhsuk-heading-s">Forgotten your password?</h2>
        <p className="nhsuk-body-s">
          Ask your organisation&apos;s equality lead, or the collaborative admin, for a password reset link. The service sends no email: they make the link on the members page
          and send it to you, and it works once, for 24 hours.
        </p>
        <p className="nhsuk-body-s">New to the service? You join by following an invitation link from your equality lead or the collaborative admin.</p>
      </div>
    </div>
  );
}
