import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { collaborativeMembers, invitations, memberships } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import { resolveActor } from "../../app/domain/auth/resolve-actor.server";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { acceptInvitation } from "../../app/domain/invitations/accept-invitation.server";
import { createInvitation } from "../../app/domain/invitations/create-invitation.server";
import { getInvitationByToken } from "../../app/domain/invitations/get-invitation.server";
import { revokeInvitation } from "../../app/domain/invitations/revoke-invitation.server";
import { changeMemberRole } from "../../app/domain/members/change-member-role.server";
import { removeMember } from "../../app/domain/members/remove-member.server";
import { DomainError } from "../../app/domain/errors";
import { openTestDatabase } from "../support/db";
import { actorFor, createOrganisation, createUser, createWorld, TEST_PASSWORD, unique, type World } from "../support/factories";
import { cookieHeader, invitationToken, testConfig } from "../support/config";

let database: Database;
let world: World;
const config = testConfig();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

const newEmail = () => `${unique("invitee")}@test.example`;

async function expectDomainError(promise: Promise<unknown>, status: number) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).status).toBe(status);
  return error as DomainError;
}

describe("invitations", () => {
  it("lets a collaborative admin invite someone new, who sets a name and password, joins, and can sign in", async () => {
    const email = newEmail();
    const invitation = await createInvitation(database, config, world.actors.adminX, { orgId: world.orgs.a2, email, role: "contributor" });
    expect(invitation.url).toMatch(/^http:\/\/localhost:3000\/invitations\/[A-Za-z0-9_-]{43}$/);
    // Only a hash of the token is stored.
    const [row] = await database.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row!.tokenHash).not.toContain(invitationToken(invitation.url));

    const accepted = await acceptInvitation(database, { kind: "new-account", token: invitationToken(invitation.url), name: "New Person", password: "a long enough password" });
    expect(accepted.orgId).toBe(world.orgs.a2);
    const signedIn = await signIn(database, config, { email, password: "a long enough password", address: null });
    expect(signedIn.ok).toBe(true);
    const resolved = await resolveActor(database, config, signedIn.ok ? cookieHeader(signedIn.setCookie) : null);
    expect(resolved.status === "signed-in" && resolved.actor.active).toMatchObject({ orgId: world.orgs.a2, role: "contributor" });
  });

  it("works once: a second use is refused", async () => {
    const invitation = await createInvitation(database, config, world.actors.leadA, { orgId: world.orgs.a, email: newEmail(), role: "viewer" });
    const token = invitationToken(invitation.url);
    await acceptInvitation(database, { kind: "new-account", token, name: "Once", password: "a long enough password" });
    const error = await expectDomainError(acceptInvitation(database, { kind: "new-account", token, name: "Twice", password: "a long enough password" }), 410);
    expect(error.message).toMatch(/already been used/);
    expect((await getInvitationByToken(database, token))?.status).toBe("used");
  });

  it("expires", async () => {
    const invitation = await createInvitation(database, config, world.actors.leadA, { orgId: world.orgs.a, email: newEmail(), role: "viewer" });
    await database.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, invitation.id));
    const error = await expectDomainError(
      acceptInvitation(database, { kind: "new-account", token: invitationToken(invitation.url), name: "Late", password: "a long enough password" }),
      410,
    );
    expect(error.message).toMatch(/expired/);
  });

  it("can be withdrawn, after which the link no longer works", async () => {
    const invitation = await createInvitation(database, config, world.actors.leadA, { orgId: world.orgs.a, email: newEmail(), role: "viewer" });
    await revokeInvitation(database, world.actors.leadA, invitation.id);
    await expectDomainError(acceptInvitation(database, { kind: "new-account", token: invitationToken(invitation.url), name: "X", password: "a long enough password" }), 410);
  });

  it("is refused for a link that does not exist", async () => {
    await expectDomainError(acceptInvitation(database, { kind: "new-account", token: "nonsense", name: "X", password: "a long enough password" }), 404);
  });

  it("refuses an equality lead granting a collaborative-wide role, at the policy and in the database", async () => {
    await expectDomainError(createInvitation(database, config, world.actors.leadA, { orgId: world.orgs.a, email: newEmail(), role: "collaborative_admin" }), 403);
    await expectDomainError(createInvitation(database, config, world.actors.leadA, { orgId: world.orgs.a, email: newEmail(), role: "regional_lead" }), 403);
    // Even if the application check were skipped, RLS refuses the row.
    await expect(
      withTenant(database, tenantOf(world.actors.leadA), (tx) =>
        tx.insert(invitations).values({
          tokenHash: unique(),
          collaborativeId: world.collaboratives.x,
          orgId: world.orgs.a,
          email: newEmail(),
          role: "collaborative_admin",
          expiresAt: new Date(Date.now() + 86_400_000),
        }),
      ),
    ).rejects.toThrow();
  });

  it("refuses an equality lead inviting to another organisation, and roles without the right", async () => {
    await expectDomainError(createInvitation(database, config, world.actors.leadA, { orgId: world.orgs.a2, email: newEmail(), role: "viewer" }), 403);
    await expectDomainError(createInvitation(database, config, world.actors.contributorA, { orgId: world.orgs.a, email: newEmail(), role: "viewer" }), 403);
    await expectDomainError(createInvitation(database, config, world.actors.viewerA, { orgId: world.orgs.a, email: newEmail(), role: "viewer" }), 403);
    await expectDomainError(createInvitation(database, config, world.actors.adminY, { orgId: world.orgs.a, email: newEmail(), role: "viewer" }), 404);
  });

  it("refuses inviting someone who is already a member", async () => {
    const error = await expectDomainError(
      createInvitation(database, config, world.actors.leadA, { orgId: world.orgs.a, email: world.people.viewerA.email, role: "viewer" }),
      409,
    );
    expect(error.fields.email).toMatch(/already a member/);
  });

  it("lets someone with an account join a second organisation by proving their password", async () => {
    const invitation = await createInvitation(database, config, world.actors.adminX, { orgId: world.orgs.a2, email: world.people.viewerA.email, role: "viewer" });
    const token = invitationToken(invitation.url);
    await expectDomainError(acceptInvitation(database, { kind: "existing-account", token, password: "wrong" }), 422);
    await expectDomainError(acceptInvitation(database, { kind: "new-account", token, name: "Dup", password: "a long enough password" }), 409);
    const accepted = await acceptInvitation(database, { kind: "existing-account", token, password: TEST_PASSWORD });
    expect(accepted.userId).toBe(world.people.viewerA.id);
    const rows = await database.db.select().from(memberships).where(eq(memberships.userId, world.people.viewerA.id));
    expect(rows.map((r) => r.orgId).sort()).toEqual([world.orgs.a, world.orgs.a2].sort());
  });

  it("revokes earlier pending links for the same person when a new one is made", async () => {
    const email = newEmail();
    const first = await createInvitation(database, config, world.actors.leadA, { orgId: world.orgs.a, email, role: "viewer" });
    await createInvitation(database, config, world.actors.leadA, { orgId: world.orgs.a, email, role: "contributor" });
    expect((await getInvitationByToken(database, invitationToken(first.url)))?.status).toBe("revoked");
  });

  it("lets only one of two simultaneous acceptances succeed", async () => {
    const invitation = await createInvitation(database, config, world.actors.leadA, { orgId: world.orgs.a, email: newEmail(), role: "viewer" });
    const token = invitationToken(invitation.url);
    const results = await Promise.allSettled([
      acceptInvitation(database, { kind: "new-account", token, name: "One", password: "a long enough password" }),
      acceptInvitation(database, { kind: "new-account", token, name: "Two", password: "a long enough password" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const joined = await database.db.select().from(memberships).where(eq(memberships.orgId, world.orgs.a));
    const [row] = await database.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(joined.filter((m) => m.userId === row!.acceptedBy)).toHaveLength(1);
  });
});

describe("invitations and their inviter's rights", () => {
  const membershipOf = async (userId: string, orgId: string) =>
    (await database.db.select().from(memberships).where(eq(memberships.userId, userId))).find((m) => m.orgId === orgId)!.id;
  const statusOf = async (url: string) => (await getInvitationByToken(database, invitationToken(url)))?.status;
  const acceptAsNew = (url: string) => acceptInvitation(database, { kind: "new-account", token: invitationToken(url), name: "Back Again", password: "a long enough password" });

  it("withdraws a removed lead's pending links, so they cannot invite themselves back", async () => {
    const lead = await createUser(database, [[world.orgs.a, "equality_lead"]]);
    const backdoor = await createInvitation(database, config, await actorFor(database, lead, world.orgs.a), { orgId: world.orgs.a, email: newEmail(), role: "equality_lead" });
    const colleagues = await createInvitation(database, config, world.actors.leadA, { orgId: world.orgs.a, email: newEmail(), role: "viewer" });
    await removeMember(database, config, world.actors.leadA, await membershipOf(lead.id, world.orgs.a));
    expect(await statusOf(backdoor.url)).toBe("revoked");
    expect((await expectDomainError(acceptAsNew(backdoor.url), 410)).message).toMatch(/withdrawn/);
    // Links made by others are not touched.
    expect(await statusOf(colleagues.url)).toBe("valid");
  });

  it("withdraws the links a demoted lead could no longer make", async () => {
    const lead = await createUser(database, [[world.orgs.a, "equality_lead"]]);
    const link = await createInvitation(database, config, await actorFor(database, lead, world.orgs.a), { orgId: world.orgs.a, email: newEmail(), role: "viewer" });
    await changeMemberRole(database, world.actors.adminX, await membershipOf(lead.id, world.orgs.a), "contributor");
    expect(await statusOf(link.url)).toBe("revoked");
  });

  it("keeps the links the person could still make", async () => {
    const lead = await createUser(database, [
      [world.orgs.a, "equality_lead"],
      [world.orgs.a2, "equality_lead"],
    ]);
    const toA = await createInvitation(database, config, await actorFor(database, lead, world.orgs.a), { orgId: world.orgs.a, email: newEmail(), role: "viewer" });
    const toA2 = await createInvitation(database, config, await actorFor(database, lead, world.orgs.a2), { orgId: world.orgs.a2, email: newEmail(), role: "viewer" });
    await removeMember(database, config, world.actors.adminX, await membershipOf(lead.id, world.orgs.a2));
    expect(await statusOf(toA2.url)).toBe("revoked");
    expect(await statusOf(toA.url)).toBe("valid");
    // A new role that may still invite to A withdraws nothing more.
    await changeMemberRole(database, world.actors.adminX, await membershipOf(lead.id, world.orgs.a), "collaborative_admin");
    expect(await statusOf(toA.url)).toBe("valid");
  });

  it("refuses a link whose inviter can no longer invite, even one the remover could not see", async () => {
    // An organisation in both collaboratives: its lead invites while acting in Y, and is removed by X's admin.
    const shared = await createOrganisation(database, world.collaboratives.x);
    await database.db.insert(collaborativeMembers).values({ collaborativeId: world.collaboratives.y, orgId: shared });
    const lead = await createUser(database, [[shared, "equality_lead"]]);
    const inY = await createInvitation(database, config, await actorFor(database, lead, shared, world.collaboratives.y), { orgId: shared, email: newEmail(), role: "equality_lead" });
    await removeMember(database, config, world.actors.adminX, await membershipOf(lead.id, shared));
    expect(await statusOf(inY.url)).toBe("inviter-lacks-rights");
    expect((await expectDomainError(acceptAsNew(inY.url), 410)).message).toMatch(/can no longer invite/);
    const [row] = await database.db.select().from(invitations).where(eq(invitations.id, inY.id));
    expect(row!.acceptedAt).toBeNull();
  });
});
