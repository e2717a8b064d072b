import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { invitations, type Role } from "../../db/schema";
import { createInvitation } from "../../app/domain/invitations/create-invitation.server";
import { action as membersAction, loader as membersLoader } from "../../app/routes/members._index";
import { loader as inviteLoader } from "../../app/routes/members.invite";
import { testConfig } from "../support/config";
import { openTestDatabase } from "../support/db";
import { actorFor, createOrganisation, createUser, unique, type TestUser } from "../support/factories";
import { trustInTwoCollaboratives } from "../support/shared-trust";
import { callRoute } from "../support/routes";

/**
 * The members page and the invitation form offer only what the member policies allow, and say why
 * collaborative-wide roles are held back. Trust Y is in PEFF and WEFF: PEFF's admin alone may not
 * act on a collaborative-wide role there, an admin of both may (app/policies/members.ts, 0018).
 */
let database: Database;
const config = testConfig();
const newEmail = () => `${unique("invitee")}@test.example`;

async function scenario() {
  const world = await trustInTwoCollaboratives(database);
  const { icb, trustY } = world.orgs;
  const trustP = await createOrganisation(database, world.collaboratives.peff, { type: "community_trust" });
  const people = { ...world.people, leadP: await createUser(database, [[trustP, "equality_lead"]]) };
  const bothAdmin = await actorFor(database, people.bothAdmin, icb, world.collaboratives.peff);
  const invite = async (orgId: string, role: Role) => (await createInvitation(database, config, bothAdmin, { orgId, email: newEmail(), role })).id;
  return {
    orgs: { icb, trustY, trustP },
    people,
    invitations: { regionalAtY: await invite(trustY, "regional_lead"), viewerAtY: await invite(trustY, "viewer"), regionalAtP: await invite(trustP, "regional_lead") },
  };
}
let s: Awaited<ReturnType<typeof scenario>>;

beforeAll(async () => {
  database = await openTestDatabase();
  s = await scenario();
});
afterAll(() => database?.close());

interface PageOrg {
  orgId: string;
  withheld: Role[];
  grantable: Role[];
  members: { userId: string; canChange: boolean; canRemove: boolean; needsAdminOfEvery: boolean }[];
  invitations: { id: string; canWithdraw: boolean; needsAdminOfEvery: boolean }[];
}

async function membersPage(user: TestUser) {
  const answer = await callRoute(database, membersLoader, user, "/members");
  expect(answer.status).toBe(200);
  const orgs = (answer.body as { orgs: PageOrg[] }).orgs;
  const org = (orgId: string) => orgs.find((o) => o.orgId === orgId)!;
  return {
    org,
    invitation: (orgId: string, id: string) => org(orgId).invitations.find((i) => i.id === id)!,
    member: (orgId: string, userId: string) => org(orgId).members.find((m) => m.userId === userId)!,
  };
}

async function isPending(id: string): Promise<boolean> {
  const [row] = await database.db.select({ revokedAt: invitations.revokedAt }).from(invitations).where(eq(invitations.id, id));
  return row!.revokedAt === null;
}

describe("the members page in an organisation of two collaboratives", () => {
  it("does not offer PEFF's admin to withdraw or manage collaborative-wide roles at Trust Y, and marks why", async () => {
    const page = await membersPage(s.people.peffAdmin);
    expect(page.invitation(s.orgs.trustY, s.invitations.regionalAtY)).toMatchObject({ canWithdraw: false, needsAdminOfEvery: true });
    expect(page.invitation(s.orgs.trustY, s.invitations.viewerAtY)).toMatchObject({ canWithdraw: true, needsAdminOfEvery: false });
    expect(page.member(s.orgs.trustY, s.people.weffAdminAtY.id)).toMatchObject({ canChange: false, canRemove: false, needsAdminOfEvery: true });
    expect(page.member(s.orgs.trustY, s.people.viewerY.id)).toMatchObject({ canChange: true, canRemove: true, needsAdminOfEvery: false });
    expect(page.org(s.orgs.trustY).withheld).toEqual(["collaborative_admin", "regional_lead"]);
    expect(page.org(s.orgs.trustY).grantable).not.toContain("regional_lead");
    // A PEFF-only organisation is PEFF's admin's to manage in full.
    expect(page.invitation(s.orgs.trustP, s.invitations.regionalAtP)).toMatchObject({ canWithdraw: true, needsAdminOfEvery: false });
    expect(page.org(s.orgs.trustP).withheld).toEqual([]);
  });

  it("offers all of it to an admin of every collaborative Trust Y belongs to", async () => {
    const page = await membersPage(s.people.bothAdmin);
    expect(page.invitation(s.orgs.trustY, s.invitations.regionalAtY)).toMatchObject({ canWithdraw: true, needsAdminOfEvery: false });
    expect(page.member(s.orgs.trustY, s.people.weffAdminAtY.id)).toMatchObject({ canChange: true, canRemove: true, needsAdminOfEvery: false });
    expect(page.org(s.orgs.trustY).withheld).toEqual([]);
    expect(page.org(s.orgs.trustY).grantable).toContain("regional_lead");
  });

  it("does not offer an equality lead to withdraw an invitation to a collaborative-wide role in their organisation", async () => {
    const page = await membersPage(s.people.leadP);
    expect(page.invitation(s.orgs.trustP, s.invitations.regionalAtP)).toMatchObject({ canWithdraw: false, needsAdminOfEvery: true });
  });

  it("still refuses the withdrawal if posted, saying why, and keeps the invitation", async () => {
    const refused = await callRoute(database, membersAction, s.people.peffAdmin, "/members", { form: { intent: "revoke", invitationId: s.invitations.regionalAtY } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ ok: false, message: expect.stringMatching(/Only a collaborative admin in every collaborative/) });
    expect(await isPending(s.invitations.regionalAtY)).toBe(true);
    const done = await callRoute(database, membersAction, s.people.bothAdmin, "/members", { form: { intent: "revoke", invitationId: s.invitations.regionalAtY } });
    expect(done.status).toBe(302);
    expect(await isPending(s.invitations.regionalAtY)).toBe(false);
  });

  it("offers on the invitation form, per organisation, only the roles that may be granted there", async () => {
    const answer = await callRoute(database, inviteLoader, s.people.peffAdmin, "/members/invite");
    const orgs = (answer.body as { organisations: { id: string; roles: Role[]; withheld: Role[] }[] }).organisations;
    const trustY = orgs.find((o) => o.id === s.orgs.trustY)!;
    expect(trustY.roles).not.toContain("collaborative_admin");
    expect(trustY.roles).toContain("equality_lead");
    expect(trustY.withheld).toEqual(["collaborative_admin", "regional_lead"]);
    expect(orgs.find((o) => o.id === s.orgs.icb)!.roles).toContain("collaborative_admin");
  });
});
