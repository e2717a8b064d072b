import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../../db/client";
import { collaborativeMembers, invitations, memberships, type Role } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { type Actor, policyActor, tenantOf } from "../../app/domain/auth/actor";
import { DomainError } from "../../app/domain/errors";
import { acceptInvitation } from "../../app/domain/invitations/accept-invitation.server";
import { createInvitation } from "../../app/domain/invitations/create-invitation.server";
import { revokeInvitation } from "../../app/domain/invitations/revoke-invitation.server";
import { changeMemberRole } from "../../app/domain/members/change-member-role.server";
import { listInvitableOrganisations } from "../../app/domain/members/invitable-organisations.server";
import { listMembers } from "../../app/domain/members/list-members.server";
import { removeMember } from "../../app/domain/members/remove-member.server";
import { grantableRoles, rolesGrantableInAny } from "../../app/policies/members";
import { openTestDatabase } from "../support/db";
import { actorFor, createUser, unique } from "../support/factories";
import { trustInTwoCollaboratives } from "../support/shared-trust";
import { invitationToken, testConfig } from "../support/config";

/**
 * A role belongs to a membership of one organisation and applies in every collaborative that
 * organisation belongs to. Trust Y is in PEFF and WEFF, so a collaborative-wide role there is one in
 * WEFF too: PEFF's admin alone must not grant, change or remove it (migration 0018 and
 * app/policies/members.ts).
 */
let database: Database;
const config = testConfig();
const newEmail = () => `${unique("invitee")}@test.example`;

async function scenario() {
  const world = await trustInTwoCollaboratives(database);
  const { icb } = world.orgs;
  return {
    ...world,
    actors: {
      peffAdmin: await actorFor(database, world.people.peffAdmin, icb),
      bothAdmin: await actorFor(database, world.people.bothAdmin, icb, world.collaboratives.peff),
    },
  };
}
type Scenario = Awaited<ReturnType<typeof scenario>>;
let s: Scenario;

beforeAll(async () => {
  database = await openTestDatabase();
  s = await scenario();
});
afterAll(() => database?.close());

async function membershipId(userId: string, orgId: string): Promise<string> {
  const [row] = await database.db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
  return row!.id;
}

async function roleOf(userId: string, orgId: string): Promise<Role | undefined> {
  const [row] = await database.db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
  return row?.role;
}

async function status(promise: Promise<unknown>): Promise<number> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).status;
}

/** A raw statement as the app role in the actor's tenant context, as a forgotten app check would run it: rows changed, or "refused". */
async function asApp(actor: Actor, statement: ReturnType<typeof sql>): Promise<number | "refused"> {
  try {
    return await withTenant(database, tenantOf(actor), async (tx) => rowsOf(await tx.execute(statement)).length);
  } catch (error) {
    if (/row-level security|permission denied/i.test(String((error as Error).message) + String((error as { cause?: Error }).cause?.message))) return "refused";
    throw error;
  }
}

const inviteRow = (actor: Actor, orgId: string, role: Role) =>
  sql`insert into invitations (token_hash, collaborative_id, org_id, email, role, created_by, expires_at)
      values (${randomUUID()}, ${actor.active.collaborativeId}, ${orgId}, ${newEmail()}, ${role}, ${actor.userId}, now() + interval '1 day') returning 1`;

describe("collaborative-wide roles in an organisation of two collaboratives", () => {
  it("refuses PEFF's admin inviting themselves (or anyone) to Trust Y as collaborative admin or regional lead", async () => {
    const { peffAdmin } = s.actors;
    expect(await status(createInvitation(database, config, peffAdmin, { orgId: s.orgs.trustY, email: s.people.peffAdmin.email, role: "collaborative_admin" }))).toBe(403);
    expect(await status(createInvitation(database, config, peffAdmin, { orgId: s.orgs.trustY, email: newEmail(), role: "regional_lead" }))).toBe(403);
    const made = await database.db.select().from(invitations).where(eq(invitations.orgId, s.orgs.trustY));
    expect(made.filter((i) => i.role === "collaborative_admin" || i.role === "regional_lead")).toEqual([]);
    // The other roles are as before, and PEFF-only organisations are PEFF's admin's to manage.
    await createInvitation(database, config, peffAdmin, { orgId: s.orgs.trustY, email: newEmail(), role: "equality_lead" });
    await createInvitation(database, config, peffAdmin, { orgId: s.orgs.icb, email: newEmail(), role: "collaborative_admin" });
  });

  it("refuses PEFF's admin demoting or removing WEFF's admin whose admin membership is at Trust Y", async () => {
    const weffAdmin = await membershipId(s.people.weffAdminAtY.id, s.orgs.trustY);
    expect(await status(changeMemberRole(database, s.actors.peffAdmin, weffAdmin, "viewer"))).toBe(403);
    expect(await status(removeMember(database, config, s.actors.peffAdmin, weffAdmin))).toBe(403);
    expect(await roleOf(s.people.weffAdminAtY.id, s.orgs.trustY)).toBe("collaborative_admin");
  });

  it("refuses PEFF's admin making a member of Trust Y collaborative admin or regional lead, and still allows the other roles", async () => {
    const viewer = await membershipId(s.people.viewerY.id, s.orgs.trustY);
    expect(await status(changeMemberRole(database, s.actors.peffAdmin, viewer, "collaborative_admin"))).toBe(403);
    expect(await status(changeMemberRole(database, s.actors.peffAdmin, viewer, "regional_lead"))).toBe(403);
    expect(await roleOf(s.people.viewerY.id, s.orgs.trustY)).toBe("viewer");
    await changeMemberRole(database, s.actors.peffAdmin, viewer, "contributor");
    expect(await roleOf(s.people.viewerY.id, s.orgs.trustY)).toBe("contributor");
    await changeMemberRole(database, s.actors.peffAdmin, viewer, "viewer");
  });

  it("is refused by the database too, when the app's checks are skipped", async () => {
    const { peffAdmin, bothAdmin } = s.actors;
    const weffAdmin = await membershipId(s.people.weffAdminAtY.id, s.orgs.trustY);
    const viewer = await membershipId(s.people.viewerY.id, s.orgs.trustY);
    expect(await asApp(peffAdmin, inviteRow(peffAdmin, s.orgs.trustY, "collaborative_admin"))).toBe("refused");
    expect(await asApp(peffAdmin, inviteRow(peffAdmin, s.orgs.trustY, "regional_lead"))).toBe("refused");
    expect(
      await asApp(peffAdmin, sql`insert into memberships (user_id, org_id, role) values (${s.people.peffAdmin.id}, ${s.orgs.trustY}, 'collaborative_admin') returning 1`),
    ).toBe("refused");
    // Changing to a collaborative-wide role fails the new row's check; from one, or removing one, finds no row it may touch.
    expect(await asApp(peffAdmin, sql`update memberships set role = 'regional_lead' where id = ${viewer} returning 1`)).toBe("refused");
    expect(await asApp(peffAdmin, sql`update memberships set role = 'viewer' where id = ${weffAdmin} returning 1`)).toBe(0);
    expect(await asApp(peffAdmin, sql`delete from memberships where id = ${weffAdmin} returning 1`)).toBe(0);
    expect(await roleOf(s.people.weffAdminAtY.id, s.orgs.trustY)).toBe("collaborative_admin");
    expect(await roleOf(s.people.viewerY.id, s.orgs.trustY)).toBe("viewer");
    // A pending collaborative-wide invitation there is a grant in flight: PEFF's admin cannot withdraw it either.
    const pending = await createInvitation(database, config, bothAdmin, { orgId: s.orgs.trustY, email: newEmail(), role: "regional_lead" });
    expect(await asApp(peffAdmin, sql`update invitations set revoked_at = now() where id = ${pending.id} returning 1`)).toBe(0);
    expect(await status(revokeInvitation(database, peffAdmin, pending.id))).toBe(403);
    // The same context still writes the organisation roles there (the rules for them are unchanged).
    const newcomer = await createUser(database);
    expect(await asApp(peffAdmin, sql`insert into memberships (user_id, org_id, role) values (${newcomer.id}, ${s.orgs.trustY}, 'contributor') returning 1`)).toBe(1);
    expect(await asApp(peffAdmin, inviteRow(peffAdmin, s.orgs.trustY, "viewer"))).toBe(1);
  });

  it("lets an admin of every collaborative Trust Y is in grant, change and remove those roles, and the invitation be accepted", async () => {
    const { bothAdmin } = s.actors;
    const email = newEmail();
    const invitation = await createInvitation(database, config, bothAdmin, { orgId: s.orgs.trustY, email, role: "regional_lead" });
    const accepted = await acceptInvitation(database, { kind: "new-account", token: invitationToken(invitation.url), name: "New Regional Lead", password: "a long enough password" });
    expect(await roleOf(accepted.userId, s.orgs.trustY)).toBe("regional_lead");
    const joined = await membershipId(accepted.userId, s.orgs.trustY);
    await changeMemberRole(database, bothAdmin, joined, "collaborative_admin");
    expect(await roleOf(accepted.userId, s.orgs.trustY)).toBe("collaborative_admin");
    await removeMember(database, config, bothAdmin, joined);
    expect(await roleOf(accepted.userId, s.orgs.trustY)).toBeUndefined();
    // WEFF's admin at Trust Y is admin of both by that one membership, acting from PEFF as well.
    const fromTrust = await actorFor(database, s.people.weffAdminAtY, s.orgs.trustY, s.collaboratives.peff);
    expect(await asApp(fromTrust, inviteRow(fromTrust, s.orgs.trustY, "collaborative_admin"))).toBe(1);
    expect(await asApp(bothAdmin, inviteRow(bothAdmin, s.orgs.trustY, "collaborative_admin"))).toBe(1);
  });

  it("offers collaborative-wide roles on the members page and the invitation form only where they can be granted", async () => {
    const who = policyActor(s.actors.peffAdmin);
    const invitable = await listInvitableOrganisations(database, s.actors.peffAdmin);
    const trust = invitable.find((o) => o.id === s.orgs.trustY)!;
    expect([...trust.reach.orgCollaborativeIds].sort()).toEqual([s.collaboratives.peff, s.collaboratives.weff].sort());
    expect(rolesGrantableInAny(who, [trust.reach])).not.toContain("collaborative_admin");
    expect(rolesGrantableInAny(who, invitable.map((o) => o.reach))).toContain("collaborative_admin");
    const orgs = await listMembers(database, s.actors.peffAdmin);
    expect(grantableRoles(who, orgs.find((o) => o.orgId === s.orgs.trustY)!.reach)).not.toContain("regional_lead");
    expect(grantableRoles(who, orgs.find((o) => o.orgId === s.orgs.icb)!.reach)).toContain("regional_lead");
  });

  it("follows the organisation's current collaboratives: once Trust Y has left WEFF, PEFF's admin decides alone", async () => {
    const own = await scenario();
    await database.db
      .update(collaborativeMembers)
      .set({ joinedOn: "2025-04-01", leftOn: "2026-01-01" })
      .where(and(eq(collaborativeMembers.orgId, own.orgs.trustY), eq(collaborativeMembers.collaborativeId, own.collaboratives.weff)));
    await createInvitation(database, config, own.actors.peffAdmin, { orgId: own.orgs.trustY, email: newEmail(), role: "collaborative_admin" });
    const viewer = await membershipId(own.people.viewerY.id, own.orgs.trustY);
    await changeMemberRole(database, own.actors.peffAdmin, viewer, "regional_lead");
    expect(await roleOf(own.people.viewerY.id, own.orgs.trustY)).toBe("regional_lead");
  });
});
