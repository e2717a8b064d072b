import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import type { Database } from "../../db/client";
import { collabUpdates, planActions } from "../../db/schema";
import { withOwner } from "../../db/tenant";
import { loadDocumentState } from "../../app/domain/collab/document-store.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { checkPlanImport, importPlanActions, loadImportTarget, PLAN_IMPORT_COLUMNS, readPlanImportFile } from "../../app/domain/plans/import-plan-actions.server";
import { guessMapping } from "../../app/lib/import/map-rows";
import { readActions } from "../../app/lib/plan/model";
import { toXlsx } from "../../app/lib/tabular/xlsx.server";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";

let database: Database;
let world: World;
let planId: string;
const csv = (text: string) => new TextEncoder().encode(text);

const HEADER = "Protected characteristic,The barriers and issue at play,Action,Responsible officer,Time and date of completion,EDS Outcome,PSED,Equality Objectives,Status";
const GOOD = [
  'Disability,Poor access to services and poor outcomes,Progress the D/deaf access action plan,Chief Nurse,"December 2021\nUpdate September 2021\nProcurement complete.","1.1, 1.2, 2.1",Advance equality of opportunity,"2,3",Blue- action ongoing',
  "Race/ Disability,Poor access,Approve interpreting quality standards,Chief Finance Officer,31/03/2020,1A,Eliminate discrimination,2,Green",
];
const BAD = "Race,Poor access,Work with the CDW service,Director of Commissioning,During contract year 2019/20,1.1,,2,Green";

const pending = async () =>
  withOwner(database, (tx) => tx.select().from(collabUpdates).where(and(eq(collabUpdates.document, `plan:${planId}`))));
const projected = async () => withOwner(database, (tx) => tx.select().from(planActions).where(eq(planActions.planId, planId)).orderBy(planActions.position));

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
      { number: 2, text: "To improve access and outcomes for patients and communities who experience disadvantage" },
      { number: 3, text: "To improve the equality performance of our providers through collaboration and partnership working" },
    ],
  }));
});
afterAll(async () => {
  await database?.close();
});

describe("importing plan actions", () => {
  it("adds nothing from a file with one bad row, and names its line and column", async () => {
    const table = await readPlanImportFile("plan.csv", csv([HEADER, GOOD[0], BAD, GOOD[1]].join("\n")));
    const mapping = guessMapping(table.headers, PLAN_IMPORT_COLUMNS);
    const checked = await checkPlanImport(database, world.actors.leadA, planId, table, mapping);
    expect(checked.result.ok).toBe(false);
    const outcome = await importPlanActions(database, world.actors.leadA, planId, table, mapping);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual([{ line: 3, reasons: [expect.stringMatching(/^Time and date of completion: "During contract year 2019\/20" is not a date/)] }]);
    expect(await projected()).toEqual([]);
    expect(await pending()).toEqual([]);
  });

  it("adds every row of a valid file in one update attributed to the person, and projects them", async () => {
    const table = await readPlanImportFile("plan.csv", csv([HEADER, ...GOOD].join("\n")));
    const outcome = await importPlanActions(database, world.actors.contributorA, planId, table, guessMapping(table.headers, PLAN_IMPORT_COLUMNS));
    expect(outcome).toMatchObject({ ok: true, imported: 2 });
    const updates = await pending();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ userId: world.people.contributorA.id, orgId: world.orgs.a, collaborativeId: world.collaboratives.x });
    expect(updates[0]!.rowKeys).toHaveLength(2);

    const rows = await projected();
    expect(rows.map((r) => [r.action, r.status, r.currentDue, r.objectives])).toEqual([
      ["Progress the D/deaf access action plan", "blue", "2021-12-31", ["2", "3"]],
      ["Approve interpreting quality standards", "green", "2020-03-31", ["2"]],
    ]);
    expect(rows[0]!.updates).toMatchObject([{ at: "2021-09-01T00:00:00.000Z", text: "Procurement complete.", authorId: world.people.contributorA.id }]);

    // The document itself holds them (what the plan page and collaboration server load).
    const doc = new Y.Doc();
    for (const part of await withOwner(database, (tx) => loadDocumentState(tx, `plan:${planId}`))) Y.applyUpdate(doc, part);
    expect(readActions(doc).map((a) => a.key)).toEqual(rows.map((r) => r.rowKey));
  });

  it("appends a second import after the first (XLSX too)", async () => {
    const bytes = await toXlsx([{ name: "Plan", headers: HEADER.split(","), rows: [["Sex", "Access linked to sex", "Ensure service change considers PSED", "", "2026-06-30", "", "", "1", "Amber"]] }]);
    const table = await readPlanImportFile("plan.xlsx", new Uint8Array(bytes));
    const outcome = await importPlanActions(database, world.actors.leadA, planId, table, guessMapping(table.headers, PLAN_IMPORT_COLUMNS));
    expect(outcome).toMatchObject({ ok: true, imported: 1 });
    expect((await projected()).map((r) => r.action).at(-1)).toBe("Ensure service change considers PSED");
  });

  it("lets only the organisation's equality leads and contributors import", async () => {
    const table = await readPlanImportFile("plan.csv", csv([HEADER, GOOD[1]].join("\n")));
    const mapping = guessMapping(table.headers, PLAN_IMPORT_COLUMNS);
    await expect(importPlanActions(database, world.actors.viewerA, planId, table, mapping)).rejects.toMatchObject({ status: 403 });
    await expect(loadImportTarget(database, world.actors.viewerA, planId)).rejects.toMatchObject({ status: 403 });
    // Another organisation (same collaborative, or another) does not see the plan at all.
    await expect(importPlanActions(database, world.actors.leadA2, planId, table, mapping)).rejects.toMatchObject({ status: 404 });
    await expect(importPlanActions(database, world.actors.leadB, planId, table, mapping)).rejects.toMatchObject({ status: 404 });
    await expect(loadImportTarget(database, world.actors.leadA2, "not-a-uuid")).rejects.toMatchObject({ status: 404 });
  });

  it("refuses an unreadable file as a form error", async () => {
    await expect(readPlanImportFile("plan.pdf", csv("%PDF"))).rejects.toMatchObject({ status: 422 });
  });
});
