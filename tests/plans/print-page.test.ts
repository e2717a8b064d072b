import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { withTenant } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import { changePlanDocument } from "../../app/domain/plans/change-plan-document.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { appendActions } from "../../app/lib/plan/model";
import * as printRoute from "../../app/routes/plans.$planId.print";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";

let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(async () => {
  await database?.close();
});

/** The published view as the server draws it. */
async function printPage(planId: string) {
  const data = (await callRoute(database, printRoute.loader, world.people.leadA, `/plans/${planId}/print`, { params: { planId } })).body;
  return renderRoute(printRoute.default, "/plans/:planId/print", `/plans/${planId}/print`, { loader: data });
}

describe("a plan's published view", () => {
  it("names an action's objectives, and says so of a number the plan no longer has", async () => {
    const { id: planId } = await createPlan(database, world.actors.leadA, {
      kind: "equality_objectives", title: "Objectives plan", periodStart: "2024-04-01", periodEnd: "2028-03-31",
      objectives: [{ number: 1, text: "To be fair" }, { number: 2, text: "To improve access" }],
    });
    await withTenant(database, tenantOf(world.actors.leadA), (tx) =>
      changePlanDocument(tx, { planId, collaborativeId: world.collaboratives.x, orgId: world.orgs.a }, world.people.leadA.id, (doc) =>
        appendActions(doc, [{ action: "Serves two and a removed four", objectives: ["2", "4"] }]),
      ),
    );
    const html = await printPage(planId);
    expect(html).toContain("2. To improve access; 4 (no longer one of this plan&#x27;s objectives)");
  });
});
