import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextInput } from "~/components/form/fields";
import { SuccessBanner } from "~/components/Notice";
import { changeName, getJobTitle } from "~/domain/auth/change-name.server";
import { changePassword } from "~/domain/auth/change-password.server";
import { readDeviceToken, signedInHeaders } from "~/domain/auth/device-cookie.server";
import { countOtherSessions, endOtherSessions } from "~/domain/auth/end-other-sessions.server";
import { formFailure, formGuarded } from "~/lib/http.server";
import { fields, parseForm, valueOf, type FormValues } from "~/lib/forms";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { ROLE_LABELS } from "~/policies/roles";

export const meta: MetaFunction = () => pageTitle("Your account");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return {
    name: actor.name,
    jobTitle: await getJobTitle(context.database, actor),
    email: actor.email,
    places: actor.contexts.map((c) => ({ key: `${c.orgId}:${c.collaborativeId}`, orgName: c.orgName, collaborativeName: c.collaborativeName, role: ROLE_LABELS[c.role] })),
    otherSessions: await countOtherSessions(context.database, context.config, actor),
  };
}

const nameSchema = z.object({
  name: fields.requiredText("your full name", 120),
  jobTitle: z.string().trim().max(120, "Job title must be 120 characters or fewer").optional(),
});
const passwordSchema = z
  .object({
    currentPassword: z.string({ required_error: "Enter your current password" }).min(1, "Enter your current password"),
    newPassword: fields.newPassword(),
    confirmPassword: z.string({ required_error: "Enter the new password again" }).min(1, "Enter the new password again"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Enter the same new password twice" });

/** What a failed form gives back: what was typed, never a password. */
const kept = (values: FormValues, intent: string): FormValues => ({ ...Object.fromEntries(Object.entries(values).filter(([key]) => !/password/i.test(key))), intent });

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "name") {
    const parsed = parseForm(form, nameSchema);
    if (!parsed.ok) return formFailure(parsed.errors, kept(parsed.values, intent));
    await changeName(context.database, actor, { name: parsed.data.name, jobTitle: parsed.data.jobTitle ?? null });
    throw redirect("/account?done=name");
  }
  if (intent === "password") {
    const parsed = parseForm(form, passwordSchema);
    if (!parsed.ok) return formFailure(parsed.errors, kept(parsed.values, intent));
    return formGuarded(kept(parsed.values, intent), async () => {
      const cookies = await changePassword(context.database, context.config, actor, {
        currentPassword: parsed.data.currentPassword,
        newPassword: parsed.data.newPassword,
        address: context.clientAddress,
        deviceToken: readDeviceToken(context.config, request.headers.get("cookie")),
      });
      throw redirect("/account?done=password", { headers: signedInHeaders(cookies) });
    });
  }
  if (intent === "sessions") {
    await endOtherSessions(context.database, actor);
    throw redirect("/account?done=sessions");
  }
  throw data({ message: "Unknown form" }, { status: 400 });
}

const DONE: Record<string, string> = {
  name: "Your name and job title are saved. Others see them from their next page.",
  password: "Your password is changed. You have been signed out everywhere else.",
  sessions: "You have been signed out everywhere else.",
  reset: "Your new password is saved. You are signed in here and signed out everywhere else.",
};

export default function Account() {
  const { name, jobTitle, email, places, otherSessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failure = result && "ok" in result && !result.ok ? result : undefined;
  const failed = (intent: string) => (failure && valueOf(failure.values, "intent") === intent ? failure : undefined);
  const nameFailure = failed("name");
  const passwordFailure = failed("password");
  const done = DONE[params.get("done") ?? ""];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {done && !failure ? <SuccessBanner>{done}</SuccessBanner> : null}
        <ErrorSummary errors={failure?.errors} message={failure?.message} />
        <h1>Your account</h1>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Email address</dt>
            <dd className="nhsuk-summary-list__value">
              {email}
              <div className="nhsuk-hint nhsuk-u-margin-bottom-0">You sign in with it. To change it, ask your equality lead to invite your new address.</div>
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Where you work</dt>
            <dd className="nhsuk-summary-list__value">
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                {places.map((p) => (
                  <li key={p.key}>
                    {p.orgName}, {p.role.toLowerCase()} in {p.collaborativeName}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>

        <h2>Your name and job title</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="name" />
          <TextInput name="name" label="Full name" hint="As your colleagues know you. Others in your collaboratives see it." autoComplete="name" error={nameFailure?.errors.name} defaultValue={nameFailure ? valueOf(nameFailure.values, "name") : name} />
          <TextInput
            name="jobTitle"
            label="Job title (optional)"
            hint="Shown beside your name on the members page, for example Equality and Diversity Lead."
            autoComplete="organization-title"
            error={nameFailure?.errors.jobTitle}
            defaultValue={nameFailure ? valueOf(nameFailure.values, "jobTitle") : (jobTitle ?? "")}
          />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Save name and job title
          </button>
        </Form>

        <h2>Change your password</h2>
        <p>Changing it signs you out everywhere else: on other browsers, devices and open editors.</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="password" />
          <input type="hidden" name="username" value={email} autoComplete="username" />
          <TextInput name="currentPassword" type="password" label="Current password" autoComplete="current-password" error={passwordFailure?.errors.currentPassword} />
          <TextInput name="newPassword" type="password" label="New password" hint="12 characters or more. A few unrelated words work well." autoComplete="new-password" error={passwordFailure?.errors.newPassword} />
          <TextInput name="confirmPassword" type="password" label="Enter the new password again" autoComplete="new-password" error={passwordFailure?.errors.confirmPassword} />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Change password
          </button>
        </Form>

        <h2>Signed in elsewhere</h2>
        {otherSessions ? (
          <>
            <p data-testid="other-sessions">
              You are also signed in on {otherSessions === 1 ? "1 other browser or device" : `${otherSessions} other browsers or devices`}. If one of them is not yours, or is a shared computer,
              sign out there from here, then change your password.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="sessions" />
              <button type="submit" className="nhsuk-button nhsuk-button--secondary">
                Sign out everywhere else
              </button>
            </Form>
          </>
        ) : (
          <p data-testid="other-sessions">You are not signed in anywhere else.</p>
        )}
      </div>
    </div>
  );
}
