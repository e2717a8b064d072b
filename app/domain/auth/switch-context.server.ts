import { eq } from "drizzle-orm";
import type { Database } from "#db/client";
import { sessions } from "#db/schema";
import { type Actor, contextKey } from "./actor";

/** Makes another of the person's organisations (or collaboratives) the active one for this session. */
export async function switchActiveContext(
  database: Database,
  actor: Actor,
  key: string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const target = actor.contexts.find((c) => contextKey(c) === key);
  if (!target) return { ok: false, reason: "You are not a member of that organisation" };
  await database.db
    .update(sessions)
    .set({ activeOrgId: target.orgId, activeCollaborativeId: target.collaborativeId })
    .where(eq(sessions.id, actor.sessionId));
  return { ok: true };
}
