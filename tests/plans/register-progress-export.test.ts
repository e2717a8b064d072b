import { randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { registerRows } from "../../db/schema";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { pullIntoPlan } from "../../app/domain/plans/pull-into-plan.server";
import { parseCsv } from "../../app/lib/tabular/csv";
import { PROGRESS_COUNT_HEADERS, PROGRESS_DETAIL_HEADERS } from "../../app/lib/register/progress-tabular";
import { loader } from "../../app/routes/register.progress.export";
import { loader as pageLoader } from "../../app/routes/register.progress";
import { callRoute } from "../support/routes";
import { openTestDatabase } from "../support/db";
import { cookieHeader, testConfig } from "../support/config";
import { createOrganisation, createUser, createWorld, TEST_PASSWORD, type TestUser, type World } from "../support/factories";

let database: Database;
let world: World;
const config = testConfig();
let otherTrust: string;

async function download(user: TestUser, format = "csv"): Promise<Response> {
  const result = await signIn(database, config, { email: user.email, password: TEST_PASSWORD, address: null });
  if (!result.ok) throw new Error("sign-in failed");
  const request = new Request(`http://localhost:3000/register/progress/export?format=${format}`, { headers: { cookie: cookieHeader(result.setCookie) } });
  return (await loader({ request, context: { database, config } as unknown as AppLoadContext, params: {} } as never)) as Response;
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  otherTrust = `Quiet Trust ${randomUUID().slice(0, 4)}`;
  await createOrganisation(database, world.collaboratives.x, { name: otherTrust });
  const rowKey = randomUUID();
  await database.db.insert(registerRows).values({
    collaborativeId: world.collaboratives.x, rowKey, position: 1, characteristics: ["disability"], barrier: "No BSL interpreters at night", issue: "", identifiedBy: "",
    evidence: [], edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", status: null, updates: [],
  });
  const { id: planId } = await createPlan(database, world.actors.leadA, { kind: "equality_objectives", title: "Plan", periodStart: "2024-04-01", periodEnd: "2028-03-31", objectives: [] });
  await pullIntoPlan(database, world.actors.leadA, planId, { kind: "register", id: rowKey });
});
afterAll(() => database?.close());

it("gives members the counts per barrier, naming no organisation", async () => {
  const response = await download(world.people.leadA2);
  expect(response.headers.get("Content-Type")).toMatch(/text\/csv/);
  const [headers, ...rows] = parseCsv(await response.text());
  expect(headers).toEqual(PROGRESS_COUNT_HEADERS);
  expect(rows.find((r) => r[1] === "No BSL interpreters at night")).toEqual(["1", "No BSL interpreters at night", "1", "0", "0", "0", "0", "1", "1 organisation: 1 no status yet", "No"]);
  const [a] = await database.db.query.organisations.findMany({ where: (o, { eq }) => eq(o.id, world.orgs.a) });
  expect(JSON.stringify(rows)).not.toContain(a!.name);
  expect(JSON.stringify(rows)).not.toContain(otherTrust);
});

it("gives regional leads each organisation's status and who has not picked it up", async () => {
  const regional = await createUser(database, [[world.orgs.a2, "regional_lead"]]);
  const [headers, ...rows] = parseCsv(await (await download(regional)).text());
  expect(headers).toEqual(PROGRESS_DETAIL_HEADERS);
  const mine = rows.filter((r) => r[1] === "No BSL interpreters at night");
  const [a] = await database.db.query.organisations.findMany({ where: (o, { eq }) => eq(o.id, world.orgs.a) });
  expect(mine).toContainEqual(["1", "No BSL interpreters at night", a!.name, "No status yet", "", "", ""]);
  expect(mine).toContainEqual(["1", "No BSL interpreters at night", otherTrust, "Not picked up", "", "", ""]);
  const xlsx = await download(regional, "xlsx");
  expect(xlsx.headers.get("Content-Type")).toMatch(/spreadsheetml/);
});

// The page explains why some people see each organisation's status: by their own role.
it("tells a collaborative admin they see the detail as an admin, not as a regional lead", async () => {
  const asAdmin = await callRoute(database, pageLoader, world.people.adminX, "/register/progress");
  expect(asAdmin.body).toMatchObject({ detail: true, roleName: "collaborative admin" });
});
