import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client";
import { collaborativeMembers, collaboratives, memberships, organisations, userCredentials, users, type OrganisationType, type Role } from "../../db/schema";
import { hashPassword } from "../../app/domain/auth/crypto.server";
import { loadActingContexts } from "../../app/domain/auth/load-contexts.server";
import type { Actor } from "../../app/domain/auth/actor";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export const unique = (prefix = "t") => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function createCollaborative(database: Database, name = unique("Collaborative")): Promise<string> {
  const [row] = await database.db.insert(collaboratives).values({ name }).returning({ id: collaboratives.id });
  return row!.id;
}

export async function createOrganisation(
  database: Database,
  collaborativeId: string,
  options: { name?: string; type?: OrganisationType } = {},
): Promise<string> {
  const [row] = await database.db
    .insert(organisations)
    .values({ name: options.name ?? unique("Org"), type: options.type ?? "acute_trust" })
    .returning({ id: organisations.id });
  await database.db.insert(collaborativeMembers).values({ collaborativeId, orgId: row!.id });
  return row!.id;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

export async function createUser(database: Database, memberOf: [orgId: string, role: Role][] = [], name = unique("Person")): Promise<TestUser> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@test.example`;
  const [row] = await database.db.insert(users).values({ email, name }).returning({ id: users.id });
  await database.db.insert(userCredentials).values({ userId: row!.id, passwordHash: await hashed() });
  for (const [orgId, role] of memberOf) await database.db.insert(memberships).values({ userId: row!.id, orgId, role });
  return { id: row!.id, email, name };
}

/** The Actor a signed-in request would carry, acting for `orgId` (the first collaborative of it). */
export async function actorFor(database: Database, user: TestUser, orgId: string, collaborativeId?: string): Promise<Actor> {
  const contexts = await loadActingContexts(database, user.id);
  const active = contexts.find((c) => c.orgId === orgId && (!collaborativeId || c.collaborativeId === collaborativeId));
  if (!active) throw new Error(`${user.name} has no membership of ${orgId}`);
  return { userId: user.id, name: user.name, email: user.email, sessionId: "test-session", contexts, active };
}

/**
 * Two collaboratives. X has organisations A and A2; Y has B. People in several roles, each with
 * an Actor ready for domain calls. Every call makes a fresh world, so tests never collide.
 */
export async function createWorld(database: Database) {
  const x = await createCollaborative(database);
  const y = await createCollaborative(database);
  const orgA = await createOrganisation(database, x, { type: "acute_trust" });
  const orgA2 = await createOrganisation(database, x, { type: "mental_health_trust" });
  const orgB = await createOrganisation(database, y, { type: "icb" });
  const people = {
    adminX: await createUser(database, [[orgA, "collaborative_admin"]]),
    leadA: await createUser(database, [[orgA, "equality_lead"]]),
    contributorA: await createUser(database, [[orgA, "contributor"]]),
    viewerA: await createUser(database, [[orgA, "viewer"]]),
    leadA2: await createUser(database, [[orgA2, "equality_lead"]]),
    adminY: await createUser(database, [[orgB, "collaborative_admin"]]),
    leadB: await createUser(database, [[orgB, "equality_lead"]]),
  };
  const actors = {
    adminX: await actorFor(database, people.adminX, orgA),
    leadA: await actorFor(database, people.leadA, orgA),
    contributorA: await actorFor(database, people.contributorA, orgA),
    viewerA: await actorFor(database, people.viewerA, orgA),
    leadA2: await actorFor(database, people.leadA2, orgA2),
    adminY: await actorFor(database, people.adminY, orgB),
    leadB: await actorFor(database, people.leadB, orgB),
  };
  return { collaboratives: { x, y }, orgs: { a: orgA, a2: orgA2, b: orgB }, people, actors };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
