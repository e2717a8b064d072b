import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createInvitation } from "../../app/domain/invitations/create-invitation.server";
import * as page from "../../app/routes/invitations.$token";
import { openTestDatabase } from "../support/db";
import { createUser, createWorld, unique, type World } from "../support/factories";
import { invitationToken, testConfig } from "../support/config";
import { renderRoute } from "../support/render-route";

let database: Database;
let world: World;
const config = testConfig();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await createWorld(database);
});
afterAll(() => database?.close());

/** The invitation page as someone who follows the link without being signed in sees it. */
async function drawInvitation(token: string): Promise<string> {
  const url = `/invitations/${token}`;
  const request = new Request(`http://localhost:3000${url}`);
  const loaderData = await page.loader({ request, context: { database, config } as unknown as AppLoadContext, params: { token } });
  return renderRoute(page.default, "/invitations/:token", url, { loader: loaderData });
}

describe("the invitation page", () => {
  it("tells someone with an account but no password to hand (a first admin before using the operator's link, or a forgotten one) how to get one, and that this link waits", async () => {
    const existing = await createUser(database);
    const invitation = await createInvitation(database, config, world.actors.adminX, { orgId: world.orgs.a2, email: existing.email, role: "viewer" });
    const html = await drawInvitation(invitationToken(invitation.url));
    expect(html).toContain("Enter its password to accept");
    expect(html).toMatch(/No password yet, or forgotten it\? Ask the equality lead of your organisation or a collaborative admin for a link to choose one/);
    expect(html).toContain("then come back to this invitation");
  });

  it("asks someone new for a name and password, without the advice meant for existing accounts", async () => {
    const invitation = await createInvitation(database, config, world.actors.adminX, { orgId: world.orgs.a2, email: `${unique("new")}@test.example`, role: "viewer" });
    const html = await drawInvitation(invitationToken(invitation.url));
    expect(html).toContain("Create a password");
    expect(html).not.toContain("No password yet");
  });
});
