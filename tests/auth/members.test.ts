import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { collaborativeMembers, memberships } from "../../db/schema";
import { resolveActor } from "../../app/domain/auth/resolve-actor.server";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { DomainError } from "../../app/domain/errors";
import { changeMemberRole } from "../../app/domain/members/change-member-role.server";
import { listMembers } from "../../app/domain/members/list-members.server";
import { removeMember } from "../../app/domain/members/remove-member.server";
import { recordLeaving } from "../../app/domain/collaborative/record-leaving.server";
import { createInvitation } from "../../app/domain/invitations/create-invitation.server";
import { todayIso } from "../../app/lib/plan/dates";
import { openTestDatabase } from "../support/db";
import { createOrganisation, createUser, createWorld, TEST_PASSWORD, unique, type World } from "../support/factories";
import { cookieHeader, testConfig } from "../support/config";

let database: Database;
let world: World;
const config = testConfig();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

async function membershipOf(userId: string, orgId: string) {
  const rows = await database.db.select().from(memberships).where(eq(memberships.userId, userId));
  return rows.find((r) => r.orgId === orgId)!;
}

async function statusOf(email: string) {
  const result = await signIn(database, config, { email, password: TEST_PASSWORD, address: null });
  if (!result.ok) throw new Error("sign-in failed");
  return cookieHeader(result.setCookie);
}

async function rejects(promise: Promise<unknown>, status: number) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).status).toBe(status);
}

describe("members", () => {
  it("shows an admin every member organisation and an equality lead only their own", async () => {
    const forAdmin = await listMembers(database, world.actors.adminX);
    expect(forAdmin.map((o) => o.orgId).sort()).toEqual([world.orgs.a, world.orgs.a2].sort());
    const forLead = await listMembers(database, world.actors.leadA);
    expect(forLead.map((o) => o.orgId)).toEqual([world.orgs.a]);
    expect(forLead[0]!.members.map((m) => m.userId)).toContain(world.people.viewerA.id);
    await rejects(listMembers(database, world.actors.viewerA), 403);
  });

  it("lets an equality lead change a role in their organisation, effective on the next request", async () => {
    const person = await createUser(database, [[world.orgs.a, "viewer"]]);
    const cookie = await statusOf(person.email);
    const m = await membershipOf(person.id, world.orgs.a);
    await changeMemberRole(database, world.actors.leadA, m.id, "contributor");
    const after = await resolveActor(database, config, cookie);
    expect(after.status === "signed-in" && after.actor.active.role).toBe("contributor");
  });

  it("refuses role changes beyond the actor's reach", async () => {
    const person = await createUser(database, [[world.orgs.a, "viewer"]]);
    const m = await membershipOf(person.id, world.orgs.a);
    await rejects(changeMemberRole(database, world.actors.leadA, m.id, "collaborative_admin"), 403);
    await rejects(changeMemberRole(database, world.actors.leadA2, m.id, "contributor"), 403);
    await rejects(changeMemberRole(database, world.actors.contributorA, m.id, "contributor"), 403);
    await rejects(changeMemberRole(database, world.actors.adminY, m.id, "contributor"), 404);
    // Nobody changes their own role (an organisation could lose its last lead).
    await rejects(changeMemberRole(database, world.actors.leadA, (await membershipOf(world.people.leadA.id, world.orgs.a)).id, "viewer"), 403);
    expect((await membershipOf(person.id, world.orgs.a)).role).toBe("viewer");
    // An admin may grant anything.
    await changeMemberRole(database, world.actors.adminX, m.id, "regional_lead");
    expect((await membershipOf(person.id, world.orgs.a)).role).toBe("regional_lead");
  });

  it("removal deletes the membership and ends every session of that person", async () => {
    const person = await createUser(database, [[world.orgs.a, "contributor"]]);
    const cookies = [await statusOf(person.email), await statusOf(person.email)];
    const m = await membershipOf(person.id, world.orgs.a);
    await rejects(removeMember(database, config, world.actors.leadA2, m.id), 403);
    await removeMember(database, config, world.actors.leadA, m.id);
    for (const cookie of cookies) expect((await resolveActor(database, config, cookie)).status).toBe("anonymous");
    expect(await database.db.select().from(memberships).where(eq(memberships.userId, person.id))).toEqual([]);
  });

  it("a person removed from one of two organisations keeps the other", async () => {
    const person = await createUser(database, [
      [world.orgs.a, "contributor"],
      [world.orgs.a2, "viewer"],
    ]);
    await removeMember(database, config, world.actors.adminX, (await membershipOf(person.id, world.orgs.a)).id);
    const after = await resolveActor(database, config, await statusOf(person.email));
    expect(after.status === "signed-in" && after.actor.contexts.map((c) => c.orgId)).toEqual([world.orgs.a2]);
  });
});

describe("an organisation that has left the collaborative", () => {
  /**
   * Once an organisation has left, its people are no longer the collaborative's: its admin no
   * longer manages them (here or, through the organisation's other collaborative, anywhere).
   * The members page stops listing it; an old link or a posted form must be refused too.
   */
  it("is no longer managed by the collaborative's admin: no role change, removal or invitation", async () => {
    const orgC = await createOrganisation(database, world.collaboratives.x);
    // C also belongs to Y, where its people go on working.
    await database.db.insert(collaborativeMembers).values({ collaborativeId: world.collaboratives.y, orgId: orgC });
    const person = await createUser(database, [[orgC, "viewer"]]);
    const m = await membershipOf(person.id, orgC);
    await recordLeaving(database, world.actors.adminX, orgC, todayIso());

    await rejects(changeMemberRole(database, world.actors.adminX, m.id, "contributor"), 403);
    await rejects(removeMember(database, config, world.actors.adminX, m.id), 403);
    await rejects(createInvitation(database, config, world.actors.adminX, { orgId: orgC, email: `${unique("late")}@test.example`, role: "viewer" }), 403);
    expect(await membershipOf(person.id, orgC)).toMatchObject({ role: "viewer" });
    const after = await resolveActor(database, config, await statusOf(person.email));
    expect(after.status === "signed-in" && after.actor.contexts.map((c) => c.collaborativeId)).toEqual([world.collaboratives.y]);
    // Y's admin still manages C.
    await changeMemberRole(database, world.actors.adminY, m.id, "contributor");
    expect(await membershipOf(person.id, orgC)).toMatchObject({ role: "contributor" });
  });
});
