import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import type { AppConfig } from "../../app/lib/config";
import { action as signInAction } from "../../app/routes/sign-in";
import { openTestDatabase } from "../support/db";
import { createCollaborative, createOrganisation, createUser, TEST_PASSWORD, type TestUser } from "../support/factories";
import { testConfig } from "../support/config";

/** The sign-in page gives the browser a device cookie, and reads it back at the next sign-in. */
let database: Database;
let user: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  user = await createUser(database, [[await createOrganisation(database, await createCollaborative(database)), "equality_lead"]]);
});
afterAll(() => database?.close());

async function postSignIn(config: AppConfig, password: string, cookie?: string, clientAddress = "10.60.0.1"): Promise<Response> {
  const body = new URLSearchParams({ email: user.email, password, redirectTo: "/" });
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (cookie) headers.cookie = cookie;
  const request = new Request("http://localhost:3000/sign-in", { method: "POST", headers, body });
  const answer = await signInAction({ request, context: { database, config, clientAddress } as unknown as AppLoadContext, params: {} }).catch((thrown: unknown) => thrown);
  if (answer instanceof Response) return answer;
  const data = answer as { data: unknown; init: { status?: number } | null };
  return new Response(JSON.stringify(data.data), { status: data.init?.status ?? 200 });
}

const deviceCookieIn = (response: Response, name: string) => response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));

describe("the sign-in page's device cookie", () => {
  it("is set on a successful sign-in: httpOnly, SameSite=Lax, for the whole site, for 180 days", async () => {
    const response = await postSignIn(testConfig(), TEST_PASSWORD);
    expect(response.status).toBe(302);
    const device = deviceCookieIn(response, "peff_device")!;
    expect(device).toMatch(/^peff_device=[A-Za-z0-9_-]{43};/);
    expect(device).toMatch(/; HttpOnly/);
    expect(device).toMatch(/; SameSite=Lax/);
    expect(device).toMatch(/; Path=\//);
    expect(device).toMatch(/; Max-Age=15552000/);
    expect(device).not.toMatch(/Secure/);
    // The session cookie is still set alongside it.
    expect(response.headers.getSetCookie().some((c) => c.startsWith("peff_session="))).toBe(true);
  });

  it("is Secure, with the __Host- prefix, over https", async () => {
    const response = await postSignIn(testConfig({ secureCookies: true }), TEST_PASSWORD);
    expect(deviceCookieIn(response, "__Host-peff_device")).toMatch(/; Secure/);
  });

  it("is not set when the password is wrong", async () => {
    const response = await postSignIn(testConfig(), "wrong", undefined, "10.60.0.2");
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("lets the browser that has it sign in while the account is locked for everyone else", async () => {
    const config = testConfig();
    const device = deviceCookieIn(await postSignIn(config, TEST_PASSWORD), "peff_device")!.split(";")[0]!;
    for (let i = 0; i < 5; i++) expect((await postSignIn(config, `guess-${i}`, undefined, `10.61.0.${i}`)).status).toBe(401);
    expect((await postSignIn(config, TEST_PASSWORD, undefined, "10.61.1.1")).status).toBe(429);
    const trusted = await postSignIn(config, TEST_PASSWORD, `peff_session=stale; ${device}`, "10.61.1.1");
    expect(trusted.status).toBe(302);
    expect(deviceCookieIn(trusted, "peff_device")).not.toContain(device);
  });
});
