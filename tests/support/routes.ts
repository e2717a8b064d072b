import type { AppLoadContext } from "@remix-run/node";
import type { ComponentType } from "react";
import { expect } from "vitest";
import type { Database } from "../../db/client";
import { signIn } from "../../app/domain/auth/sign-in.server";
import { cookieHeader, testConfig } from "./config";
import { TEST_PASSWORD, type TestUser } from "./factories";
import { ErrorBoundary } from "../../app/root";
import { renderRoute, renderRouteError } from "./render-route";

/** What a route answered: its status and body (a `data()` payload, a plain return value, or a Response's text). */
export interface RouteAnswer {
  status: number;
  body: unknown;
}

const config = testConfig();

/**
 * Calls a route's loader or action as a signed-in person, the way Remix would (the server's origin
 * check aside). Redirects and `data(..., { status })` come back as answers; anything else thrown is
 * rethrown, since Remix would answer it with a 500.
 */
export async function callRoute(
  database: Database,
  fn: (args: never) => Promise<unknown>,
  user: TestUser,
  path: string,
  options: { params?: Record<string, string>; form?: Record<string, string> | URLSearchParams } = {},
): Promise<RouteAnswer> {
  const signedIn = await signIn(database, config, { email: user.email, password: TEST_PASSWORD, address: null });
  if (!signedIn.ok) throw new Error("sign-in failed");
  const headers = { cookie: cookieHeader(signedIn.setCookie) };
  const body = options.form ? new URLSearchParams(options.form) : undefined;
  const request = new Request(`http://localhost:3000${path}`, body ? { method: "POST", headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body } : { headers });
  const args = { request, context: { database, config } as unknown as AppLoadContext, params: options.params ?? {} };
  try {
    return await answerOf(await fn(args as never));
  } catch (thrown) {
    if (thrown instanceof Response || isData(thrown)) return answerOf(thrown);
    throw thrown;
  }
}

const isData = (value: unknown): value is { data: unknown; init: { status?: number } | null } => (value as { type?: string } | null)?.type === "DataWithResponseInit";

async function answerOf(value: unknown): Promise<RouteAnswer> {
  if (value instanceof Response) return { status: value.status, body: await value.text() };
  if (isData(value)) return { status: value.init?.status ?? 200, body: value.data };
  return { status: 200, body: value };
}

/**
 * A page as `user` sees it: its loader called (it must answer 200) and the page drawn from the
 * answer (`renderRoute`). `pattern` is the route's pattern when the address has a query.
 */
export async function drawPage(
  database: Database,
  route: { loader: (args: never) => Promise<unknown>; default: ComponentType },
  user: TestUser,
  url: string,
  pattern = url,
): Promise<string> {
  const answer = await callRoute(database, route.loader, user, url);
  expect(answer.status, `${url} answered ${answer.status}`).toBe(200);
  return renderRoute(route.default, pattern, url, { loader: answer.body });
}

/**
 * The page `user` gets when a route refuses them: its loader called (it must answer `status`) and
 * the root ErrorBoundary drawn from the answer.
 */
export async function drawRefusal(database: Database, route: { loader: (args: never) => Promise<unknown> }, user: TestUser, url: string, status = 403): Promise<string> {
  const answer = await callRoute(database, route.loader, user, url);
  expect(answer.status, `${url} answered ${answer.status}`).toBe(status);
  return renderRouteError(ErrorBoundary, url, answer.status, answer.body);
}
