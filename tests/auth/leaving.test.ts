import type { AppLoadContext } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { randomUUID } from "node:crypto";
import { collaborativeMembers, invitations } from "../../db/schema";
import { acceptInvitation } from "../../app/domain/invitations/accept-invitation.server";
import { createInvitation } from "../../app/domain/invitations/create-invitation.server";
import { getInvitationByToken } from "../../app/domain/invitations/get-invitation.server";
import { loadActingContexts } from "../../app/domain/auth/load-contexts.server";
import { getMemberOrganisation } from "../../app/domain/collaborative/get-member-organisation.server";
import { recordLeaving } from "../../app/domain/collaborative/record-leaving.server";
import { DomainError } from "../../app/domain/errors";
import { todayIso } from "../../app/lib/plan/dates";
import RecordLeaving, { action, loader } from "../../app/routes/organisations.$orgId.leave";
import { loader as invitationLoader } from "../../app/routes/invitations.$token";
import { openTestDatabase } from "../support/db";
import { createOrganisation, createUser, createWorld, type World } from "../support/factories";
import { heldTransaction, stillWaiting } from "../support/held-transaction";
import { invitationToken, testConfig } from "../support/config";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";

let database: Database;
const config = testConfig();
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

/** A new member organisation of X that joined on 1 April 2022, with one person. */
async function memberOfX() {
  const orgId = await createOrganisation(database, world.collaboratives.x);
  await database.db.update(collaborativeMembers).set({ joinedOn: "2022-04-01" }).where(membership(orgId));
  const person = await createUser(database, [[orgId, "equality_lead"]]);
  return { orgId, person };
}

const membership = (orgId: string) => and(eq(collaborativeMembers.orgId, orgId), eq(collaborativeMembers.collaborativeId, world.collaboratives.x));
const leftOnOf = async (orgId: string) => (await database.db.select().from(collaborativeMembers).where(membership(orgId)))[0]!.leftOn;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  const { status, message, fields } = error as DomainError;
  return { status, message, fields };
}

describe("recording that an organisation left the collaborative", () => {
  it("takes its people out of the collaborative and lists it as former, history kept", async () => {
    const { orgId, person } = await memberOfX();
    expect((await loadActingContexts(database, person.id)).map((c) => c.collaborativeId)).toEqual([world.collaboratives.x]);
    const today = todayIso();
    expect(await recordLeaving(database, world.actors.adminX, orgId, today)).toMatchObject({ leftOn: today });
    expect(await leftOnOf(orgId)).toBe(today);
    expect(await loadActingContexts(database, person.id)).toEqual([]);
  });

  it("withdraws the pending invitations to it, and a link is refused once it has left, saying why", async () => {
    const { orgId } = await memberOfX();
    const invite = () => createInvitation(database, config, world.actors.adminX, { orgId, email: `${randomUUID()}@test.example`, role: "contributor" });
    const pending = await invite();
    expect((await getInvitationByToken(database, invitationToken(pending.url)))!.status).toBe("valid");
    // A second one, withdrawn too, then put back below as if the admin's update had not reached it
    // (RLS lets an admin withdraw only what they could make).
    const unwithdrawn = await invite();
    await recordLeaving(database, world.actors.adminX, orgId, todayIso());
    // Withdrawn by the leaving, and said so as the organisation having left: asking for a new link would not help.
    expect((await getInvitationByToken(database, invitationToken(pending.url)))!.status).toBe("organisation-left");
    expect((await getInvitationByToken(database, invitationToken(unwithdrawn.url)))!.status).toBe("organisation-left");
    expect(await database.db.select({ revokedAt: invitations.revokedAt }).from(invitations).where(eq(invitations.id, pending.id))).toEqual([{ revokedAt: expect.any(Date) }]);
    const page = await invitationLoader({ request: new Request(pending.url), context: { database, config } as unknown as AppLoadContext, params: { token: invitationToken(pending.url) } }).catch((thrown: unknown) => thrown);
    expect(page).toMatchObject({ init: { status: 410 }, data: { message: "The organisation you were invited to has left the collaborative, so this link no longer works." } });
    await database.db.update(invitations).set({ revokedAt: null }).where(eq(invitations.id, unwithdrawn.id));
    expect((await getInvitationByToken(database, invitationToken(unwithdrawn.url)))!.status).toBe("organisation-left");
    await expect(acceptInvitation(database, { kind: "new-account", token: invitationToken(unwithdrawn.url), name: "Too Late", password: "a long enough password" })).rejects.toMatchObject({
      status: 410,
      message: "The organisation you were invited to has left the collaborative, so this link no longer works.",
    });
  });

  it("is for collaborative admins, about other organisations of their own collaborative", async () => {
    const { orgId } = await memberOfX();
    expect(await refusal(recordLeaving(database, world.actors.leadA, orgId, "2024-03-31"))).toMatchObject({ status: 403 });
    expect(await refusal(recordLeaving(database, world.actors.adminX, world.orgs.a, "2024-03-31"))).toMatchObject({ status: 403 });
    // Another collaborative's member is not found from X (row-level security shows none of Y's).
    expect(await refusal(recordLeaving(database, world.actors.adminX, world.orgs.b, "2024-03-31"))).toMatchObject({ status: 404 });
    expect(await leftOnOf(orgId)).toBeNull();
  });

  it("refuses a date in the future, one before it joined, and a second leaving, saying why", async () => {
    const { orgId } = await memberOfX();
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000);
    expect(await refusal(recordLeaving(database, world.actors.adminX, orgId, todayIso(tomorrow)))).toMatchObject({
      status: 422,
      fields: { leftOn: "The date it left must be today or in the past" },
    });
    expect(await refusal(recordLeaving(database, world.actors.adminX, orgId, "2022-03-31"))).toMatchObject({
      status: 422,
      fields: { leftOn: "The date it left must be on or after 1 April 2022, when it joined" },
    });
    expect(await leftOnOf(orgId)).toBeNull();
    await recordLeaving(database, world.actors.adminX, orgId, "2022-04-01");
    expect(await refusal(recordLeaving(database, world.actors.adminX, orgId, "2024-03-31"))).toMatchObject({ status: 409, message: expect.stringMatching(/already left .* on 1 April 2022/) });
    expect(await leftOnOf(orgId)).toBe("2022-04-01");
  });

  // PGlite has one connection, so two transactions never overlap there; on PostgreSQL they do.
  it.runIf(Boolean(process.env.DATABASE_URL))("makes a second admin wait for the first, then says it already left", async () => {
    const { orgId } = await memberOfX();
    // The first admin's recordLeaving, held open between its locked read and its update.
    const first = heldTransaction(
      database,
      world.actors.adminX,
      (tx) => getMemberOrganisation(tx, world.collaboratives.x, orgId, true),
      (tx) => tx.update(collaborativeMembers).set({ leftOn: "2023-03-31" }).where(membership(orgId)),
    );
    await first.held;
    const second = recordLeaving(database, world.actors.adminX, orgId, "2024-03-31").catch((e: unknown) => e);
    expect(await stillWaiting(second)).toBe(true);
    first.release();
    await first.done;
    expect(await second).toMatchObject({ status: 409, message: expect.stringMatching(/already left .* on 31 March 2023/) });
    expect(await leftOnOf(orgId)).toBe("2023-03-31");
  });

  it("records one date when two admins record it at once", async () => {
    const { orgId } = await memberOfX();
    const results = await Promise.allSettled([
      recordLeaving(database, world.actors.adminX, orgId, "2023-03-31"),
      recordLeaving(database, world.actors.adminX, orgId, "2024-03-31"),
    ]);
    const done = results.filter((r) => r.status === "fulfilled");
    expect(done).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected")!.reason as DomainError;
    expect(refused.status).toBe(409);
    expect(await leftOnOf(orgId)).toBe(done[0]!.value.leftOn);
  });
});

describe("the page", () => {
  it("is refused to anyone but a collaborative admin", async () => {
    const { orgId } = await memberOfX();
    const answer = await callRoute(database, loader, world.people.leadA, `/organisations/${orgId}/leave`, { params: { orgId } });
    expect(answer.status).toBe(403);
  });

  it("says how the organisation can come back: the operator restores its membership (npm run peff:membership)", async () => {
    const { orgId } = await memberOfX();
    const answer = await callRoute(database, loader, world.people.adminX, `/organisations/${orgId}/leave`, { params: { orgId } });
    const html = renderRoute(RecordLeaving, "/organisations/:orgId/leave", `/organisations/${orgId}/leave`, { loader: answer.body });
    expect(html).toMatch(/If .+ rejoins, the service&#x27;s operator can restore its membership: from that day its people work here again, and its history with it\./);
  });

  it("keeps what was typed and says what is wrong with it; a good date goes home with the organisation named", async () => {
    const { orgId } = await memberOfX();
    const post = (leftOn: string) => callRoute(database, action, world.people.adminX, `/organisations/${orgId}/leave`, { params: { orgId }, form: { leftOn } });
    expect(await post("2023-02-30")).toEqual({
      status: 422,
      body: { ok: false, errors: { leftOn: "Enter the date it left as a real date, like 2024-03-31" }, values: { leftOn: "2023-02-30" } },
    });
    expect(await post("")).toMatchObject({ status: 422, body: { errors: { leftOn: "Enter the date it left" } } });
    expect(await post("2021-12-31")).toMatchObject({
      status: 422,
      body: { errors: { leftOn: "The date it left must be on or after 1 April 2022, when it joined" }, values: { leftOn: "2021-12-31" } },
    });
    expect(await leftOnOf(orgId)).toBeNull();
    const done = await post("2023-03-31");
    expect(done.status).toBe(302);
    expect(await leftOnOf(orgId)).toBe("2023-03-31");
  });
});
