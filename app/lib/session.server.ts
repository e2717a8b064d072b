import { redirect, type AppLoadContext } from "@remix-run/node";
import "./context";
import type { Actor } from "~/domain/auth/actor";
import { resolveActor, type Resolution } from "~/domain/auth/resolve-actor.server";
import { signOut } from "~/domain/auth/sign-out.server";
import { forbidden, refused } from "~/domain/errors";
import type { Refusal } from "./error-page";

// Loaders of one request run in parallel; resolve the session once per request.
const resolutions = new WeakMap<Request, Promise<Resolution>>();

export function resolveRequest(request: Request, context: AppLoadContext): Promise<Resolution> {
  let pending = resolutions.get(request);
  if (!pending) {
    pending = resolveActor(context.database, context.config, request.headers.get("cookie"));
    resolutions.set(request, pending);
  }
  return pending;
}

/** The signed-in person with an active organisation, or a redirect to sign in (coming back here after). */
export async function requireActor(request: Request, context: AppLoadContext): Promise<Actor> {
  const resolution = await resolveRequest(request, context);
  if (resolution.status === "signed-in") return resolution.actor;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const params = new URLSearchParams();
  if (back !== "/" && request.method === "GET") params.set("redirectTo", back);
  if (resolution.status === "no-membership") {
    // Signed in but a member of nothing (removed everywhere): end the session and say why.
    params.set("reason", "no-membership");
    const cookie = await signOut(context.database, context.config, null);
    throw redirect(`/sign-in?${params}`, { headers: { "Set-Cookie": cookie } });
  }
  if (resolution.clearCookie) params.set("reason", "expired");
  const headers = new Headers();
  if (resolution.clearCookie) headers.append("Set-Cookie", await signOut(context.database, context.config, null));
  throw redirect(`/sign-in${params.size ? `?${params}` : ""}`, { headers });
}

export async function optionalActor(request: Request, context: AppLoadContext): Promise<Actor | null> {
  const resolution = await resolveRequest(request, context);
  return resolution.status === "signed-in" ? resolution.actor : null;
}

/** A guard for pages only some roles may open; the RLS policies are the last line either way. */
export function ensure(allowed: boolean, message?: string | Refusal): asserts allowed {
  if (!allowed) throw typeof message === "object" ? refused(message) : forbidden(message);
}

/**
 * Only local paths are followed after sign-in (no open redirects). Judged as a browser reads the
 * Location header: it drops tabs and line breaks and reads "\" as "/", so "/<tab>/evil.example"
 * would be "//evil.example", another site. Any control character or backslash is refused, and
 * what is left must resolve to this service's own origin.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.includes("\\") || hasControlCharacter(to)) return fallback;
  const base = "http://peff.invalid";
  try {
    if (new URL(to, base).origin !== base) return fallback;
  } catch {
    return fallback;
  }
  return to;
}

const hasControlCharacter = (s: string) => Array.from(s).some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
