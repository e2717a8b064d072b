import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { contextKey } from "../../app/domain/auth/actor";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { createPlan } from "../../app/domain/plans/create-plan.server";
import { openPlan } from "../../app/domain/plans/open-plan.server";
import { pageAfterSwitch } from "../../app/lib/page-after-switch";
import { action } from "../../app/routes/switch-organisation";
import { openTestDatabase } from "../support/db";
import { cookieHeader, testConfig } from "../support/config";
import { actorFor, createUser, createWorld, TEST_PASSWORD, type TestUser, type World } from "../support/factories";

let database: Database;
let world: World;
let both: TestUser;
let leadThenContributor: TestUser;
const config = testConfig();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  both = await createUser(database, [
    [world.orgs.a, "equality_lead"],
    [world.orgs.a2, "equality_lead"],
  ]);
  leadThenContributor = await createUser(database, [
    [world.orgs.a, "equality_lead"],
    [world.orgs.a2, "contributor"],
  ]);
});
afterAll(async () => {
  await database?.close();
});

/** Where the switch sends the browser (the redirect's Location). */
async function switchTo(orgId: string, redirectTo: string, who: TestUser = both): Promise<string | null> {
  const signedIn = await signIn(database, config, { email: who.email, password: TEST_PASSWORD, address: null });
  if (!signedIn.ok) throw new Error("sign-in failed");
  const target = await actorFor(database, who, orgId);
  const request = new Request("http://localhost:3000/switch-organisation", {
    method: "POST",
    headers: { cookie: cookieHeader(signedIn.setCookie), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ context: contextKey(target.active), redirectTo }),
  });
  try {
    await action({ request, context: { database, config } as unknown as AppLoadContext, params: {} } as never);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 302) return thrown.headers.get("Location");
    throw thrown;
  }
  throw new Error("expected a redirect");
}

describe("switching organisation", () => {
  it("from a plan's page goes to the plans list, not to a page the other organisation cannot open", async () => {
    const inA = await actorFor(database, both, world.orgs.a);
    const { id: planId } = await createPlan(database, inA, { kind: "equality_objectives", title: "A's plan", periodStart: "2024-04-01", periodEnd: "2028-03-31", objectives: [] });
    // The plan is A's: acting for A2 it is not there ("not found").
    expect(await openPlan(database, await actorFor(database, both, world.orgs.a2), planId)).toBeNull();
    expect(await switchTo(world.orgs.a2, `/plans/${planId}`)).toBe("/plans");
  });

  it("stays on a page every organisation has, with its search", async () => {
    expect(await switchTo(world.orgs.a, "/evidence?q=interpreters&page=2")).toBe("/evidence?q=interpreters&page=2");
    expect(await switchTo(world.orgs.a, "/register/progress")).toBe("/register/progress");
  });

  it("leaves any page about one record for its list", () => {
    const id = "0b6f4c1e-3f7a-4d8e-9c2b-5a1d2e3f4a5b";
    expect(pageAfterSwitch(`/plans/${id}/settings`)).toBe("/plans");
    expect(pageAfterSwitch(`/grading/${id}/grade?slot=1A`)).toBe("/grading");
    expect(pageAfterSwitch(`/evidence/sources/${id}/edit`)).toBe("/evidence/sources");
    expect(pageAfterSwitch(`/organisations/${id}/leave`)).toBe("/");
    expect(pageAfterSwitch("/plans/pull?source=register:" + id)).toBe("/plans/pull?source=register:" + id);
  });

  it("leaves a page the role in the other organisation may not open (Members, as a contributor there) for one it may", async () => {
    expect(await switchTo(world.orgs.a2, "/members", leadThenContributor)).toBe("/");
    expect(await switchTo(world.orgs.a2, "/members/invite", leadThenContributor)).toBe("/");
    expect(await switchTo(world.orgs.a2, "/grading/new", leadThenContributor)).toBe("/grading");
    // What a contributor may open stays as it was; an equality lead keeps Members.
    expect(await switchTo(world.orgs.a2, "/evidence/new", leadThenContributor)).toBe("/evidence/new");
    expect(await switchTo(world.orgs.a, "/members", leadThenContributor)).toBe("/members");
    expect(await switchTo(world.orgs.a2, "/members", both)).toBe("/members");
  });

  it("sends a record's page to its list only if the role there may open the list", () => {
    const id = "0b6f4c1e-3f7a-4d8e-9c2b-5a1d2e3f4a5b";
    const as = (role: "contributor" | "viewer" | "equality_lead") => ({ userId: id, orgId: id, collaborativeId: id, role });
    expect(pageAfterSwitch(`/members/${id}/remove`, as("contributor"))).toBe("/");
    expect(pageAfterSwitch(`/members/${id}/remove`, as("equality_lead"))).toBe("/members");
    expect(pageAfterSwitch("/plans/new", as("viewer"))).toBe("/plans");
    expect(pageAfterSwitch("/evidence/import", as("viewer"))).toBe("/evidence");
    expect(pageAfterSwitch("/register/legend", as("equality_lead"))).toBe("/register");
    expect(pageAfterSwitch("/evidence?q=new", as("viewer"))).toBe("/evidence?q=new");
  });
});
