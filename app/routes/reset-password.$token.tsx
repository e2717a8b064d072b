import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { signedInHeaders } from "~/domain/auth/device-cookie.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextInput } from "~/components/form/fields";
import { luciaFor, readSessionToken } from "~/domain/auth/lucia.server";
import { getPasswordReset, RESET_STATUS_MESSAGES } from "~/domain/password-resets/get-password-reset.server";
import { usePasswordReset } from "~/domain/password-resets/use-password-reset.server";
import { formFailure, formGuarded } from "~/lib/http.server";
import { fields, parseForm } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = () => pageTitle("Choose a new password");

export async function loader({ context, params }: LoaderFunctionArgs) {
  const reset = await getPasswordReset(context.database.db, params.token!);
  if (!reset) throw data({ message: "This password reset link is not valid. Check you copied all of it." }, { status: 404 });
  if (reset.status !== "valid") throw data({ message: RESET_STATUS_MESSAGES[reset.status] }, { status: 410 });
  return { email: reset.email };
}

const schema = z
  .object({
    password: fields.newPassword(),
    confirmPassword: z.string({ required_error: "Enter the password again" }).min(1, "Enter the password again"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Enter the same password twice" });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), schema);
  // Passwords are never sent back to the page.
  if (!parsed.ok) return formFailure(parsed.errors, {});
  const previousToken = readSessionToken(luciaFor(context.database, context.config), request.headers.get("cookie"));
  return formGuarded({}, async () => {
    const cookies = await usePasswordReset(context.database, context.config, params.token!, parsed.data.password, previousToken);
    throw redirect("/account?done=reset", { headers: signedInHeaders(cookies) });
  });
}

export default function ResetPassword() {
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={failure?.errors} message={failure?.message} />
        <h1>Choose a new password</h1>
        <p>
          For the account <strong>{email}</strong>. Once you save it, you are signed in here and signed out everywhere else, and the link stops working.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="username" value={email} autoComplete="username" />
          <TextInput name="password" type="password" label="New password" hint="12 characters or more. A few unrelated words work well." autoComplete="new-password" error={failure?.errors.password} />
          <TextInput name="confirmPassword" type="password" label="Enter the password again" autoComplete="new-password" error={failure?.errors.confirmPassword} />
          <button type="submit" className="nhsuk-button">
            Save password and sign in
          </button>
        </Form>
      </div>
    </div>
  );
}
