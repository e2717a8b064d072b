import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppLoadContext } from "@remix-run/node";
import type { Database } from "../../db/client";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { loadPlanForPublishing } from "../../app/domain/plans/export-plan.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { importPlanActions, PLAN_IMPORT_COLUMNS, readPlanImportFile } from "../../app/domain/plans/import-plan-actions.server";
import { guessMapping } from "../../app/lib/import/map-rows";
import { parseCsv } from "../../app/lib/tabular/csv";
import { PLAN_EXPORT_HEADERS } from "../../app/lib/plan/tabular";
import { loader as exportLoader } from "../../app/routes/plans.$planId.export";
import { loader as printLoader } from "../../app/routes/plans.$planId.print";
import { openTestDatabase } from "../support/db";
import { cookieHeader, testConfig } from "../support/config";
import { createWorld, TEST_PASSWORD, type TestUser, type World } from "../support/factories";

let database: Database;
let world: World;
let planId: string;
const config = testConfig();

const HEADER = "Protected characteristic,The barriers and issue at play,Action,Responsible officer,Time and date of completion,EDS Outcome,PSED,Equality Objectives,Status,Update";
const ROWS = [
  'Disability,Poor access to services,Progress the D/deaf access action plan,Chief Nurse,December 2021,"1.1, 2.1",Advance equality of opportunity,"1,2",Green,Update September 2021 Procurement complete.',
  "Race,Poor access and outcomes,\"=HYPERLINK(\"\"http://evil\"\")\",Director of Commissioning,31/03/2099,1A,Eliminate discrimination,2,Red,",
];

async function cookieFor(user: TestUser): Promise<string> {
  const result = await signIn(database, config, { email: user.email, password: TEST_PASSWORD, address: null });
  if (!result.ok) throw new Error("sign-in failed");
  return cookieHeader(result.setCookie);
}

async function call<T>(loader: (args: never) => Promise<T>, user: TestUser, path: string): Promise<T | Response> {
  const request = new Request(`http://localhost:3000${path}`, { headers: { cookie: await cookieFor(user) } });
  const args = { request, context: { database, config } as unknown as AppLoadContext, params: { planId: path.split("/")[2]! } };
  try {
    return await loader(args as never);
  } catch (thrown) {
    // guarded() throws data({message}, {status}) for a DomainError.
    const status = (thrown as { init?: { status?: number } }).init?.status ?? (thrown instanceof Response ? thrown.status : undefined);
    if (status) return new Response(null, { status });
    throw thrown;
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  ({ id: planId } = await createPlan(database, world.actors.leadA, {
    kind: "equality_objectives",
    title: "Equality objective plan 2024 to 2028",
    periodStart: "2024-04-01",
    periodEnd: "2028-03-31",
    objectives: [
      { number: 1, text: "To make fair and transparent commissioning decisions" },
      { number: 2, text: "To improve access and outcomes" },
    ],
  }));
  const table = await readPlanImportFile("plan.csv", new TextEncoder().encode([HEADER, ...ROWS].join("\n")));
  const outcome = await importPlanActions(database, world.actors.leadA, planId, table, guessMapping(table.headers, PLAN_IMPORT_COLUMNS));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
});
afterAll(async () => {
  await database?.close();
});

describe("plan export", () => {
  it("downloads every action with its columns as CSV, formula-safe", async () => {
    const response = (await call(exportLoader, world.people.viewerA, `/plans/${planId}/export?format=csv`)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const [headers, ...rows] = parseCsv(await response.text());
    expect(headers).toEqual([...PLAN_EXPORT_HEADERS]);
    expect(rows).toHaveLength(2);
    const cell = (row: string[], name: string) => row[PLAN_EXPORT_HEADERS.indexOf(name as never)];
    expect(cell(rows[0]!, "Action")).toBe("Progress the D/deaf access action plan");
    expect(cell(rows[0]!, "Due date")).toBe("31 December 2021");
    expect(cell(rows[0]!, "Status")).toBe("Complete (green)");
    expect(cell(rows[0]!, "Equality objectives")).toBe("1, 2");
    expect(cell(rows[0]!, "EDS outcomes")).toBe("1.1; 2.1");
    expect(cell(rows[0]!, "Updates")).toMatch(/^Update 1 September 2021, .*: Procurement complete\.$/);
    expect(cell(rows[1]!, "Action")).toBe("'=HYPERLINK(\"http://evil\")");
    expect(cell(rows[1]!, "Status")).toBe("Not started (red)");
  });

  it("downloads XLSX", async () => {
    const response = (await call(exportLoader, world.people.leadA, `/plans/${planId}/export?format=xlsx`)) as Response;
    expect(response.headers.get("content-type")).toMatch(/spreadsheetml/);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  // Remix sends a Response thrown by a download route as it is; a thrown data() would reach the
  // browser as "Unexpected Server Error" in JSON.
  it("answers another organisation's download link with a plain message saying why", async () => {
    const request = new Request(`http://localhost:3000/plans/${planId}/export?format=csv`, { headers: { cookie: await cookieFor(world.people.leadB) } });
    const thrown = await exportLoader({ request, context: { database, config } as unknown as AppLoadContext, params: { planId } } as never).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("No such plan in your organisation");
  });

  it("answers 404 to another organisation, in the same collaborative or not", async () => {
    expect(((await call(exportLoader, world.people.leadA2, `/plans/${planId}/export?format=csv`)) as Response).status).toBe(404);
    expect(((await call(exportLoader, world.people.leadB, `/plans/${planId}/export?format=csv`)) as Response).status).toBe(404);
    expect(((await call(printLoader, world.people.leadB, `/plans/${planId}/print`)) as Response).status).toBe(404);
    expect(((await call(exportLoader, world.people.leadA, `/plans/not-a-plan/export`)) as Response).status).toBe(404);
  });

  it("gives the published view its summary, contact notice and actions", async () => {
    const data = (await call(printLoader, world.people.viewerA, `/plans/${planId}/print`)) as Awaited<ReturnType<typeof printLoader>>;
    expect(data.plan.actions.map((a) => a.action)).toHaveLength(2);
    expect(data.plan.progress).toMatchObject({ total: 2, overdue: 0, slipped: 0 });
    expect(data.plan.progress.byStatus.find((s) => s.key === "green")?.count).toBe(1);
    expect(data.notice[0]).toMatch(/available in other formats/);
  });

  it("counts overdue actions (due before today, not complete)", async () => {
    const plan = await loadPlanForPublishing(database, world.actors.leadA, planId, new Date("2100-01-01T12:00:00Z"));
    expect(plan.progress.overdue).toBe(1);
  });
});
