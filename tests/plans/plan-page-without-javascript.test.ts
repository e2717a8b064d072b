import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../db/client";
import { registerRows } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { tenantOf } from "../../app/domain/auth/actor";
import { setPlanArchived } from "../../app/domain/plans/archive-plan.server";
import { changePlanDocument } from "../../app/domain/plans/change-plan-document.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { pullIntoPlan } from "../../app/domain/plans/pull-into-plan.server";
import { appendActions } from "../../app/lib/plan/model";
import type * as hydratedModule from "../../app/lib/use-hydrated";
import * as planPage from "../../app/routes/plans.$planId._index";
import { openTestDatabase } from "../support/db";
import { createWorld, type TestUser, type World } from "../support/factories";
import { renderRoute } from "../support/render-route";
import { callRoute } from "../support/routes";

// The page as drawn once its JavaScript runs (hydrated), for the test that nothing changed then;
// otherwise the real hook, which is false on the server.
const hydration = vi.hoisted(() => ({ forced: false }));
vi.mock("../../app/lib/use-hydrated", async (importOriginal) => {
  const real = await importOriginal<typeof hydratedModule>();
  return { useHydrated: () => (hydration.forced ? true : real.useHydrated()) };
});

let database: Database;
let world: World;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(async () => {
  await database?.close();
});

async function planWithAnAction(title: string) {
  const { id } = await createPlan(database, world.actors.leadA, {
    kind: "equality_objectives", title, periodStart: "2024-04-01", periodEnd: "2099-03-31", objectives: [{ number: 1, text: "To be fair" }],
  });
  await withTenant(database, tenantOf(world.actors.leadA), (tx) =>
    changePlanDocument(tx, { planId: id, collaborativeId: world.collaboratives.x, orgId: world.orgs.a }, world.people.leadA.id, (doc) =>
      appendActions(doc, [{ action: "Offer BSL interpreters at every outpatient clinic" }]),
    ),
  );
  return id;
}

/** The plan page as the server draws it: all a browser without JavaScript shows (hydrated when `hydration.forced`). */
async function drawPlanPage(planId: string, user: TestUser) {
  const answer = await callRoute(database, planPage.loader, user, `/plans/${planId}`, { params: { planId } });
  expect(answer.status).toBe(200);
  return renderRoute(planPage.default, "/plans/:planId", `/plans/${planId}`, { loader: answer.body });
}

/** What is inside the page's <noscript> (shown only when scripts are off). */
function noscriptOf(html: string): string {
  const found = /<noscript>([\s\S]*?)<\/noscript>/.exec(html);
  expect(found, "the page has a <noscript> message").not.toBeNull();
  return found![1]!;
}

describe("the plan page without JavaScript", () => {
  it("shows the actions as last saved, says what can be done instead, and shows no live-only text or controls", async () => {
    const planId = await planWithAnAction("Plan read without JavaScript");
    const html = await drawPlanPage(planId, world.people.leadA);

    // The saved actions and the legend are there.
    expect(html).toContain("Offer BSL interpreters at every outpatient clinic");
    expect(html).toContain("Status legend");

    // Nothing promises a connection that never comes, or controls that do nothing.
    expect(html).not.toContain("Connecting");
    expect(html).not.toContain("once connected");
    expect(html).not.toContain("Here now");
    expect(html).not.toContain("Use the arrow keys");
    expect(html).not.toMatch(/<button\b/);
    expect(html).not.toMatch(/<select\b/);

    // What to do instead, with links that work without JavaScript.
    const message = noscriptOf(html);
    expect(message).toContain("JavaScript is turned off in your browser, so the actions below are shown as last saved");
    // The same message, outside <noscript>, for a browser whose scripts never arrived.
    expect(html).toMatch(/<div class="peff-scripts-late">[\s\S]*This page(&#x27;|')s scripts have not loaded[\s\S]*the actions below are shown as last saved/);
    expect(message).toContain(`href="/plans/${planId}/import"`);
    expect(message).toContain(`href="/plans/${planId}/settings"`);
    expect(message).toContain(`href="/plans/${planId}/export?format=csv"`);
    expect(message).toContain(`href="/plans/${planId}/export?format=xlsx"`);
    expect(message).toContain(`href="/plans/${planId}/print"`);
  });

  it("offers someone who only reads the plan the downloads and the published view, not importing or settings", async () => {
    const planId = await planWithAnAction("Plan read by a viewer");
    const message = noscriptOf(await drawPlanPage(planId, world.people.viewerA));
    expect(message).toContain(`href="/plans/${planId}/print"`);
    expect(message).toContain(`href="/plans/${planId}/export?format=csv"`);
    expect(message).not.toContain(`/plans/${planId}/import`);
    expect(message).not.toContain(`/plans/${planId}/settings`);
  });

  it("offers no import into an archived plan, but its settings (to restore it)", async () => {
    const planId = await planWithAnAction("Archived plan");
    await setPlanArchived(database, world.actors.leadA, planId, true);
    const message = noscriptOf(await drawPlanPage(planId, world.people.leadA));
    expect(message).not.toContain(`/plans/${planId}/import`);
    expect(message).toContain(`href="/plans/${planId}/settings"`);
    expect(message).toContain(`href="/plans/${planId}/print"`);
  });

  it("says a pulled action's source was updated, without the button that reviews it in the live plan", async () => {
    const planId = await planWithAnAction("Plan with a pulled action");
    const rowKey = randomUUID();
    await database.db.insert(registerRows).values({
      collaborativeId: world.collaboratives.x, rowKey, position: 1, characteristics: ["disability"], barrier: "Appointment letters not accessible",
      issue: "No easy read", identifiedBy: "", evidence: [], edsOutcomes: [], psedAims: [], themes: [], leadOrganisation: "", contactRole: "", status: null, updates: [],
    });
    await pullIntoPlan(database, world.actors.leadA, planId, { kind: "register", id: rowKey });
    // Another organisation changes the shared row since.
    await database.db.update(registerRows).set({ issue: "Letters not sent in easy read or large print" }).where(eq(registerRows.rowKey, rowKey));

    const html = await drawPlanPage(planId, world.people.leadA);
    expect(html).toContain("Source updated");
    expect(html).not.toContain("Review the change");
    expect(html).not.toMatch(/<button\b/);

    // The actions are a plain table, its links in the tab order (no roving tabindex without JavaScript).
    const table = /<table\b[\s\S]*?<\/table>/.exec(html)![0];
    expect(table).not.toContain('role="grid"');
    expect(table).not.toContain("tabindex");
    expect(table).toMatch(/<a href="\/register#row-[^"]+">/);
  });

  it("with JavaScript (once the page has hydrated) still has the live plan's connection line, presence, buttons, filter and help", async () => {
    const planId = await planWithAnAction("Plan read with JavaScript");
    hydration.forced = true;
    try {
      const html = await drawPlanPage(planId, world.people.leadA);
      expect(html).toContain("Connecting…");
      expect(html).toContain("Connecting to the live plan…");
      expect(html).not.toContain("peff-scripts-late");
      expect(html).toContain("Here now");
      expect(html).toContain("Use the arrow keys");
      expect(html).toMatch(/<button[^>]*>Add action<\/button>/);
      expect(html).toMatch(/<select id="plan-filter"/);
      expect(html).toMatch(/<table [^>]*role="grid"/);
    } finally {
      hydration.forced = false;
    }
  });
});
