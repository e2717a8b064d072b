import { and, eq, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../../db/client";
import {
  assessments,
  characteristics,
  collaborativeMembers,
  DEFAULT_LEGEND,
  DEFAULT_REGISTER_TITLE,
  evidenceAttachments,
  evidenceFindings,
  evidenceItems,
  evidenceRecommendations,
  registers,
} from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { type Actor, tenantOf } from "../../app/domain/auth/actor";
import { openRegister } from "../../app/domain/register/open-register.server";
import { todayIso } from "../../app/lib/plan/dates";
import { openTestDatabase } from "../support/db";
import { actorFor, createOrganisation, createUser, createWorld, type World } from "../support/factories";
import { frameworkIds, seedAssessment } from "../support/grading";

/**
 * Policies as strict as the application's checks (migrations 0018 and 0019): each write below is
 * one the app never makes, attempted as the app role in a real tenant context, as a forgotten
 * check would. Each refusal is paired with the legitimate write next to it, so a refusal means the
 * rule and not a broken fixture.
 */
let database: Database;
let world: World;
let regionalLead: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  regionalLead = await actorFor(database, await createUser(database, [[world.orgs.a, "regional_lead"]]), world.orgs.a);
});
afterAll(() => database?.close());

function refusal(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "42501") return true;
    if (/row-level security|permission denied/i.test(String((e as { message?: string }).message))) return true;
  }
  return false;
}

/** Rows the statement (ending in `returning 1`) changed as the app role in the actor's context, or "refused". */
async function asApp(actor: Actor, statement: SQL): Promise<number | "refused"> {
  try {
    return await withTenant(database, tenantOf(actor), async (tx) => rowsOf(await tx.execute(statement)).length);
  } catch (error) {
    if (refusal(error)) return "refused";
    throw error;
  }
}

async function itemOf(orgId: string, shared: boolean, title = "A report"): Promise<string> {
  const [row] = await database.db
    .insert(evidenceItems)
    .values({ collaborativeId: world.collaboratives.x, orgId, type: "report", title, sharedAt: shared ? new Date() : null })
    .returning({ id: evidenceItems.id });
  return row!.id;
}

describe("a published assessment", () => {
  it("cannot be set back to grading, or changed at all, by its own equality lead", async () => {
    const { eds2022 } = await frameworkIds(database);
    const published = await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: eds2022, yearStart: 2019, published: true });
    expect(await asApp(world.actors.leadA, sql`update assessments set phase = 'grading', published_on = null where id = ${published} returning 1`)).toBe(0);
    expect(await asApp(world.actors.leadA, sql`update assessments set eds_lead = 'Someone else' where id = ${published} returning 1`)).toBe(0);
    const [after] = await database.db.select().from(assessments).where(eq(assessments.id, published));
    expect(after).toMatchObject({ phase: "published", edsLead: null });
  });

  it("is still published by its equality lead (the last change it takes)", async () => {
    const { eds2022 } = await frameworkIds(database);
    const draft = await seedAssessment(database, { collaborativeId: world.collaboratives.x, orgId: world.orgs.a, frameworkId: eds2022, yearStart: 2018 });
    expect(await asApp(world.actors.leadA, sql`update assessments set phase = 'published', published_on = '2019-02-20' where id = ${draft} returning 1`)).toBe(1);
    expect(await asApp(world.actors.leadA, sql`update assessments set phase = 'grading' where id = ${draft} returning 1`)).toBe(0);
  });
});

describe("the parts of an evidence item", () => {
  it("cannot be added by another organisation to the item while claiming their own organisation", async () => {
    const { a, a2 } = world.orgs;
    const x = world.collaboratives.x;
    const [c] = await database.db.select({ id: characteristics.id }).from(characteristics).limit(1);
    const own = await itemOf(a2, false);
    const lead = world.actors.leadA2;
    const parts = (item: string) => [
      sql`insert into evidence_findings (collaborative_id, org_id, item_id, text) values (${x}, ${a2}, ${item}, 'A finding') returning 1`,
      sql`insert into evidence_recommendations (collaborative_id, org_id, item_id, text) values (${x}, ${a2}, ${item}, 'A recommendation') returning 1`,
      sql`insert into evidence_tags (collaborative_id, org_id, item_id, kind, ref_id) values (${x}, ${a2}, ${item}, 'characteristic', ${c!.id}) returning 1`,
      sql`insert into evidence_attachments (collaborative_id, org_id, item_id, filename, content_type, size, data) values (${x}, ${a2}, ${item}, 'a.csv', 'text/csv', 3, ${Buffer.from("a,b")}) returning 1`,
      sql`insert into evidence_events (collaborative_id, org_id, item_id, actor_id, action) values (${x}, ${a2}, ${item}, ${world.people.leadA2.id}, 'tagged') returning 1`,
    ];
    // A's items, private and shared: neither is A2's, whatever org_id the row claims.
    for (const foreign of [await itemOf(a, false), await itemOf(a, true)]) {
      for (const part of parts(foreign)) expect(await asApp(lead, part)).toBe("refused");
    }
    for (const part of parts(own)) expect(await asApp(lead, part)).toBe(1);
    const a2Findings = await database.db.select().from(evidenceFindings).where(eq(evidenceFindings.orgId, a2));
    expect(a2Findings.every((f) => f.itemId === own)).toBe(true);
  });

  it("does not take a finding's tag on another item's finding", async () => {
    const first = await itemOf(world.orgs.a2, false);
    const second = await itemOf(world.orgs.a2, false);
    const [finding] = await database.db
      .insert(evidenceFindings)
      .values({ collaborativeId: world.collaboratives.x, orgId: world.orgs.a2, itemId: second, text: "Of the second item" })
      .returning({ id: evidenceFindings.id });
    const [c] = await database.db.select({ id: characteristics.id }).from(characteristics).limit(1);
    const tag = (item: string) =>
      sql`insert into evidence_tags (collaborative_id, org_id, item_id, finding_id, kind, ref_id) values (${world.collaboratives.x}, ${world.orgs.a2}, ${item}, ${finding!.id}, 'characteristic', ${c!.id}) returning 1`;
    expect(await asApp(world.actors.leadA2, tag(first))).toBe("refused");
    expect(await asApp(world.actors.leadA2, tag(second))).toBe(1);
  });
});

describe("sharing an evidence item", () => {
  const unshare = (id: string) => sql`update evidence_items set shared_at = null, shared_by = null where id = ${id} returning 1`;
  const share = (id: string, by: string) => sql`update evidence_items set shared_at = now(), shared_by = ${by} where id = ${id} returning 1`;
  const retitle = (id: string) => sql`update evidence_items set title = 'Edited', updated_at = now() where id = ${id} returning 1`;

  it("is undone only by the equality lead, not a contributor", async () => {
    const item = await itemOf(world.orgs.a, true);
    expect(await asApp(world.actors.contributorA, unshare(item))).toBe("refused");
    expect(await asApp(world.actors.leadA, unshare(item))).toBe(1);
    expect(await asApp(world.actors.contributorA, share(item, world.people.contributorA.id))).toBe("refused");
    expect(await asApp(world.actors.leadA, share(item, world.people.leadA.id))).toBe(1);
  });

  it("freezes the item: nobody edits it until it is unshared (the scan for personal data runs again on sharing)", async () => {
    const item = await itemOf(world.orgs.a, true, "As shared");
    expect(await asApp(world.actors.leadA, retitle(item))).toBe("refused");
    expect(await asApp(world.actors.contributorA, retitle(item))).toBe("refused");
    expect((await database.db.select().from(evidenceItems).where(eq(evidenceItems.id, item)))[0]!.title).toBe("As shared");
    expect(await asApp(world.actors.leadA, unshare(item))).toBe(1);
    expect(await asApp(world.actors.contributorA, retitle(item))).toBe(1);
  });

  it("keeps it while it is shared: its writers delete it only once it is private again (0023)", async () => {
    const remove = (id: string) => sql`delete from evidence_items where id = ${id} returning 1`;
    const item = await itemOf(world.orgs.a, true);
    expect(await asApp(world.actors.leadA, remove(item))).toBe(0);
    expect(await asApp(world.actors.contributorA, remove(item))).toBe(0);
    expect(await database.db.select().from(evidenceItems).where(eq(evidenceItems.id, item))).toHaveLength(1);
    expect(await asApp(world.actors.leadA, unshare(item))).toBe(1);
    expect(await asApp(world.actors.contributorA, remove(item))).toBe(1);
  });
});

describe("the shared register's title and legend", () => {
  it("are changed by the collaborative's admins and regional leads only", async () => {
    await database.db.insert(registers).values({ collaborativeId: world.collaboratives.x }).onConflictDoNothing();
    const retitle = (title: string) => sql`update registers set title = ${title}, legend = legend where collaborative_id = ${world.collaboratives.x} returning 1`;
    for (const actor of [world.actors.leadA, world.actors.contributorA, world.actors.leadA2]) {
      expect(await asApp(actor, retitle(`By ${actor.userId}`))).toBe(0);
    }
    expect(await asApp(world.actors.adminX, retitle("By the admin"))).toBe(1);
    expect(await asApp(regionalLead, retitle("By the regional lead"))).toBe(1);
    expect((await database.db.select().from(registers).where(eq(registers.collaborativeId, world.collaboratives.x)))[0]!.title).toBe("By the regional lead");
  });
});

describe("a shared evidence item's findings, recommendations and files (0019)", () => {
  const x = () => world.collaboratives.x;
  const a = () => world.orgs.a;
  /** An item of A with one finding, recommendation and file, on the owner connection. */
  async function itemWithParts(shared: boolean) {
    const item = await itemOf(a(), shared, "With parts");
    const owned = { collaborativeId: x(), orgId: a(), itemId: item };
    const [finding] = await database.db.insert(evidenceFindings).values({ ...owned, text: "As shared" }).returning({ id: evidenceFindings.id });
    const [recommendation] = await database.db.insert(evidenceRecommendations).values({ ...owned, text: "As shared" }).returning({ id: evidenceRecommendations.id });
    const [file] = await database.db
      .insert(evidenceAttachments)
      .values({ ...owned, filename: "a.csv", contentType: "text/csv", size: 3, data: Buffer.from("a,b"), extractedText: "As shared" })
      .returning({ id: evidenceAttachments.id });
    return { item, finding: finding!.id, recommendation: recommendation!.id, file: file!.id };
  }
  const additions = (item: string) => [
    sql`insert into evidence_findings (collaborative_id, org_id, item_id, text) values (${x()}, ${a()}, ${item}, 'Added') returning 1`,
    sql`insert into evidence_recommendations (collaborative_id, org_id, item_id, text) values (${x()}, ${a()}, ${item}, 'Added') returning 1`,
    sql`insert into evidence_attachments (collaborative_id, org_id, item_id, filename, content_type, size, data) values (${x()}, ${a()}, ${item}, 'b.csv', 'text/csv', 3, ${Buffer.from("c,d")}) returning 1`,
  ];
  const changes = (p: Awaited<ReturnType<typeof itemWithParts>>) => [
    sql`update evidence_findings set text = 'Changed' where id = ${p.finding} returning 1`,
    sql`update evidence_recommendations set text = 'Changed', response = 'Changed' where id = ${p.recommendation} returning 1`,
    sql`update evidence_attachments set extracted_text = 'Changed', redacted = true, filename = 'Renamed.csv' where id = ${p.file} returning 1`,
  ];
  const removals = (p: Awaited<ReturnType<typeof itemWithParts>>) => [
    sql`delete from evidence_findings where id = ${p.finding} returning 1`,
    sql`delete from evidence_recommendations where id = ${p.recommendation} returning 1`,
    sql`delete from evidence_attachments where id = ${p.file} returning 1`,
  ];
  const texts = async (p: Awaited<ReturnType<typeof itemWithParts>>) => [
    (await database.db.select().from(evidenceFindings).where(eq(evidenceFindings.itemId, p.item))).map((f) => f.text),
    (await database.db.select().from(evidenceRecommendations).where(eq(evidenceRecommendations.itemId, p.item))).map((r) => r.text),
    (await database.db.select().from(evidenceAttachments).where(eq(evidenceAttachments.itemId, p.item))).map((f) => f.extractedText),
  ];

  it("cannot be added, changed or removed by the owner's writers while it is shared", async () => {
    const shared = await itemWithParts(true);
    for (const actor of [world.actors.leadA, world.actors.contributorA]) {
      for (const add of additions(shared.item)) expect(await asApp(actor, add)).toBe("refused");
      for (const change of changes(shared)) expect(await asApp(actor, change)).toBe(0);
      for (const remove of removals(shared)) expect(await asApp(actor, remove)).toBe(0);
    }
    expect(await texts(shared)).toEqual([["As shared"], ["As shared"], ["As shared"]]);
  });

  it("are written as before while the item is private, and again once it is unshared", async () => {
    const open = await itemWithParts(false);
    for (const add of additions(open.item)) expect(await asApp(world.actors.contributorA, add)).toBe(1);
    for (const change of changes(open)) expect(await asApp(world.actors.contributorA, change)).toBe(1);
    for (const remove of removals(open)) expect(await asApp(world.actors.contributorA, remove)).toBe(1);
    const shared = await itemWithParts(true);
    expect(await asApp(world.actors.leadA, sql`update evidence_items set shared_at = null, shared_by = null where id = ${shared.item} returning 1`)).toBe(1);
    for (const add of additions(shared.item)) expect(await asApp(world.actors.contributorA, add)).toBe(1);
    for (const change of changes(shared)) expect(await asApp(world.actors.contributorA, change)).toBe(1);
  });

  it("are changed and removed only by the owner's writers: not by its viewers, nor by another organisation that reads them once shared", async () => {
    // What the edit pages change besides the text: a finding's kind, a recommendation's addressee and due date.
    const moves = (p: Awaited<ReturnType<typeof itemWithParts>>) => [
      sql`update evidence_findings set kind = 'quote' where id = ${p.finding} returning 1`,
      sql`update evidence_recommendations set addressed_to_org_id = ${world.orgs.a2}, response_due = '2031-01-31' where id = ${p.recommendation} returning 1`,
    ];
    const seen = (actor: Actor, p: Awaited<ReturnType<typeof itemWithParts>>) =>
      asApp(actor, sql`select 1 from evidence_findings where id = ${p.finding} union all select 1 from evidence_recommendations where id = ${p.recommendation} union all select 1 from evidence_attachments where id = ${p.file}`);
    const open = await itemWithParts(false);
    const shared = await itemWithParts(true);
    // Both read the rows, so a 0 below is the policy's refusal, not a row they cannot see.
    expect(await seen(world.actors.viewerA, open)).toBe(3);
    expect(await seen(world.actors.leadA2, shared)).toBe(3);
    for (const statement of [...changes(open), ...moves(open), ...removals(open)]) expect(await asApp(world.actors.viewerA, statement)).toBe(0);
    for (const statement of [...changes(shared), ...moves(shared), ...removals(shared)]) expect(await asApp(world.actors.leadA2, statement)).toBe(0);
    expect(await texts(open)).toEqual([["As shared"], ["As shared"], ["As shared"]]);
    expect(await texts(shared)).toEqual([["As shared"], ["As shared"], ["As shared"]]);
    for (const statement of [...moves(open), ...removals(open)]) expect(await asApp(world.actors.contributorA, statement)).toBe(1);
  });

  it("do not include tags, which carry no personal data and stay editable on a shared item (as the app allows)", async () => {
    const shared = await itemOf(a(), true);
    const [c] = await database.db.select({ id: characteristics.id }).from(characteristics).limit(1);
    expect(await asApp(world.actors.contributorA, sql`insert into evidence_tags (collaborative_id, org_id, item_id, kind, ref_id) values (${x()}, ${a()}, ${shared}, 'characteristic', ${c!.id}) returning 1`)).toBe(1);
    expect(await asApp(world.actors.contributorA, sql`delete from evidence_tags where item_id = ${shared} returning 1`)).toBe(1);
  });
});

describe("the shared register's row, created by its first opener (0019)", () => {
  it("carries the default title and legend only, whoever creates it", async () => {
    const fresh = await createWorld(database);
    const x = fresh.collaboratives.x;
    const forgedLegend = JSON.stringify([{ key: "red", label: "Ignored", colour: "red" }]);
    const attempts = [
      sql`insert into registers (collaborative_id, title) values (${x}, 'Forged title') on conflict do nothing returning 1`,
      sql`insert into registers (collaborative_id, legend) values (${x}, ${forgedLegend}::jsonb) on conflict do nothing returning 1`,
      sql`insert into registers (collaborative_id, title, legend) values (${x}, ${DEFAULT_REGISTER_TITLE}, ${JSON.stringify(DEFAULT_LEGEND.slice(1))}::jsonb) returning 1`,
    ];
    // Admins too: they change the title and legend afterwards, through the update.
    for (const actor of [fresh.actors.leadA2, fresh.actors.contributorA, fresh.actors.adminX]) {
      for (const attempt of attempts) expect(await asApp(actor, attempt)).toBe("refused");
    }
    expect(await database.db.select().from(registers).where(eq(registers.collaborativeId, x))).toEqual([]);
    // The page's own creation.
    const opened = await openRegister(database, fresh.actors.contributorA);
    expect(opened).toMatchObject({ title: DEFAULT_REGISTER_TITLE, legend: DEFAULT_LEGEND });
    expect(await asApp(fresh.actors.adminX, sql`update registers set title = 'Our register' where collaborative_id = ${x} returning 1`)).toBe(1);
  });
});

describe("leaving a collaborative (0019)", () => {
  const membership = (orgId: string) => and(eq(collaborativeMembers.orgId, orgId), eq(collaborativeMembers.collaborativeId, world.collaboratives.x));
  const setLeftOn = (orgId: string, value: string | null) =>
    sql`update collaborative_members set left_on = ${value}::date where org_id = ${orgId} and collaborative_id = ${world.collaboratives.x} returning 1`;
  const leftOn = async (orgId: string) => (await database.db.select().from(collaborativeMembers).where(membership(orgId)))[0]!.leftOn;
  const daysFromToday = (days: number) => {
    const date = new Date(`${todayIso()}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  };
  const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  it("is final for the app role: an admin can neither bring a departed organisation back nor move its leaving date", async () => {
    const departed = await createOrganisation(database, world.collaboratives.x);
    await database.db.update(collaborativeMembers).set({ joinedOn: "2019-04-01", leftOn: "2024-03-31" }).where(membership(departed));
    expect(await asApp(world.actors.adminX, setLeftOn(departed, null))).toBe("refused");
    expect(await asApp(world.actors.adminX, setLeftOn(departed, "2023-03-31"))).toBe("refused");
    expect(await asApp(world.actors.adminX, setLeftOn(departed, daysFromToday(30)))).toBe("refused");
    expect(await leftOn(departed)).toBe("2024-03-31");
    // The row's other date is still the admin's to correct.
    expect(await asApp(world.actors.adminX, sql`update collaborative_members set joined_on = '2018-04-01' where org_id = ${departed} returning 1`)).toBe(1);
    // Coming back is an operator's change, on the owner connection.
    await database.db.update(collaborativeMembers).set({ leftOn: null }).where(membership(departed));
    expect(await leftOn(departed)).toBeNull();
  });

  it("is recorded by an admin as of today or earlier, never in the future", async () => {
    const leaving = await createOrganisation(database, world.collaboratives.x);
    expect(await asApp(world.actors.adminX, setLeftOn(leaving, daysFromToday(2)))).toBe("refused");
    expect(await leftOn(leaving)).toBeNull();
    expect(await asApp(world.actors.adminX, setLeftOn(leaving, todayIso()))).toBe(1);
    expect(await leftOn(leaving)).toBe(todayIso());
  });

  it("cannot come before the joining date, for anyone (0020)", async () => {
    const member = await createOrganisation(database, world.collaboratives.x);
    const violation = (statement: Promise<unknown>) =>
      statement.then(
        () => "accepted",
        (error: unknown) => (/collaborative_members_left_after_joined/.test(String((error as { cause?: unknown }).cause ?? error)) ? "violation" : error),
      );
    // joined_on defaults to the database's today (its session time zone's, UTC here), which is England's
    // yesterday from midnight to 1 a.m. in summer: the day before the row's own joining date, not
    // England's yesterday, is the one refused by the check (not the policy) at any hour.
    const joinedOn = (await database.db.select({ joinedOn: collaborativeMembers.joinedOn }).from(collaborativeMembers).where(membership(member)))[0]!.joinedOn;
    await expect(violation(withTenant(database, tenantOf(world.actors.adminX), (tx) => tx.execute(setLeftOn(member, dayBefore(joinedOn)))))).resolves.toBe("violation");
    await expect(violation(database.db.update(collaborativeMembers).set({ leftOn: "2020-01-01" }).where(membership(member)))).resolves.toBe("violation");
    expect(await leftOn(member)).toBeNull();
    await database.db.update(collaborativeMembers).set({ joinedOn: "2019-04-01", leftOn: "2020-01-01" }).where(membership(member));
    await expect(violation(database.db.update(collaborativeMembers).set({ joinedOn: "2021-04-01" }).where(membership(member)))).resolves.toBe("violation");
    expect(await leftOn(member)).toBe("2020-01-01");
  });

  // Once it has left, its people are no longer the collaborative's admin's to manage (0033): the
  // app says so (grantableRoles) and the app role's policies agree, so a forgotten check cannot.
  it("takes its people out of the collaborative's admin's hands: no role change, removal or invitation", async () => {
    const departed = await createOrganisation(database, world.collaboratives.x);
    const staying = await createOrganisation(database, world.collaboratives.x);
    const person = await createUser(database, [[departed, "viewer"], [staying, "viewer"]]);
    const change = (orgId: string) => sql`update memberships set role = 'contributor' where user_id = ${person.id} and org_id = ${orgId} returning 1`;
    const invite = (orgId: string) =>
      sql`insert into invitations (token_hash, collaborative_id, org_id, email, role, created_by, expires_at)
          values (${`hash-${orgId}`}, ${world.collaboratives.x}, ${orgId}, 'late@test.example', 'viewer', ${world.people.adminX.id}, now() + interval '1 day') returning 1`;
    await database.db.update(collaborativeMembers).set({ joinedOn: "2019-04-01", leftOn: todayIso() }).where(membership(departed));

    expect(await asApp(world.actors.adminX, change(departed))).toBe(0);
    expect(await asApp(world.actors.adminX, invite(departed))).toBe("refused");
    // The same writes about an organisation still in the collaborative go through.
    expect(await asApp(world.actors.adminX, change(staying))).toBe(1);
    expect(await asApp(world.actors.adminX, invite(staying))).toBe(1);
    // A delete's USING is the update's: no row of the departed organisation is visible to remove.
    expect(await asApp(world.actors.adminX, sql`delete from memberships where user_id = ${person.id} and org_id = ${departed} returning 1`)).toBe(0);
    expect(await asApp(world.actors.adminX, sql`delete from memberships where user_id = ${person.id} and org_id = ${staying} returning 1`)).toBe(1);
  });
});
