import type { IncomingMessage } from "node:http";
import type { Database } from "#db/client";
import { withTenant } from "#db/tenant";
import { tenantOf, type ActingContext } from "~/domain/auth/actor";
import { resolveActor } from "~/domain/auth/resolve-actor.server";
import type { AppConfig } from "~/lib/config";
import { parseDocumentName, type DocumentName } from "./registry";
import type { DocumentAccess } from "./types";

export const COLLAB_PREFIX = "/collab/";

export type Authorization =
  | { ok: true; document: DocumentName; access: DocumentAccess; context: ActingContext; userId: string; userName: string; sessionId: string }
  | { ok: false; status: number; reason: string };

const refuse = (status: number, reason: string): Authorization => ({ ok: false, status, reason });

/**
 * Everything decided before the WebSocket upgrade: the Origin, the session, and the right to
 * read (and to write) the document, checked through the tenant path so RLS has the last word.
 */
export async function authorizeUpgrade(database: Database, config: AppConfig, req: IncomingMessage): Promise<Authorization> {
  const origin = req.headers.origin;
  if (!origin || !config.origins.includes(origin)) return refuse(403, "Origin not allowed");

  const path = new URL(req.url ?? "/", "http://internal").pathname;
  let name: string;
  try {
    name = decodeURIComponent(path.slice(COLLAB_PREFIX.length));
  } catch {
    return refuse(400, "Bad document name");
  }
  const document = parseDocumentName(name);
  if (!document) return refuse(404, "No such document");

  const resolution = await resolveActor(database, config, req.headers.cookie ?? null);
  if (resolution.status !== "signed-in") return refuse(401, "Not signed in");
  const { actor } = resolution;

  for (const context of document.type.candidateContexts(document.id, actor.contexts, actor.active)) {
    const access = await withTenant(database, tenantOf({ userId: actor.userId, active: context }), (tx) =>
      document.type.access(tx, document.id, context),
    );
    if (access) return { ok: true, document, access, context, userId: actor.userId, userName: actor.name, sessionId: actor.sessionId };
  }
  // Not found and not allowed look the same from outside: another collaborative's document does not exist for you.
  return refuse(404, "No such document");
}

/** Per-address connection attempts in a sliding minute. */
export class AttemptLimiter {
  private attempts = new Map<string, number[]>();
  constructor(private readonly perMinute: number) {}

  allow(address: string, now = Date.now()): boolean {
    const recent = (this.attempts.get(address) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= this.perMinute) {
      this.attempts.set(address, recent);
      return false;
    }
    recent.push(now);
    this.attempts.set(address, recent);
    return true;
  }

  /** Forget addresses idle for a minute (called from the revalidation tick). */
  sweep(now = Date.now()) {
    for (const [address, times] of this.attempts) if (!times.some((t) => now - t < 60_000)) this.attempts.delete(address);
  }
}
