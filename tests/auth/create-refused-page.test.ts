import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import * as newAssessment from "../../app/routes/grading.new";
import * as newPlan from "../../app/routes/plans.new";
import { openTestDatabase } from "../support/db";
import { createWorld, type World } from "../support/factories";
import { drawRefusal } from "../support/routes";

/**
 * /plans/new and /grading/new answered someone who may not use them (a viewer, say) with the bare
 * 403 page: a sentence and "Go to the home page". The refusal now names who can, says what this
 * person is there, and links to what they can do instead (the list they came from; an admin, to
 * inviting someone who can), on the same error page every refusal uses, still with status 403.
 */
let database: Database;
let world: World;
let orgName: string;
beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
  orgName = world.actors.leadA.active.orgName;
});
afterAll(async () => {
  await database?.close();
});

const link = (href: string, text: string) => new RegExp(`<a[^>]*href="${href}"[^>]*>${text}</a>`);

describe("creating a plan, refused", () => {
  it("tells a viewer who creates plans and links back to the plans they can read", async () => {
    const html = await drawRefusal(database, newPlan, world.people.viewerA, "/plans/new");
    expect(html).toMatch(/<h1>You do not have access to this page<\/h1>/);
    expect(html).toContain(`Only equality leads and contributors in ${orgName} create plans; you are a viewer there.`);
    expect(html).toMatch(link("/plans", `Read the plans of ${orgName}`));
    expect(html).not.toMatch(/href="\/members\/invite"/);
  });

  it("offers a collaborative admin to invite someone who can", async () => {
    const html = await drawRefusal(database, newPlan, world.people.adminX, "/plans/new");
    expect(html).toContain("you are a collaborative admin there.");
    expect(html).toMatch(link("/members/invite", "Invite an equality lead or contributor"));
  });
});

describe("starting an assessment, refused", () => {
  it("tells a viewer that the equality lead starts them and links back to the assessments", async () => {
    const html = await drawRefusal(database, newAssessment, world.people.viewerA, "/grading/new");
    expect(html).toContain(`Only the equality lead of ${orgName} starts an assessment; you are a viewer there.`);
    expect(html).toMatch(link("/grading", `See the assessments of ${orgName}`));
  });

  it("asks a contributor to ask their equality lead", async () => {
    const html = await drawRefusal(database, newAssessment, world.people.contributorA, "/grading/new");
    expect(html).toContain("you are a contributor there. Ask your equality lead to start one.");
  });

  it("offers a collaborative admin to invite an equality lead", async () => {
    const html = await drawRefusal(database, newAssessment, world.people.adminX, "/grading/new");
    expect(html).toMatch(link("/members/invite", "Invite an equality lead"));
  });
});
