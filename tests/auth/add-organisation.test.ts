import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { collaborativeMembers, memberships, organisations } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import { addMemberOrganisation } from "../../app/domain/collaborative/add-member-organisation.server";
import { createInvitation } from "../../app/domain/invitations/create-invitation.server";
import { DomainError } from "../../app/domain/errors";
import { ADD_ORGANISATION_REFUSED } from "../../app/policies/organisations";
import AddOrganisation, { action, loader } from "../../app/routes/organisations.new";
import Invite from "../../app/routes/members.invite";
import { loader as inviteLoader } from "../../app/routes/members.invite";
import { testConfig } from "../support/config";
import { openTestDatabase } from "../support/db";
import { actorFor, createWorld, unique, type World } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";

let database: Database;
let world: World;
const config = testConfig();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

const membershipsOf = async (orgId: string) =>
  database.db.select({ collaborativeId: collaborativeMembers.collaborativeId, leftOn: collaborativeMembers.leftOn }).from(collaborativeMembers).where(eq(collaborativeMembers.orgId, orgId));
const refusal = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof DomainError ? { status: e.status, message: e.message, fields: e.fields } : e));

describe("addMemberOrganisation", () => {
  it("adds a new organisation to the admin's collaborative, as a current member its equality lead can then be invited to", async () => {
    const name = unique("Trust");
    const added = await addMemberOrganisation(database, world.actors.adminX, { name, type: "community_trust", odsCode: null });
    expect(await membershipsOf(added.id)).toEqual([{ collaborativeId: world.collaboratives.x, leftOn: null }]);
    const [org] = await database.db.select().from(organisations).where(eq(organisations.id, added.id));
    expect(org).toMatchObject({ name, type: "community_trust", odsCode: null });
    const invitation = await createInvitation(database, config, world.actors.adminX, { orgId: added.id, email: `${unique("lead")}@test.example`, role: "equality_lead" });
    expect(invitation.orgName).toBe(name);
  });

  it("refuses a name a member organisation has (whatever the case and spacing), and an ODS code already registered", async () => {
    const [a] = await database.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, world.orgs.a));
    const shouted = ` ${a!.name.toUpperCase()}  `;
    expect(await refusal(addMemberOrganisation(database, world.actors.adminX, { name: shouted, type: "acute_trust", odsCode: null }))).toMatchObject({
      status: 422,
      fields: { name: `${a!.name} is already in this collaborative. Give the new organisation a different name` },
    });
    const ods = unique("O").toUpperCase().slice(0, 10);
    await addMemberOrganisation(database, world.actors.adminY, { name: unique("Trust"), type: "acute_trust", odsCode: ods });
    const name = unique("Trust");
    expect(await refusal(addMemberOrganisation(database, world.actors.adminX, { name, type: "acute_trust", odsCode: ods }))).toMatchObject({ fields: { odsCode: expect.stringContaining(`ODS code ${ods} is already registered`) } });
    expect(await database.db.select().from(organisations).where(eq(organisations.name, name))).toEqual([]);
  });

  it("says what to do about an ODS code that is taken: ask the operator (peff:membership) for another collaborative's, check the code for one already here", async () => {
    const elsewhere = unique("E").toUpperCase().slice(0, 10);
    await addMemberOrganisation(database, world.actors.adminY, { name: unique("Trust"), type: "acute_trust", odsCode: elsewhere });
    expect(await refusal(addMemberOrganisation(database, world.actors.adminX, { name: unique("Trust"), type: "acute_trust", odsCode: elsewhere }))).toMatchObject({
      fields: {
        odsCode: `An organisation with the ODS code ${elsewhere} is already registered, outside this collaborative. If it should join this one too, the service's operator can add it (give them its ODS code); otherwise check the code`,
      },
    });
    const here = unique("H").toUpperCase().slice(0, 10);
    const hereName = unique("Trust");
    await addMemberOrganisation(database, world.actors.adminX, { name: hereName, type: "acute_trust", odsCode: here });
    expect(await refusal(addMemberOrganisation(database, world.actors.adminX, { name: unique("Trust"), type: "acute_trust", odsCode: here }))).toMatchObject({
      status: 422,
      fields: { odsCode: `${hereName} already has the ODS code ${here}, and is in this collaborative. Check the code` },
    });
  });

  it("is refused to anyone but a collaborative admin, in the app and in the database", async () => {
    for (const actor of [world.actors.leadA, world.actors.contributorA]) {
      expect(await refusal(addMemberOrganisation(database, actor, { name: unique("Trust"), type: "vcse", odsCode: null }))).toMatchObject({ status: 403, message: ADD_ORGANISATION_REFUSED });
      const direct = withTenant(database, tenantOf(actor), (tx) => tx.execute(sql`select peff_add_member_organisation(${unique("Trust")}, 'vcse', null)`));
      await expect(direct).rejects.toThrow();
    }
  });

  it("is judged with the admin's role as it stands: a demoted admin adds nothing", async () => {
    const admin = await actorFor(database, world.people.adminX, world.orgs.a);
    await database.db.update(memberships).set({ role: "equality_lead" }).where(eq(memberships.userId, world.people.adminX.id));
    try {
      const name = unique("Trust");
      const outcome = await refusal(addMemberOrganisation(database, admin, { name, type: "vcse", odsCode: null }));
      expect(outcome).not.toBeNull();
      expect(await database.db.select().from(organisations).where(eq(organisations.name, name))).toEqual([]);
    } finally {
      await database.db.update(memberships).set({ role: "collaborative_admin" }).where(eq(memberships.userId, world.people.adminX.id));
    }
  });
});

describe("isolation: an admin of another collaborative", () => {
  it("adds only to their own collaborative, and cannot add to this one with a forged context", async () => {
    const added = await addMemberOrganisation(database, world.actors.adminY, { name: unique("Trust"), type: "icb", odsCode: null });
    expect(await membershipsOf(added.id)).toEqual([{ collaborativeId: world.collaboratives.y, leftOn: null }]);
    // Claiming collaborative X (and its organisation A) in the context: not a real membership, so refused.
    const forged = { userId: world.people.adminY.id, orgId: world.orgs.a, collaborativeId: world.collaboratives.x };
    await expect(withTenant(database, forged, (tx) => tx.execute(sql`select peff_add_member_organisation(${unique("Trust")}, 'icb', null)`))).rejects.toThrow();
    const forgedCollaborative = { userId: world.people.adminY.id, orgId: world.orgs.b, collaborativeId: world.collaboratives.x };
    await expect(withTenant(database, forgedCollaborative, (tx) => tx.execute(sql`select peff_add_member_organisation(${unique("Trust")}, 'icb', null)`))).rejects.toThrow();
  });

  it("still cannot insert organisations or collaborative members directly", async () => {
    const insertOrg = withTenant(database, tenantOf(world.actors.adminY), (tx) => tx.execute(sql`insert into organisations (name, type) values ('Direct', 'other')`));
    await expect(insertOrg).rejects.toThrow();
    const pullIn = withTenant(database, tenantOf(world.actors.adminY), (tx) =>
      tx.execute(sql`insert into collaborative_members (collaborative_id, org_id) values (${world.collaboratives.y}, ${world.orgs.a})`),
    );
    await expect(pullIn).rejects.toThrow();
  });
});

describe("the page /organisations/new", () => {
  it("is for collaborative admins only", async () => {
    expect((await callRoute(database, loader, world.people.adminX, "/organisations/new")).status).toBe(200);
    expect(await callRoute(database, loader, world.people.leadA, "/organisations/new")).toMatchObject({ status: 403 });
    const posted = await callRoute(database, action, world.people.leadA, "/organisations/new", { form: { name: unique("Trust"), type: "vcse" } });
    expect(posted).toMatchObject({ status: 403, body: { ok: false, message: ADD_ORGANISATION_REFUSED } });
  });

  it("answers field by field and keeps what was typed", async () => {
    const answer = await callRoute(database, action, world.people.adminX, "/organisations/new", { form: { name: "  ", odsCode: "R B S!" } });
    expect(answer).toMatchObject({
      status: 422,
      body: { ok: false, errors: { name: "Enter the organisation's name", type: "Select the type of organisation", odsCode: expect.stringMatching(/^Enter an ODS code/) }, values: { odsCode: "R B S!" } },
    });
    const html = renderRoute(AddOrganisation, "/organisations/new", "/organisations/new", { loader: {}, action: answer.body });
    expect(html).toContain('value="R B S!"');
    expect(html).toContain("Select the type of organisation");
  });

  it("adds it, upper-casing the ODS code, and offers to invite its equality lead, preselected on the invitation form", async () => {
    const name = unique("Hospice");
    const ods = unique("x").slice(2, 8);
    const answer = await callRoute(database, action, world.people.adminX, "/organisations/new", { form: { name, type: "vcse", odsCode: ` ${ods} ` } });
    expect(answer).toMatchObject({ status: 200, body: { ok: true, added: { name } } });
    const { id } = (answer.body as { added: { id: string } }).added;
    const [org] = await database.db.select().from(organisations).where(eq(organisations.id, id));
    expect(org!.odsCode).toBe(ods.toUpperCase());

    const html = renderRoute(AddOrganisation, "/organisations/new", "/organisations/new", { loader: {}, action: answer.body });
    expect(html).toContain(`href="/members/invite?orgId=${id}&amp;role=equality_lead"`);
    expect(html).toContain("Invite its equality lead");

    const invite = await callRoute(database, inviteLoader, world.people.adminX, "/members/invite");
    const form = renderRoute(Invite, "/members/invite", `/members/invite?orgId=${id}&role=equality_lead`, { loader: invite.body });
    expect(form).toMatch(new RegExp(`<option value="${id}" selected="">`));
    expect(form).toMatch(/checked="" value="equality_lead"/);
  });
});
