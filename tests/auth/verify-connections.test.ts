import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { collaborativeMembers, sessions } from "../../db/schema";
import { verifyConnections, type ConnectionCheck } from "../../app/domain/auth/verify-sessions.server";
import { openTestDatabase } from "../support/db";
import { createCollaborative, createOrganisation, createUser } from "../support/factories";
import { testConfig } from "../support/config";
import { todayIso } from "../../app/lib/plan/dates";

/** What the collaboration server asks every couple of seconds of every open connection. */
let database: Database;
const config = testConfig();
let x: string;
let y: string;
let orgA: string;
let orgB: string;
let orgC: string;
const live = `live-${Date.now()}`;
const expired = `expired-${Date.now()}`;
const tooOld = `too-old-${Date.now()}`;
const other = `other-${Date.now()}`;

beforeAll(async () => {
  database = await openTestDatabase();
  x = await createCollaborative(database);
  y = await createCollaborative(database);
  orgA = await createOrganisation(database, x);
  orgB = await createOrganisation(database, x);
  orgC = await createOrganisation(database, y);
  await database.db.insert(collaborativeMembers).values({ collaborativeId: y, orgId: orgA });
  const person = await createUser(database, [
    [orgA, "equality_lead"],
    [orgB, "viewer"],
  ]);
  const someoneElse = await createUser(database, [[orgC, "contributor"]]);
  const hour = 3_600_000;
  await database.db.insert(sessions).values([
    { id: live, userId: person.id, expiresAt: new Date(Date.now() + hour) },
    { id: expired, userId: person.id, expiresAt: new Date(Date.now() - 1000) },
    { id: tooOld, userId: person.id, expiresAt: new Date(Date.now() + hour), createdAt: new Date(Date.now() - (config.sessionMaxHours + 1) * hour) },
    { id: other, userId: someoneElse.id, expiresAt: new Date(Date.now() + hour) },
  ]);
});
afterAll(() => database?.close());

const check = (sessionId: string, orgId: string | null, collaborativeId: string | null): ConnectionCheck => ({ sessionId, orgId, collaborativeId });

describe("verifying open connections", () => {
  it("gives each connection its session's standing and the role held where it acts, in one pass", async () => {
    const standings = await verifyConnections(database, config, [
      check(live, orgA, x),
      check(live, orgB, x),
      check(live, orgA, y),
      check(expired, orgA, x),
      check(tooOld, orgA, x),
      check("no-such-session", orgA, x),
      // Not a member of C, and C is not in X.
      check(live, orgC, y),
      check(other, orgC, x),
      check(other, orgC, y),
      check(live, null, null),
    ]);
    expect(standings).toEqual([
      { live: true, role: "equality_lead" },
      { live: true, role: "viewer" },
      { live: true, role: "equality_lead" },
      { live: false, role: null },
      { live: false, role: null },
      { live: false, role: null },
      { live: true, role: null },
      { live: true, role: null },
      { live: true, role: "contributor" },
      { live: true, role: null },
    ]);
  });

  it("drops the role where the organisation has left the collaborative", async () => {
    await database.db
      .update(collaborativeMembers)
      // England's today, as the app records a leaving: the UTC date is England's yesterday from
      // midnight to 1 a.m. in summer, before the joining date where the database's clock is England's.
      .set({ leftOn: todayIso() })
      .where(and(eq(collaborativeMembers.collaborativeId, y), eq(collaborativeMembers.orgId, orgA)));
    expect(await verifyConnections(database, config, [check(live, orgA, y), check(live, orgA, x)])).toEqual([
      { live: true, role: null },
      { live: true, role: "equality_lead" },
    ]);
  });

  it("answers nothing for no connections", async () => {
    expect(await verifyConnections(database, config, [])).toEqual([]);
  });
});
