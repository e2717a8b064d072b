import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Tx } from "../../db/client";
import { collaborativeMembers, invitations, memberships, type Role } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { tenantOf, type Actor } from "../../app/domain/auth/actor";
import { randomToken, sha256 } from "../../app/domain/auth/crypto.server";
import { holdLeaving, recordLeaving } from "../../app/domain/collaborative/record-leaving.server";
import { DomainError } from "../../app/domain/errors";
import { createInvitation } from "../../app/domain/invitations/create-invitation.server";
import { revokeInvitationsBeyondReach } from "../../app/domain/invitations/inviter-rights.server";
import { changeMemberRole } from "../../app/domain/members/change-member-role.server";
import { holdMembers, holdMembershipChange, keepAnAdminWhenLeaving } from "../../app/domain/members/hold-membership.server";
import { removeMember } from "../../app/domain/members/remove-member.server";
import { todayIso } from "../../app/lib/plan/dates";
import { openTestDatabase } from "../support/db";
import { actorFor, createCollaborative, createOrganisation, createUser } from "../support/factories";
import { testConfig } from "../support/config";
import { heldTransaction, stillWaiting } from "../support/held-transaction";

/**
 * Each role change or removal was authorised with the role the acting person had when their
 * request began, and checked nothing about the admins that would remain. Two collaborative admins
 * demoting (or removing) each other at the same moment both passed, each seeing the other's
 * change uncommitted, and the collaborative was left with no admin at all. Now a change takes the
 * collaborative's members lock and reads the actor's role again under it. PGlite has one
 * connection, so two transactions never overlap there: the concurrent cases need PostgreSQL.
 */
const postgres = Boolean(process.env.DATABASE_URL);
const config = testConfig();

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

/** A collaborative with two organisations, each with one collaborative admin and nobody else admin. */
async function twoAdmins() {
  const collaborativeId = await createCollaborative(database);
  const orgP = await createOrganisation(database, collaborativeId);
  const orgQ = await createOrganisation(database, collaborativeId);
  const p = await createUser(database, [[orgP, "collaborative_admin"]]);
  const q = await createUser(database, [[orgQ, "collaborative_admin"]]);
  const membershipOf = async (userId: string, orgId: string) =>
    (await database.db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId))))[0]!.id;
  return {
    collaborativeId,
    orgP,
    orgQ,
    adminP: await actorFor(database, p, orgP),
    adminQ: await actorFor(database, q, orgQ),
    membershipP: await membershipOf(p.id, orgP),
    membershipQ: await membershipOf(q.id, orgQ),
  };
}

/** The collaborative's admins as the database now has them (in its current member organisations). */
async function adminsOf(collaborativeId: string) {
  const rows = await database.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(collaborativeMembers, and(eq(collaborativeMembers.orgId, memberships.orgId), isNull(collaborativeMembers.leftOn)))
    .where(and(eq(collaborativeMembers.collaborativeId, collaborativeId), eq(memberships.role, "collaborative_admin")));
  return rows.map((r) => r.userId);
}

async function outcome(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error === null) return "done" as const;
  expect(error).toBeInstanceOf(DomainError);
  const { status, message } = error as DomainError;
  return { status, message };
}

/** What changeMemberRole does for `actor`, as the step of a held transaction: hold the change, then make it. */
const demoteIn = (actor: Actor, membershipId: string, role: Role) => async (tx: Tx) => {
  await holdMembershipChange(tx, actor, membershipId);
  await tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId));
};

describe("an admin demoted by a change that has committed", () => {
  it("is refused, saying their own role changed, and the other admin stays admin", async () => {
    const w = await twoAdmins();
    // Q's Actor was read when Q's request began; P's change commits before Q's runs.
    await changeMemberRole(database, w.adminP, w.membershipQ, "equality_lead");
    expect(await outcome(changeMemberRole(database, w.adminQ, w.membershipP, "viewer"))).toEqual({
      status: 403,
      message: expect.stringMatching(/your own role has just changed to equality lead/i),
    });
    expect(await outcome(removeMember(database, config, w.adminQ, w.membershipP))).toEqual({
      status: 403,
      message: expect.stringMatching(/your own role has just changed to equality lead/i),
    });
    expect(await adminsOf(w.collaborativeId)).toEqual([w.adminP.userId]);
  });

  it("is refused once removed, saying so", async () => {
    const w = await twoAdmins();
    await removeMember(database, config, w.adminP, w.membershipQ);
    expect(await outcome(changeMemberRole(database, w.adminQ, w.membershipP, "viewer"))).toEqual({
      status: 403,
      message: expect.stringMatching(/no longer a member of/i),
    });
    expect(await adminsOf(w.collaborativeId)).toEqual([w.adminP.userId]);
  });
});

describe.skipIf(!postgres)("two admins demoting or removing each other at the same moment", () => {
  it("a demotion waits for the other admin's demotion in flight, then is refused; one admin remains", async () => {
    const w = await twoAdmins();
    const first = heldTransaction(database, w.adminP, demoteIn(w.adminP, w.membershipQ, "equality_lead"));
    await first.held;
    const second = changeMemberRole(database, w.adminQ, w.membershipP, "equality_lead");
    expect(await stillWaiting(second)).toBe(true);
    first.release();
    await first.done;
    expect(await outcome(second)).toEqual({ status: 403, message: expect.stringMatching(/your own role has just changed to equality lead/i) });
    expect(await adminsOf(w.collaborativeId)).toEqual([w.adminP.userId]);
  });

  it("a removal waits the same way", async () => {
    const w = await twoAdmins();
    const first = heldTransaction(database, w.adminP, demoteIn(w.adminP, w.membershipQ, "viewer"));
    await first.held;
    const second = removeMember(database, config, w.adminQ, w.membershipP);
    expect(await stillWaiting(second)).toBe(true);
    first.release();
    await first.done;
    expect(await outcome(second)).toEqual({ status: 403, message: expect.stringMatching(/your own role has just changed to viewer/i) });
    expect(await adminsOf(w.collaborativeId)).toEqual([w.adminP.userId]);
  });

  it("fired together, exactly one of two demotions (or removals) is made", async () => {
    for (const kind of ["demote", "remove"] as const) {
      const w = await twoAdmins();
      const act = (actor: Actor, membershipId: string) =>
        kind === "demote" ? changeMemberRole(database, actor, membershipId, "contributor") : removeMember(database, config, actor, membershipId);
      const results = await Promise.all([outcome(act(w.adminP, w.membershipQ)), outcome(act(w.adminQ, w.membershipP))]);
      expect(results.filter((r) => r === "done")).toHaveLength(1);
      expect(results.find((r) => r !== "done")).toEqual({ status: 403, message: expect.stringMatching(/your own role has just changed|no longer a member of/i) });
      const admins = await adminsOf(w.collaborativeId);
      expect(admins).toHaveLength(1);
      expect([w.adminP.userId, w.adminQ.userId]).toContain(admins[0]);
    }
  });
});

/** When the organisation left the collaborative, as the database now has it (null: still a member). */
async function leftOnOf(collaborativeId: string, orgId: string) {
  const [row] = await database.db
    .select({ leftOn: collaborativeMembers.leftOn })
    .from(collaborativeMembers)
    .where(and(eq(collaborativeMembers.collaborativeId, collaborativeId), eq(collaborativeMembers.orgId, orgId)));
  return row!.leftOn;
}

/** What recordLeaving does for `actor`, as the step of a held transaction: hold the leaving, then record it. */
const recordLeavingIn = (actor: Actor, orgId: string, leftOn: string) => async (tx: Tx) => {
  await holdLeaving(tx, actor, orgId);
  await tx
    .update(collaborativeMembers)
    .set({ leftOn })
    .where(and(eq(collaborativeMembers.collaborativeId, actor.active.collaborativeId), eq(collaborativeMembers.orgId, orgId)));
};

const OWN_ORGANISATION_LEFT = /has just been recorded as having left .*, so nothing was changed/i;

/**
 * Recording that an organisation left took a row lock on that organisation's membership of the
 * collaborative only. Two admins in different organisations, each recording the other's leaving,
 * locked different rows, both passed with the role their requests began with, and the
 * collaborative lost both its admins. It now takes the collaborative's members lock too.
 */
describe("an admin whose organisation has just been recorded as having left", () => {
  it("is refused, saying so, and the other organisation stays with its admin", async () => {
    const w = await twoAdmins();
    const today = todayIso();
    await recordLeaving(database, w.adminP, w.orgQ, today);
    expect(await outcome(recordLeaving(database, w.adminQ, w.orgP, today))).toEqual({ status: 403, message: expect.stringMatching(OWN_ORGANISATION_LEFT) });
    expect(await leftOnOf(w.collaborativeId, w.orgP)).toBeNull();
    expect(await adminsOf(w.collaborativeId)).toEqual([w.adminP.userId]);
    // So is a role change or removal they had begun.
    expect(await outcome(changeMemberRole(database, w.adminQ, w.membershipP, "viewer"))).toEqual({ status: 403, message: expect.stringMatching(OWN_ORGANISATION_LEFT) });
    expect(await outcome(removeMember(database, config, w.adminQ, w.membershipP))).toEqual({ status: 403, message: expect.stringMatching(OWN_ORGANISATION_LEFT) });
    expect(await adminsOf(w.collaborativeId)).toEqual([w.adminP.userId]);
  });

  it("is refused once demoted, saying their own role changed, and nothing is recorded", async () => {
    const w = await twoAdmins();
    await changeMemberRole(database, w.adminP, w.membershipQ, "equality_lead");
    expect(await outcome(recordLeaving(database, w.adminQ, w.orgP, todayIso()))).toEqual({
      status: 403,
      message: expect.stringMatching(/your own role has just changed to equality lead/i),
    });
    expect(await leftOnOf(w.collaborativeId, w.orgP)).toBeNull();
    expect(await adminsOf(w.collaborativeId)).toEqual([w.adminP.userId]);
  });
});

describe("recording the leaving of the organisation that holds the collaborative's only admin", () => {
  it("is refused, by the rules and by the check made under the lock", async () => {
    const collaborativeId = await createCollaborative(database);
    const orgP = await createOrganisation(database, collaborativeId, { name: "Only Admin Trust" });
    const orgR = await createOrganisation(database, collaborativeId);
    const p = await createUser(database, [[orgP, "collaborative_admin"]]);
    await createUser(database, [[orgR, "equality_lead"]]);
    const adminP = await actorFor(database, p, orgP);
    // An admin never records their own organisation's leaving, and nobody else is admin here.
    expect(await outcome(recordLeaving(database, adminP, orgP, todayIso()))).toMatchObject({ status: 403 });
    // The check recordLeaving makes under the members lock says the same of any organisation that
    // holds every admin (through recordLeaving the actor, checked under the lock, always stays).
    const keep = (orgId: string) => withTenant(database, tenantOf(adminP), (tx) => keepAnAdminWhenLeaving(tx, adminP, { orgId, name: "Only Admin Trust" }));
    expect(await outcome(keep(orgP))).toEqual({
      status: 409,
      message: expect.stringMatching(/^Recording that Only Admin Trust has left would leave .* without a collaborative admin, so nothing was changed/),
    });
    expect(await outcome(keep(orgR))).toBe("done");
    await createUser(database, [[orgR, "collaborative_admin"]]);
    expect(await outcome(keep(orgP))).toBe("done");
    expect(await leftOnOf(collaborativeId, orgP)).toBeNull();
  });
});

describe.skipIf(!postgres)("two admins recording each other's organisations as having left at the same moment", () => {
  it("the second waits for the first, then is refused; an admin remains", async () => {
    const w = await twoAdmins();
    const today = todayIso();
    const first = heldTransaction(database, w.adminP, recordLeavingIn(w.adminP, w.orgQ, today));
    await first.held;
    const second = recordLeaving(database, w.adminQ, w.orgP, today);
    expect(await stillWaiting(second)).toBe(true);
    first.release();
    await first.done;
    expect(await outcome(second)).toEqual({ status: 403, message: expect.stringMatching(OWN_ORGANISATION_LEFT) });
    expect(await leftOnOf(w.collaborativeId, w.orgP)).toBeNull();
    expect(await adminsOf(w.collaborativeId)).toEqual([w.adminP.userId]);
  });

  it("fired together, exactly one is recorded and an admin remains", async () => {
    for (let round = 0; round < 3; round++) {
      const w = await twoAdmins();
      const today = todayIso();
      const results = await Promise.all([outcome(recordLeaving(database, w.adminP, w.orgQ, today)), outcome(recordLeaving(database, w.adminQ, w.orgP, today))]);
      expect(results.filter((r) => r === "done")).toHaveLength(1);
      expect(results.find((r) => r !== "done")).toEqual({ status: 403, message: expect.stringMatching(OWN_ORGANISATION_LEFT) });
      const admins = await adminsOf(w.collaborativeId);
      expect(admins).toHaveLength(1);
      expect([w.adminP.userId, w.adminQ.userId]).toContain(admins[0]);
    }
  });

  it("a leaving recorded while the recorder is being demoted waits, then is refused: the collaborative keeps its admin", async () => {
    const w = await twoAdmins();
    const first = heldTransaction(database, w.adminP, demoteIn(w.adminP, w.membershipQ, "equality_lead"));
    await first.held;
    const second = recordLeaving(database, w.adminQ, w.orgP, todayIso());
    expect(await stillWaiting(second)).toBe(true);
    first.release();
    await first.done;
    expect(await outcome(second)).toEqual({ status: 403, message: expect.stringMatching(/your own role has just changed to equality lead/i) });
    expect(await leftOnOf(w.collaborativeId, w.orgP)).toBeNull();
    expect(await adminsOf(w.collaborativeId)).toEqual([w.adminP.userId]);
  });

  it("a demotion made while the demoter's organisation is being recorded as having left waits, then is refused", async () => {
    const w = await twoAdmins();
    const first = heldTransaction(database, w.adminP, recordLeavingIn(w.adminP, w.orgQ, todayIso()));
    await first.held;
    const second = changeMemberRole(database, w.adminQ, w.membershipP, "viewer");
    expect(await stillWaiting(second)).toBe(true);
    first.release();
    await first.done;
    expect(await outcome(second)).toEqual({ status: 403, message: expect.stringMatching(OWN_ORGANISATION_LEFT) });
    expect(await adminsOf(w.collaborativeId)).toEqual([w.adminP.userId]);
  });
});

/** The invitations `userId` made that are still pending (not accepted, not withdrawn). */
async function pendingBy(userId: string) {
  return database.db
    .select({ role: invitations.role, orgId: invitations.orgId })
    .from(invitations)
    .where(and(eq(invitations.createdBy, userId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
}

const invite = (actor: Actor, orgId: string, role: Role) => createInvitation(database, config, actor, { orgId, email: `${randomUUID()}@test.example`, role });

/** What changeMemberRole does, as the step of a held transaction: hold, change, withdraw the links the new role could not make. */
const demoteWithdrawingIn = (actor: Actor, membershipId: string, role: Role) => async (tx: Tx) => {
  const { member } = await holdMembershipChange(tx, actor, membershipId);
  await tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId));
  await revokeInvitationsBeyondReach(tx, member.userId, member.orgId);
};

/**
 * Making an invitation was judged with the role its maker's request began with. Demoting someone
 * withdraws the links they made that their new role could not make; an invitation made while the
 * demotion was in flight (after its withdrawal ran, committed after it) escaped that and stayed
 * pending, listed on the members page and usable again if the role came back. Now making one takes
 * the members lock and reads its maker's role under it.
 */
describe("an invitation made by someone whose role has just changed", () => {
  it("is refused, saying their own role changed, and no link is made", async () => {
    const w = await twoAdmins();
    await changeMemberRole(database, w.adminP, w.membershipQ, "equality_lead");
    expect(await outcome(invite(w.adminQ, w.orgQ, "collaborative_admin"))).toEqual({
      status: 403,
      message: expect.stringMatching(/your own role has just changed to equality lead/i),
    });
    // Even what the new role could invite: the request was made, and is judged, as an admin's.
    expect(await outcome(invite(w.adminQ, w.orgQ, "contributor"))).toEqual({
      status: 403,
      message: expect.stringMatching(/your own role has just changed to equality lead/i),
    });
    expect(await pendingBy(w.adminQ.userId)).toEqual([]);
  });

  it("is refused once removed, or once their organisation has left, saying so", async () => {
    const w = await twoAdmins();
    await removeMember(database, config, w.adminP, w.membershipQ);
    expect(await outcome(invite(w.adminQ, w.orgQ, "contributor"))).toEqual({ status: 403, message: expect.stringMatching(/no longer a member of/i) });
    const v = await twoAdmins();
    await recordLeaving(database, v.adminP, v.orgQ, todayIso());
    expect(await outcome(invite(v.adminQ, v.orgQ, "contributor"))).toEqual({ status: 403, message: expect.stringMatching(OWN_ORGANISATION_LEFT) });
    expect([...(await pendingBy(w.adminQ.userId)), ...(await pendingBy(v.adminQ.userId))]).toEqual([]);
  });
});

describe.skipIf(!postgres)("an invitation made while its maker is being demoted", () => {
  it("waits for the demotion, then is refused: no link survives that the new role could not make", async () => {
    const w = await twoAdmins();
    const first = heldTransaction(database, w.adminP, demoteWithdrawingIn(w.adminP, w.membershipQ, "equality_lead"));
    await first.held;
    const second = invite(w.adminQ, w.orgQ, "collaborative_admin");
    expect(await stillWaiting(second)).toBe(true);
    first.release();
    await first.done;
    expect(await outcome(second)).toEqual({ status: 403, message: expect.stringMatching(/your own role has just changed to equality lead/i) });
    expect(await pendingBy(w.adminQ.userId)).toEqual([]);
  });

  it("made first, it is withdrawn by the demotion that waited for it", async () => {
    const w = await twoAdmins();
    const first = heldTransaction(database, w.adminQ, async (tx) => {
      await holdMembers(tx, w.adminQ);
      await tx.insert(invitations).values({
        tokenHash: sha256(randomToken()),
        collaborativeId: w.collaborativeId,
        orgId: w.orgQ,
        email: `${randomUUID()}@test.example`,
        role: "collaborative_admin",
        createdBy: w.adminQ.userId,
        expiresAt: new Date(Date.now() + 86_400_000),
      });
    });
    await first.held;
    const second = changeMemberRole(database, w.adminP, w.membershipQ, "equality_lead");
    expect(await stillWaiting(second)).toBe(true);
    first.release();
    await first.done;
    expect(await outcome(second)).toBe("done");
    expect(await pendingBy(w.adminQ.userId)).toEqual([]);
  });

  it("fired together with the demotion, no link beyond the new role survives", async () => {
    for (let round = 0; round < 5; round++) {
      const w = await twoAdmins();
      const [demotion] = await Promise.all([
        outcome(changeMemberRole(database, w.adminP, w.membershipQ, "equality_lead")),
        outcome(invite(w.adminQ, w.orgQ, "collaborative_admin")),
      ]);
      expect(demotion).toBe("done");
      expect(await pendingBy(w.adminQ.userId)).toEqual([]);
    }
  });
});
