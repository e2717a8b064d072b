import { afterAll, beforeAll, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client";
import { invitations, memberships } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase({ max: 10 });
  world = await createWorld(database);
  for (const [orgId, collaborativeId] of [
    [world.orgs.a, world.collaboratives.x],
    [world.orgs.b, world.collaboratives.y],
  ] as const) {
    for (let i = 0; i < 5; i++) {
      await database.db.insert(invitations).values({
        tokenHash: randomUUID(),
        collaborativeId,
        orgId,
        email: `${i}-${orgId}@test.example`,
        role: "viewer",
        expiresAt: new Date(Date.now() + 86_400_000),
      });
    }
  }
});
afterAll(() => database?.close());

it("1,000 interleaved requests alternating between two organisations over one pool see 0 cross-tenant rows", async () => {
  const sides = [
    { actor: world.actors.leadA, orgId: world.orgs.a },
    { actor: world.actors.leadB, orgId: world.orgs.b },
  ];
  const results = await Promise.all(
    Array.from({ length: 1000 }, (_, i) => {
      const side = sides[i % 2]!;
      return withTenant(database, tenantOf(side.actor), async (tx) => {
        const inv = await tx.select({ orgId: invitations.orgId }).from(invitations);
        const mem = await tx.select({ orgId: memberships.orgId }).from(memberships);
        return { expected: side.orgId, orgIds: [...inv, ...mem].map((r) => r.orgId), invitations: inv.length };
      });
    }),
  );
  const crossTenant = results.flatMap((r) => r.orgIds.filter((o) => o !== r.expected && o !== world.orgs.a2));
  expect(crossTenant).toHaveLength(0);
  // Each side saw its own rows every time (not vacuously empty).
  expect(results.every((r) => r.invitations === 5)).toBe(true);
});
