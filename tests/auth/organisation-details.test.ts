import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { collaborativeMembers, memberships, organisations } from "../../db/schema";
import type { Actor } from "../../app/domain/auth/actor";
import { DomainError } from "../../app/domain/errors";
import { getCollaborativeOverview } from "../../app/domain/collaborative/get-overview.server";
import type { OrganisationDetailsInput } from "../../app/domain/collaborative/organisation-input";
import { updateOrganisationDetails } from "../../app/domain/collaborative/update-organisation-details.server";
import * as detailsRoute from "../../app/routes/organisations.$orgId.edit";
import * as membersRoute from "../../app/routes/members._index";
import * as homeRoute from "../../app/routes/_index";
import { openTestDatabase } from "../support/db";
import { actorFor, createOrganisation, createUser, createWorld, unique, type World } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { callRoute, drawPage } from "../support/routes";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

const refusal = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof DomainError ? { status: e.status, message: e.message, fields: e.fields } : e));
const rowOf = async (orgId: string) => (await database.db.select().from(organisations).where(eq(organisations.id, orgId)))[0]!;
const details = (overrides: Partial<OrganisationDetailsInput> = {}): OrganisationDetailsInput => ({
  name: unique("Trust"),
  type: "acute_trust",
  odsCode: null,
  contactEmail: null,
  contactPhone: null,
  address: null,
  ...overrides,
});
const path = (orgId: string) => `/organisations/${orgId}/edit`;
/** The details page as `user` sees it (drawPage passes no route params). */
async function drawDetails(user: World["people"]["leadA"], orgId: string, query = ""): Promise<string> {
  const answer = await callRoute(database, detailsRoute.loader, user, `${path(orgId)}${query}`, { params: { orgId } });
  expect(answer.status).toBe(200);
  return renderRoute(detailsRoute.default, "/organisations/:orgId/edit", `${path(orgId)}${query}`, { loader: answer.body });
}
const ods = () => unique("").replace(/[^a-z0-9]/gi, "").slice(0, 8).toUpperCase();

describe("updateOrganisationDetails", () => {
  it("lets an organisation's equality lead change its details, which the collaborative then sees", async () => {
    const input = details({ type: "community_trust", odsCode: ods(), contactEmail: "equality@trust.example", contactPhone: "0151 123 4567", address: "1 High Street\nLiverpool" });
    expect(await updateOrganisationDetails(database, world.actors.leadA, world.orgs.a, input)).toEqual({ name: input.name });
    expect(await rowOf(world.orgs.a)).toMatchObject(input);
    const overview = await getCollaborativeOverview(database, world.actors.viewerA);
    expect(overview.organisations.find((o) => o.id === world.orgs.a)).toMatchObject({ name: input.name, type: "community_trust", odsCode: input.odsCode });
  });

  it("lets a collaborative admin change another current member organisation's details", async () => {
    const input = details({ type: "mental_health_trust", contactPhone: "+44 151 000 0000 ext 12" });
    await updateOrganisationDetails(database, world.actors.adminX, world.orgs.a2, input);
    expect(await rowOf(world.orgs.a2)).toMatchObject(input);
  });

  it("refuses an ODS code another organisation has (even one in another collaborative), changing nothing", async () => {
    const taken = ods();
    await database.db.update(organisations).set({ odsCode: taken }).where(eq(organisations.id, world.orgs.b));
    const before = await rowOf(world.orgs.a);
    const input = details({ odsCode: taken });
    expect(await refusal(updateOrganisationDetails(database, world.actors.leadA, world.orgs.a, input))).toEqual({
      status: 422,
      message: "Check the highlighted fields",
      fields: { odsCode: `Another organisation already has the ODS code ${taken}. Check the code: each organisation has its own` },
    });
    expect(await rowOf(world.orgs.a)).toEqual(before);
    // Keeping its own code is no clash.
    const own = (await rowOf(world.orgs.a)).odsCode;
    await updateOrganisationDetails(database, world.actors.leadA, world.orgs.a, details({ name: before.name, odsCode: own }));
  });

  it("refuses a name another member organisation of the collaborative has, whatever its case and spacing", async () => {
    const other = (await rowOf(world.orgs.a2)).name;
    expect(await refusal(updateOrganisationDetails(database, world.actors.leadA, world.orgs.a, details({ name: ` ${other.toUpperCase()} ` })))).toMatchObject({
      status: 422,
      fields: { name: expect.stringMatching(new RegExp(`^${other} is already in this collaborative`)) },
    });
  });

  it("is refused to everyone else, saying who can", async () => {
    const regionalLead = await actorFor(database, await createUser(database, [[world.orgs.a, "regional_lead"]]), world.orgs.a);
    const before = await rowOf(world.orgs.a);
    const outsiders: Actor[] = [world.actors.contributorA, world.actors.viewerA, regionalLead, world.actors.leadA2];
    for (const actor of outsiders) {
      expect(await refusal(updateOrganisationDetails(database, actor, world.orgs.a, details()))).toEqual({
        status: 403,
        message: `Only ${before.name}'s equality lead or a collaborative admin can change its details`,
        fields: {},
      });
    }
    expect(await rowOf(world.orgs.a)).toEqual(before);
  });

  it("does not find another collaborative's organisation, even for that collaborative's admin", async () => {
    expect(await refusal(updateOrganisationDetails(database, world.actors.adminY, world.orgs.a, details()))).toMatchObject({ status: 404 });
    expect(await refusal(updateOrganisationDetails(database, world.actors.adminX, world.orgs.b, details()))).toMatchObject({ status: 404 });
  });

  it("is no longer the collaborative admin's once the organisation has left", async () => {
    const leaver = await createOrganisation(database, world.collaboratives.x);
    await database.db.update(collaborativeMembers).set({ joinedOn: "2023-04-01", leftOn: "2024-03-31" }).where(eq(collaborativeMembers.orgId, leaver));
    const before = await rowOf(leaver);
    expect(await refusal(updateOrganisationDetails(database, world.actors.adminX, leaver, details()))).toMatchObject({
      status: 403,
      message: expect.stringMatching(new RegExp(`^${before.name} has left this collaborative`)),
    });
    expect(await rowOf(leaver)).toEqual(before);
  });

  it("is judged with the admin's role as it stands: a demoted admin changes nothing", async () => {
    const org = await createOrganisation(database, world.collaboratives.x);
    const person = await createUser(database, [[world.orgs.a2, "collaborative_admin"]]);
    const admin = await actorFor(database, person, world.orgs.a2);
    await database.db.update(memberships).set({ role: "contributor" }).where(eq(memberships.userId, person.id));
    const before = await rowOf(org);
    expect(await refusal(updateOrganisationDetails(database, admin, org, details()))).toMatchObject({ status: 403 });
    expect(await rowOf(org)).toEqual(before);
  });
});

describe("the page /organisations/$orgId/edit", () => {
  it("shows the form to the equality lead with the saved details, and to a collaborative admin", async () => {
    await updateOrganisationDetails(database, world.actors.leadA, world.orgs.a, details({ name: unique("Shown"), contactPhone: "0151 222 3333" }));
    const { name } = await rowOf(world.orgs.a);
    for (const person of [world.people.leadA, world.people.adminX]) {
      const html = await drawDetails(person, world.orgs.a);
      expect(html).toContain(`Change ${name}&#x27;s details`);
      expect(html).toContain('value="0151 222 3333"');
      expect(html).toMatch(/<label class="nhsuk-label" for="address">Address \(optional\)<\/label>/);
    }
  });

  it("tells anyone else who can change the details, naming its equality lead, instead of refusing", async () => {
    const { name } = await rowOf(world.orgs.a);
    const answer = await callRoute(database, detailsRoute.loader, world.people.viewerA, path(world.orgs.a), { params: { orgId: world.orgs.a } });
    expect(answer).toMatchObject({ status: 200, body: { canEdit: false, whoCanEdit: `Only ${name}'s equality lead or a collaborative admin can change its details` } });
    const html = renderRoute(detailsRoute.default, "/organisations/:orgId/edit", path(world.orgs.a), { loader: answer.body });
    expect(html).toContain("Who can change these details");
    expect(html).toContain(`Its equality lead is ${world.people.leadA.name}.`);
    expect(html).not.toContain("<form");
    const posted = await callRoute(database, detailsRoute.action, world.people.viewerA, path(world.orgs.a), { params: { orgId: world.orgs.a }, form: { name: "Renamed", type: "other" } });
    expect(posted).toMatchObject({ status: 403, body: { ok: false, message: `Only ${name}'s equality lead or a collaborative admin can change its details` } });
  });

  it("is not found for another collaborative's organisation", async () => {
    expect(await callRoute(database, detailsRoute.loader, world.people.adminY, path(world.orgs.a), { params: { orgId: world.orgs.a } })).toMatchObject({ status: 404 });
    expect(await callRoute(database, detailsRoute.loader, world.people.adminY, "/organisations/not-an-id/edit", { params: { orgId: "not-an-id" } })).toMatchObject({ status: 404 });
    const posted = await callRoute(database, detailsRoute.action, world.people.adminY, path(world.orgs.a), { params: { orgId: world.orgs.a }, form: { name: "Renamed", type: "other" } });
    expect(posted).toMatchObject({ status: 404 });
  });

  it("answers field by field, keeping what was typed, with the ODS code checked as when adding an organisation", async () => {
    const form = { name: " ", type: "", odsCode: "R B S!", contactEmail: "not an email", contactPhone: "call me", address: "x".repeat(501) };
    const answer = await callRoute(database, detailsRoute.action, world.people.leadA, path(world.orgs.a), { params: { orgId: world.orgs.a }, form });
    expect(answer).toMatchObject({
      status: 422,
      body: {
        ok: false,
        errors: {
          name: "Enter the organisation's name",
          type: "Select the type of organisation",
          odsCode: "Enter an ODS code of letters and numbers only, like RBS, or leave it blank",
          contactEmail: expect.stringMatching(/^Enter an email address in the correct format/),
          contactPhone: expect.stringMatching(/^Enter a phone number/),
          address: "Address must be 500 characters or fewer",
        },
        values: { odsCode: "R B S!", contactPhone: "call me" },
      },
    });
    const loaded = await callRoute(database, detailsRoute.loader, world.people.leadA, path(world.orgs.a), { params: { orgId: world.orgs.a } });
    const html = renderRoute(detailsRoute.default, "/organisations/:orgId/edit", path(world.orgs.a), { loader: loaded.body, action: answer.body });
    expect(html).toContain('value="R B S!"');
    expect(html).toContain('value="call me"');
    expect(html).toContain("Enter a phone number");
  });

  it("says, on the ODS code field, that the code is taken", async () => {
    const taken = ods();
    await database.db.update(organisations).set({ odsCode: taken }).where(eq(organisations.id, world.orgs.a2));
    const { name } = await rowOf(world.orgs.a);
    const answer = await callRoute(database, detailsRoute.action, world.people.leadA, path(world.orgs.a), { params: { orgId: world.orgs.a }, form: { name, type: "acute_trust", odsCode: taken.toLowerCase() } });
    expect(answer).toMatchObject({ status: 422, body: { errors: { odsCode: `Another organisation already has the ODS code ${taken}. Check the code: each organisation has its own` }, values: { odsCode: taken.toLowerCase() } } });
  });

  it("saves, upper-casing the ODS code and clearing what was left blank, then says so", async () => {
    const code = ods();
    const name = unique("Saved");
    const form = { name: ` ${name} `, type: "icb", odsCode: ` ${code.toLowerCase()} `, contactEmail: " Team@Trust.example ", contactPhone: "", address: "" };
    const answer = await callRoute(database, detailsRoute.action, world.people.adminX, path(world.orgs.a2), { params: { orgId: world.orgs.a2 }, form });
    expect(answer).toMatchObject({ status: 302 });
    expect(await rowOf(world.orgs.a2)).toMatchObject({ name, type: "icb", odsCode: code, contactEmail: "Team@Trust.example", contactPhone: null, address: null });
    const html = await drawDetails(world.people.adminX, world.orgs.a2, "?saved=1");
    expect(html).toContain(`${name}&#x27;s details were saved`);
  });

  it("is linked from the members page for those who can change the details, and from the home page for everyone", async () => {
    const members = await drawPage(database, membersRoute, world.people.leadA, "/members");
    expect(members).toContain(`href="${path(world.orgs.a)}"`);
    const adminMembers = await drawPage(database, membersRoute, world.people.adminX, "/members");
    expect(adminMembers).toContain(`href="${path(world.orgs.a2)}"`);
    const home = await drawPage(database, homeRoute, world.people.viewerA, "/");
    expect(home).toContain(`href="${path(world.orgs.a2)}"`);
  });
});
