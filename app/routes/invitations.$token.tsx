import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextInput } from "~/components/form/fields";
import { readDeviceToken } from "~/domain/auth/device-cookie.server";
import { luciaFor, readSessionToken } from "~/domain/auth/lucia.server";
import { startSession } from "~/domain/auth/sign-in.server";
import { acceptInvitation, SignInRateLimited } from "~/domain/invitations/accept-invitation.server";
import { getInvitationByToken, INVITATION_STATUS_MESSAGES } from "~/domain/invitations/get-invitation.server";
import { formFailure, formGuarded, type FormFailure } from "~/lib/http.server";
import { fields, parseForm, type FormValues } from "~/lib/forms";
import { formatDate } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { optionalActor } from "~/lib/session.server";
import { ROLE_LABELS } from "~/policies/roles";

export const meta: MetaFunction = () => pageTitle("Accept your invitation");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const invitation = await getInvitationByToken(context.database, params.token!);
  if (!invitation) throw data({ message: "This invitation link is not valid. Check you copied all of it." }, { status: 404 });
  if (invitation.status !== "valid") throw data({ message: INVITATION_STATUS_MESSAGES[invitation.status] }, { status: 410 });
  const actor = await optionalActor(request, context);
  return {
    invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() },
    signedInAsInvitee: actor?.email === invitation.email,
  };
}

const newAccount = z
  .object({
    kind: z.literal("new-account"),
    name: fields.requiredText("your full name", 120),
    password: fields.newPassword(),
    confirmPassword: z.string().optional(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Enter the same password twice" });

const existingAccount = z.object({ kind: z.literal("existing-account"), password: z.string().optional() });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = params.token!;
  const formData = await request.formData();
  const parsed = parseForm(formData, z.union([newAccount, existingAccount]));
  if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
  const lucia = luciaFor(context.database, context.config);
  const previousToken = readSessionToken(lucia, request.headers.get("cookie"));
  const actor = await optionalActor(request, context);
  return formGuarded(parsed.values, async () => {
    const input = parsed.data;
    const accepted = await acceptInvitation(
      context.database,
      input.kind === "new-account"
        ? { kind: "new-account", token, name: input.name, password: input.password }
        : {
            kind: "existing-account",
            token,
            signedInUserId: actor?.userId ?? null,
            password: input.password,
            address: context.clientAddress,
            deviceToken: readDeviceToken(context.config, request.headers.get("cookie")),
          },
    ).catch((error: unknown) => {
      if (error instanceof SignInRateLimited) return error;
      throw error;
    });
    if (accepted instanceof SignInRateLimited) return rateLimited(parsed.values, accepted);
    // A fresh session for whoever accepted, acting for the organisation they just joined.
    const cookie = await startSession(context.database, context.config, accepted.userId, previousToken, accepted.orgId);
    throw redirect("/?joined=1", { headers: { "Set-Cookie": cookie } });
  });
}

/** As the sign-in page answers a locked account or address: the same message, 429 and Retry-After. */
function rateLimited(values: FormValues, error: SignInRateLimited) {
  return data<FormFailure>({ ok: false, errors: {}, values, message: error.message }, { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } });
}

export default function AcceptInvitation() {
  const { invitation, signedInAsInvitee } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  const name = values && typeof values.name === "string" ? values.name : "";
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} message={result && !result.ok ? result.message : undefined} />
        <h1>Join {invitation.orgName}</h1>
        <p>
          You have been invited to join <strong>{invitation.orgName}</strong> in {invitation.collaborativeName} as{" "}
          <strong>{ROLE_LABELS[invitation.role].toLowerCase()}</strong>. This invitation is for {invitation.email} and expires on{" "}
          {formatDate(invitation.expiresAt)}.
        </p>
        {invitation.accountExists ? (
          <Form method="post" noValidate>
            <input type="hidden" name="kind" value="existing-account" />
            {signedInAsInvitee ? (
              <p>You are signed in as {invitation.email}.</p>
            ) : (
              <>
                <p>You already have an account. Enter its password to accept.</p>
                {/* Said to everyone with an account, so it tells nobody whether this one has a
                    password: a first admin may not have used the operator's link yet. */}
                <TextInput
                  name="password"
                  type="password"
                  label="Password"
                  hint="No password yet, or forgotten it? Ask the equality lead of your organisation or a collaborative admin for a link to choose one, then come back to this invitation."
                  autoComplete="current-password"
                  error={errors?.password}
                />
              </>
            )}
            <button type="submit" className="nhsuk-button">
              Accept invitation
            </button>
          </Form>
        ) : (
          <Form method="post" noValidate>
            <input type="hidden" name="kind" value="new-account" />
            <input type="hidden" name="username" value={invitation.email} autoComplete="username" />
            <TextInput name="name" label="Full name" hint="As your colleagues know you. Others in the collaborative see it." autoComplete="name" error={errors?.name} defaultValue={name} />
            <TextInput name="password" type="password" label="Create a password" hint="12 characters or more. A few unrelated words work well." autoComplete="new-password" error={errors?.password} />
            <TextInput name="confirmPassword" type="password" label="Enter the password again" autoComplete="new-password" error={errors?.confirmPassword} />
            <button type="submit" className="nhsuk-button">
              Accept and create account
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
