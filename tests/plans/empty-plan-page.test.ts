import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { setPlanArchived } from "../../app/domain/plans/archive-plan.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import * as planPage from "../../app/routes/plans.$planId._index";
import { openTestDatabase } from "../support/db";
import { createWorld, type TestUser, type World } from "../support/factories";
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

async function emptyPlan(title: string) {
  const { id } = await createPlan(database, world.actors.leadA, {
    kind: "equality_objectives", title, periodStart: "2024-04-01", periodEnd: "2099-03-31", objectives: [{ number: 1, text: "To be fair" }],
  });
  return id;
}

async function draw(planId: string, user: TestUser) {
  const answer = await callRoute(database, planPage.loader, user, `/plans/${planId}`, { params: { planId } });
  expect(answer.status).toBe(200);
  return renderRoute(planPage.default, "/plans/:planId", `/plans/${planId}`, { loader: answer.body });
}

/** The words of the empty-plan message, tags removed. */
function messageOf(html: string): string {
  const found = /data-testid="plan-empty"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  expect(found, "the page has the empty plan's message").not.toBeNull();
  return found![1]!.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");
}

describe("a plan with no actions yet", () => {
  // It drew the grid's header row with nothing under it, below a bare "no actions yet".
  it("draws no grid with only a header row, for an editor or a viewer", async () => {
    const planId = await emptyPlan("Empty plan, no grid");
    for (const user of [world.people.contributorA, world.people.viewerA]) {
      const html = await draw(planId, user);
      expect(html).not.toMatch(/<table/);
      expect(html).not.toMatch(/Plan actions \(scrolls sideways\)/);
    }
  });

  it("offers an editor the ways to add the first action: Add action, the shared intelligence, an import", async () => {
    const planId = await emptyPlan("Empty plan, for an editor");
    const html = await draw(planId, world.people.contributorA);
    expect(messageOf(html)).toMatch(/The plan has no actions yet\. Add the first with Add action, add a barrier from the shared register's progress or a shared evidence item to it, or import actions from CSV or Excel\./);
    expect(html).toMatch(/<a[^>]*href="\/register\/progress"[^>]*>shared register&#x27;s progress<\/a>/);
    expect(html).toMatch(/<a[^>]*href="\/evidence"[^>]*>shared evidence item<\/a>/);
    expect(html).toMatch(new RegExp(`<a[^>]*href="/plans/${planId}/import"[^>]*>import actions from CSV or Excel</a>`));
  });

  it("tells a viewer who can add actions, with nothing to follow", async () => {
    const planId = await emptyPlan("Empty plan, for a viewer");
    const html = await draw(planId, world.people.viewerA);
    expect(messageOf(html)).toMatch(/The plan has no actions yet\. Equality leads and contributors in .+ can add them\./);
    expect(html).not.toMatch(/href="\/register\/progress"/);
    expect(html).not.toContain(`/plans/${planId}/import`);
  });

  it("offers nothing to add to an archived plan, which cannot change", async () => {
    const planId = await emptyPlan("Empty plan, archived");
    await setPlanArchived(database, world.actors.leadA, planId, true);
    const html = await draw(planId, world.people.leadA);
    expect(messageOf(html)).toMatch(/^\s*Information: The plan has no actions\.\s*$/);
    expect(html).not.toMatch(/<table/);
  });
});
