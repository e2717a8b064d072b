import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { safeRedirect } from "../../app/lib/session.server";
import { action as signInAction, loader as signInLoader } from "../../app/routes/sign-in";
import { openTestDatabase } from "../support/db";
import { createCollaborative, createOrganisation, createUser, TEST_PASSWORD, type TestUser } from "../support/factories";
import { testConfig } from "../support/config";

/**
 * After signing in (or when already signed in) the service follows `redirectTo` only to a page of
 * its own. Browsers drop tabs and line breaks from a URL before reading it, and read "\" as "/",
 * so "/<tab>/evil.example" is "//evil.example": another site.
 */
let database: Database;
let user: TestUser;
const config = testConfig();

beforeAll(async () => {
  database = await openTestDatabase();
  const collab = await createCollaborative(database);
  user = await createUser(database, [[await createOrganisation(database, collab), "viewer"]]);
});
afterAll(() => database?.close());

/** Where a browser would go after this Location header, from a page of the service. */
const destination = (location: string) => new URL(location, "http://localhost:3000/sign-in");

const OFFSITE = ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\t\\evil.example", "\t//evil.example", "/%09/evil.example"];

describe("redirectTo after sign-in", () => {
  it.each(OFFSITE)("never leaves the service for %j", (to) => {
    const location = safeRedirect(to);
    expect(destination(location).origin).toBe("http://localhost:3000");
  });

  it("keeps a page of the service, with its query and fragment", () => {
    expect(safeRedirect("/evidence?q=carers#results")).toBe("/evidence?q=carers#results");
    expect(safeRedirect("/plans/2024")).toBe("/plans/2024");
    expect(safeRedirect("https://evil.example/")).toBe("/");
    expect(safeRedirect(null)).toBe("/");
  });

  it("sends someone signing in with a tab-laced redirectTo home, not to another site", async () => {
    const form = new URLSearchParams({ email: user.email, password: TEST_PASSWORD, redirectTo: "/\t/evil.example/phish" });
    const request = new Request("http://localhost:3000/sign-in", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
    const response = await signInAction({ request, context: { database, config, clientAddress: null } as unknown as AppLoadContext, params: {} }).catch((thrown: unknown) => thrown);
    expect(response).toBeInstanceOf(Response);
    const location = (response as Response).headers.get("location")!;
    expect(destination(location).origin).toBe("http://localhost:3000");
    // And someone already signed in who follows such a link.
    const cookie = (response as Response).headers.get("set-cookie")!.split(";")[0]!;
    const again = new Request(`http://localhost:3000/sign-in?redirectTo=${encodeURIComponent("/\t/evil.example")}`, { headers: { cookie } });
    const answer = await signInLoader({ request: again, context: { database, config } as unknown as AppLoadContext, params: {} }).catch((thrown: unknown) => thrown);
    expect(destination((answer as Response).headers.get("location")!).origin).toBe("http://localhost:3000");
  });
});
