import type { Database } from "#db/client";
import { withTenant } from "#db/tenant";
import { verifySessions } from "~/domain/auth/verify-sessions.server";
import type { AppConfig } from "~/lib/config";
import { CLOSE } from "./protocol";
import type { Room } from "./room";

/**
 * Runs every couple of seconds in every process (the database is the truth, so it works across
 * processes): a connection whose session ended is closed; one whose membership of the document's
 * collaborative is gone is closed; one whose role changed is checked again through the tenant
 * path and closed, downgraded to read-only, or (if it gained write access) closed so the client
 * reconnects with its new rights.
 */
export async function revalidateConnections(database: Database, config: AppConfig, rooms: Map<string, Room>) {
  const all = [...rooms.values()].flatMap((room) => [...room.conns.values()].map((conn) => ({ room, conn })));
  if (all.length === 0) return;
  const sessions = await verifySessions(database, config, [...new Set(all.map((x) => x.conn.sessionId))]);
  for (const { room, conn } of all) {
    const contexts = sessions.get(conn.sessionId);
    if (!contexts) {
      conn.ws.close(CLOSE.sessionEnded.code, CLOSE.sessionEnded.reason);
      continue;
    }
    const context = contexts.find((c) => c.orgId === conn.tenant.orgId && c.collaborativeId === conn.tenant.collaborativeId);
    if (!context) {
      conn.ws.close(CLOSE.accessRemoved.code, CLOSE.accessRemoved.reason);
      continue;
    }
    if (context.role === conn.role) continue;
    const access = await withTenant(database, conn.tenant, (tx) => room.name.type.access(tx, room.name.id, context));
    if (!access) conn.ws.close(CLOSE.accessRemoved.code, CLOSE.accessRemoved.reason);
    else if (conn.canWrite && !access.canWrite) room.downgrade(conn, context.role);
    else if (!conn.canWrite && access.canWrite) conn.ws.close(CLOSE.accessChanged.code, CLOSE.accessChanged.reason);
    else conn.role = context.role;
  }
}
