import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { collaborativeMembers, invitations, memberships } from "../../../db/schema";
import type { IsolationCase } from "../harness";

export const foundationCases: IsolationCase[] = [
  {
    table: "collaboratives",
    seed: async (_db, w) => w.collaboratives.x,
    forgedInsert: () => ({ id: randomUUID(), name: "Forged collaborative" }),
    update: { column: "name", value: "Renamed by an outsider" },
    visibleToSameCollaborative: true,
  },
  {
    table: "organisations",
    seed: async (_db, w) => w.orgs.a,
    forgedInsert: () => ({ id: randomUUID(), name: "Forged organisation", type: "other" }),
    update: { column: "name", value: "Renamed by an outsider" },
    visibleToSameCollaborative: true,
  },
  {
    table: "collaborative_members",
    seed: async (db, w) => {
      const [row] = await db.db
        .select({ id: collaborativeMembers.id })
        .from(collaborativeMembers)
        .where(and(eq(collaborativeMembers.orgId, w.orgs.a), eq(collaborativeMembers.collaborativeId, w.collaboratives.x)));
      return row!.id;
    },
    forgedInsert: (w) => ({ collaborative_id: w.collaboratives.x, org_id: w.orgs.b }),
    update: { column: "left_on", value: "2020-01-01" },
    visibleToSameCollaborative: true,
  },
  {
    table: "memberships",
    seed: async (db, w) => {
      const [row] = await db.db.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, w.people.contributorA.id));
      return row!.id;
    },
    forgedInsert: (w) => ({ user_id: w.people.leadB.id, org_id: w.orgs.a, role: "equality_lead" }),
    update: { column: "role", value: "viewer" },
    visibleToSameCollaborative: true,
  },
  {
    table: "invitations",
    seed: async (db, w) => {
      const [row] = await db.db
        .insert(invitations)
        .values({
          tokenHash: randomUUID(),
          collaborativeId: w.collaboratives.x,
          orgId: w.orgs.a,
          email: "invitee@test.example",
          role: "viewer",
          expiresAt: new Date(Date.now() + 86_400_000),
        })
        .returning({ id: invitations.id });
      return row!.id;
    },
    forgedInsert: (w) => ({
      token_hash: randomUUID(),
      collaborative_id: w.collaboratives.x,
      org_id: w.orgs.a,
      email: "forged@test.example",
      role: "equality_lead",
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    update: { column: "revoked_at", value: new Date().toISOString() },
    visibleToSameCollaborative: false,
  },
  {
    table: "users",
    seed: async (_db, w) => w.people.contributorA.id,
    forgedInsert: () => ({ id: randomUUID(), email: `forged-${randomUUID()}@test.example`, name: "Forged" }),
    update: { column: "name", value: "Renamed by an outsider" },
    visibleToSameCollaborative: true,
  },
];
