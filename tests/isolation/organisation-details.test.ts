import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../../db/client";
import { collaborativeMembers, organisations } from "../../db/schema";
import { withTenant, type TenantContext } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import type { DomainError } from "../../app/domain/errors";
import { updateOrganisationDetails } from "../../app/domain/collaborative/update-organisation-details.server";
import { openTestDatabase } from "../support/db";
import { actorFor, createCollaborative, createOrganisation, createUser, createWorld, type World } from "../support/factories";

/**
 * An organisation's details (/organisations/$orgId/edit) as the database guards them
 * (organisations_update, migrations 0001 and 0043): each write below is attempted as the app role,
 * as a forgotten check in the app would make it, and each refusal is paired with the legitimate
 * write next to it, so a refusal means the rule and not a broken fixture.
 */
let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

function refusal(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "42501") return true;
    if (/row-level security|permission denied/i.test(String((e as { message?: string }).message))) return true;
  }
  return false;
}

/** Rows the update of `orgId`'s phone number changed as the app role in `context`, or "refused". */
async function setPhone(context: TenantContext, orgId: string, phone: string): Promise<number | "refused"> {
  try {
    return await withTenant(database, context, async (tx) =>
      rowsOf(await tx.execute(sql`update organisations set contact_phone = ${phone} where id = ${orgId} returning 1 as one`)).length,
    );
  } catch (error) {
    if (refusal(error)) return "refused";
    throw error;
  }
}
const phoneOf = async (orgId: string) => (await database.db.select({ p: organisations.contactPhone }).from(organisations).where(eq(organisations.id, orgId)))[0]!.p;
const changed = (n: number | "refused") => n !== "refused" && n > 0;

describe("an organisation's details", () => {
  it("cannot be changed by an admin of another collaborative, through the app or the database", async () => {
    const input = { name: "Renamed by an outsider", type: "other" as const, odsCode: null, contactEmail: null, contactPhone: null, address: null };
    await expect(updateOrganisationDetails(database, world.actors.adminY, world.orgs.a, input)).rejects.toMatchObject({ status: 404 } satisfies Partial<DomainError>);
    expect(changed(await setPhone(tenantOf(world.actors.adminY), world.orgs.a, "0000 000 001"))).toBe(false);
    expect(await phoneOf(world.orgs.a)).toBeNull();
    // The legitimate write next to it: this collaborative's admin may.
    expect(await setPhone(tenantOf(world.actors.adminX), world.orgs.a, "0151 000 0001")).toBe(1);
  });

  it("cannot be changed with a forged context claiming the organisation's collaborative or the organisation itself", async () => {
    const before = await phoneOf(world.orgs.a);
    const forgedCollaborative = { userId: world.people.adminY.id, orgId: world.orgs.b, collaborativeId: world.collaboratives.x };
    const forgedOrganisation = { userId: world.people.adminY.id, orgId: world.orgs.a, collaborativeId: world.collaboratives.x };
    const forgedLead = { userId: world.people.leadB.id, orgId: world.orgs.a, collaborativeId: world.collaboratives.x };
    for (const forged of [forgedCollaborative, forgedOrganisation, forgedLead]) expect(changed(await setPhone(forged, world.orgs.a, "0000 000 002"))).toBe(false);
    expect(await phoneOf(world.orgs.a)).toBe(before);
    // A's real equality lead may.
    expect(await setPhone(tenantOf(world.actors.leadA), world.orgs.a, "0151 000 0002")).toBe(1);
  });

  it("cannot be changed by the admin of a collaborative the organisation has left, though the admin of one it still belongs to can", async () => {
    // An organisation in X and in a third collaborative Z; it leaves X.
    const z = await createCollaborative(database);
    const shared = await createOrganisation(database, world.collaboratives.x);
    await database.db.insert(collaborativeMembers).values({ collaborativeId: z, orgId: shared });
    const orgOfAdminZ = await createOrganisation(database, z);
    const adminZ = await actorFor(database, await createUser(database, [[orgOfAdminZ, "collaborative_admin"]]), orgOfAdminZ);
    expect(await setPhone(tenantOf(world.actors.adminX), shared, "0151 000 0003")).toBe(1);
    await database.db
      .update(collaborativeMembers)
      .set({ joinedOn: "2023-04-01", leftOn: "2024-03-31" })
      .where(and(eq(collaborativeMembers.orgId, shared), eq(collaborativeMembers.collaborativeId, world.collaboratives.x)));

    expect(changed(await setPhone(tenantOf(world.actors.adminX), shared, "0000 000 003"))).toBe(false);
    expect(await phoneOf(shared)).toBe("0151 000 0003");
    expect(await setPhone(tenantOf(adminZ), shared, "0151 000 0004")).toBe(1);
  });
});
