import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ROLES, type Role } from "#db/schema";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { SuccessBanner } from "~/components/Notice";
import { policyActor } from "~/domain/auth/actor";
import { revokeInvitation } from "~/domain/invitations/revoke-invitation.server";
import { changeMemberRole } from "~/domain/members/change-member-role.server";
import { listMembers } from "~/domain/members/list-members.server";
import { formFailure, formGuarded, guarded } from "~/lib/http.server";
import { formValues, parseForm } from "~/lib/forms";
import { formatDate, ORGANISATION_TYPE_LABELS } from "~/lib/labels";
import { pageTitle } from "~/lib/meta";
import { requireActor } from "~/lib/session.server";
import { canChangeRole, canManageMembersOf, canRemoveMember, canWithdrawInvitation, grantableRoles, withheldCollaborativeRoles } from "~/policies/members";
import { canEditOrganisation } from "~/policies/organisations";
import { ROLE_LABELS } from "~/policies/roles";

export const meta: MetaFunction = () => pageTitle("Members");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return guarded(async () => {
    const orgs = await listMembers(context.database, actor);
    const who = policyActor(actor);
    return {
      isAdmin: who.role === "collaborative_admin",
      // Per organisation (`reach` stays on the server): collaborative-wide roles only where the actor is admin of every collaborative the organisation is in.
      // Actions the policies would refuse are not offered; `needsAdminOfEvery` marks those refused by that rule alone, which the page explains.
      orgs: orgs.map(({ reach, ...o }) => {
        const withheld = withheldCollaborativeRoles(who, o.orgId, reach);
        return {
          ...o,
          grantable: grantableRoles(who, reach),
          withheld,
          canInvite: canManageMembersOf(who, o.orgId),
          // The page lists current member organisations only.
          canEditDetails: canEditOrganisation(who, { orgId: o.orgId, leftOn: null }),
          members: o.members.map((m) => {
            const row = { userId: m.userId, orgId: o.orgId, role: m.role };
            const isYou = m.userId === actor.userId;
            return {
              ...m,
              isYou,
              canChange: grantableRoles(who, reach).some((r) => r !== m.role && canChangeRole(who, row, r, reach)),
              canRemove: canRemoveMember(who, row, reach),
              // Offered only where it would be made: not for someone who also works where the actor cannot invite them.
              canReset: m.mayReset,
              needsAdminOfEvery: !isYou && withheld.includes(m.role),
            };
          }),
          invitations: o.invitations.map((i) => ({
            ...i,
            canWithdraw: canWithdrawInvitation(who, { orgId: o.orgId, role: i.role }, reach),
            needsAdminOfEvery: withheld.includes(i.role),
          })),
        };
      }),
    };
  });
}

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("change-role"), membershipId: z.string().uuid(), role: z.enum(ROLES, { message: "Select a role" }) }),
  z.object({ intent: z.literal("revoke"), invitationId: z.string().uuid() }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const formData = await request.formData();
  const parsed = parseForm(formData, schema);
  if (!parsed.ok) return formFailure(parsed.errors, formValues(formData), 400, "That request was not understood. Reload the page and try again.");
  return formGuarded(parsed.values, async () => {
    if (parsed.data.intent === "change-role") {
      await changeMemberRole(context.database, actor, parsed.data.membershipId, parsed.data.role);
      throw redirect("/members?done=role-changed");
    }
    await revokeInvitation(context.database, actor, parsed.data.invitationId);
    throw redirect("/members?done=revoked");
  });
}

const DONE: Record<string, string> = {
  "role-changed": "The member's role was changed. It applies from their next page load.",
  revoked: "The invitation was withdrawn. Its link no longer works.",
  removed: "The member was removed and signed out everywhere.",
};

/** Who may act on a collaborative-wide role in an organisation (app/policies/members.ts, migration 0018). */
const ADMIN_OF_EVERY = "Only a collaborative admin in every collaborative this organisation belongs to";

const listOfRoles = (roles: readonly Role[]) => {
  const labels = roles.map((r) => ROLE_LABELS[r]);
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)!.toLowerCase()}` : labels[0];
};

export default function Members() {
  const { orgs, isAdmin } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = DONE[params.get("done") ?? ""];
  return (
    <>
      <ErrorSummary errors={result && !result.ok ? result.errors : undefined} message={result && !result.ok ? result.message : undefined} />
      {done && !result ? (
        <SuccessBanner>
          <p className="nhsuk-notification-banner__heading">{done}</p>
        </SuccessBanner>
      ) : null}
      <h1>Members</h1>
      <p>
        <Link to="/members/invite" className="nhsuk-button nhsuk-u-margin-bottom-0">
          Invite someone
        </Link>
        {isAdmin ? (
          <>
            {" "}
            <Link to="/organisations/new" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0">
              Add an organisation
            </Link>
          </>
        ) : null}
      </p>
      {orgs.map((org) => (
        <section key={org.orgId} aria-labelledby={`org-${org.orgId}`} className="nhsuk-u-margin-top-6">
          <h2 id={`org-${org.orgId}`}>
            {org.orgName} <span className="nhsuk-caption-m">{ORGANISATION_TYPE_LABELS[org.orgType]}</span>
          </h2>
          {org.canEditDetails ? (
            <p>
              <Link to={`/organisations/${org.orgId}/edit`}>
                Change its details<span className="nhsuk-u-visually-hidden"> ({org.orgName})</span>
              </Link>{" "}
              (name, type, ODS code and how to contact it)
            </p>
          ) : null}
          {isAdmin && org.withheld.length > 0 ? (
            <div className="nhsuk-inset-text" data-testid={`withheld-${org.orgId}`}>
              <p>
                {listOfRoles(org.withheld)} roles given in {org.orgName} apply in every collaborative it belongs to, and you are not admin in all of them. So here
                you cannot give, change or remove {org.withheld.length === 1 ? "that role" : "those roles"}, invite someone to {org.withheld.length === 1 ? "it" : "one"} or withdraw such an invitation.
              </p>
            </div>
          ) : null}
          {org.members.length === 0 ? (
            <p>No one from this organisation has joined yet.</p>
          ) : (
            <div className="peff-table-wrap">
              <table className="nhsuk-table">
                <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">People in {org.orgName}</caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th scope="col" className="nhsuk-table__header">Name</th>
                    <th scope="col" className="nhsuk-table__header">Email</th>
                    <th scope="col" className="nhsuk-table__header">Role</th>
                    <th scope="col" className="nhsuk-table__header">Actions</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {org.members.map((m) => (
                    <tr className="nhsuk-table__row" key={m.membershipId}>
                      <th scope="row" className="nhsuk-table__header">
                        {m.name}
                        {m.isYou ? " (you)" : ""}
                        {m.jobTitle ? <span className="nhsuk-body-s nhsuk-u-font-weight-normal peff-block">{m.jobTitle}</span> : null}
                      </th>
                      <td className="nhsuk-table__cell">{m.email}</td>
                      <td className="nhsuk-table__cell">
                        {m.canChange ? (
                          <Form method="post" className="peff-inline-form">
                            <input type="hidden" name="intent" value="change-role" />
                            <input type="hidden" name="membershipId" value={m.membershipId} />
                            <div className="nhsuk-form-group">
                              <label className="nhsuk-label nhsuk-u-visually-hidden" htmlFor={`role-${m.membershipId}`}>
                                Role for {m.name}
                              </label>
                              <select className="nhsuk-select" id={`role-${m.membershipId}`} name="role" defaultValue={m.role}>
                                {org.grantable.map((r) => (
                                  <option key={r} value={r}>
                                    {ROLE_LABELS[r]}
                                  </option>
                                ))}
                              </select>
                            </div>
                            <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
                              Change role<span className="nhsuk-u-visually-hidden"> for {m.name}</span>
                            </button>
                          </Form>
                        ) : (
                          ROLE_LABELS[m.role]
                        )}
                      </td>
                      <td className="nhsuk-table__cell">
                        {m.canRemove || m.canReset ? (
                          <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                            {m.canRemove ? (
                              <li className="nhsuk-u-margin-bottom-1">
                                <Link to={`/members/${m.membershipId}/remove`}>
                                  Remove<span className="nhsuk-u-visually-hidden"> {m.name}</span>
                                </Link>
                              </li>
                            ) : null}
                            {m.canReset ? (
                              <li className="nhsuk-u-margin-bottom-0">
                                <Link to={`/members/${m.membershipId}/reset-password`}>
                                  Password reset link<span className="nhsuk-u-visually-hidden"> for {m.name}</span>
                                </Link>
                              </li>
                            ) : (
                              <li className="nhsuk-u-margin-bottom-0 nhsuk-u-secondary-text-colour">
                                No password reset link: they also work in an organisation, or with a role, you do not manage.
                              </li>
                            )}
                          </ul>
                        ) : m.needsAdminOfEvery ? (
                          <span className="nhsuk-u-secondary-text-colour">{ADMIN_OF_EVERY} can change or remove a {ROLE_LABELS[m.role].toLowerCase()}.</span>
                        ) : (
                          <span className="nhsuk-u-secondary-text-colour">None</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {org.invitations.length > 0 ? (
            <>
              <h3>Pending invitations</h3>
              <ul className="nhsuk-list">
                {org.invitations.map((i) => (
                  <li key={i.id}>
                    {i.canWithdraw ? (
                      <Form method="post" className="peff-inline-form">
                        <span>
                          {i.email}, {ROLE_LABELS[i.role].toLowerCase()}, expires {formatDate(i.expiresAt)}
                        </span>
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="invitationId" value={i.id} />
                        <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
                          Withdraw<span className="nhsuk-u-visually-hidden"> invitation for {i.email}</span>
                        </button>
                      </Form>
                    ) : (
                      <>
                        {i.email}, {ROLE_LABELS[i.role].toLowerCase()}, expires {formatDate(i.expiresAt)}.{" "}
                        {i.needsAdminOfEvery ? <span className="nhsuk-u-secondary-text-colour">{ADMIN_OF_EVERY} can withdraw this invitation.</span> : null}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ))}
    </>
  );
}
