import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Tx } from "../../db/client";
import { collaborativeMembers, memberships, type Role } from "../../db/schema";
import type { Actor } from "../../app/domain/auth/actor";
import { DomainError } from "../../app/domain/errors";
import { changeMemberRole } from "../../app/domain/members/change-member-role.server";
import { holdMembershipChange } from "../../app/domain/members/hold-membership.server";
import { removeMember } from "../../app/domain/members/remove-member.server";
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
    adminP: await actorFor(database, p, orgP),
    adminQ: await actorFor(database, q, orgQ),
    membershipP: await membershipOf(p.id, orgP),
    membershipQ: await membershipOf(q.id, orgQ),
  };
}

/** The collaborative's admins as the database now has them. */
async function adminsOf(collaborativeId: string) {
  const rows = await database.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(collaborativeMembers, eq(collaborativeMembers.orgId, memberships.orgId))
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
