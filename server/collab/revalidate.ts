import type { Database } from "#db/client";
import { withTenant } from "#db/tenant";
import type { Role } from "#db/schema";
import { verifyConnections } from "~/domain/auth/verify-sessions.server";
import type { AppConfig } from "~/lib/config";
import { CLOSE } from "./protocol";
import type { Connection, Room } from "./room";

/**
 * Connections are checked in this many turns, one per tick (`revalidateMs / REVALIDATION_SLOTS`
 * apart), so each is still checked every `revalidateMs`. On the embedded database the check runs
 * in the thread that relays edits: 1,500 connections at once held it for ~5 ms every 2 s, a
 * quarter of them holds it for a quarter of that.
 */
export const REVALIDATION_SLOTS = 4;

/**
 * Runs every couple of seconds in every process (the database is the truth, so it works across
 * processes), for the connections in `slot`: a connection whose session ended is closed; one
 * whose membership of the document's collaborative is gone is closed; one whose role changed is
 * checked again through the tenant path and closed, downgraded to read-only, or (if it gained
 * write access) closed so the client reconnects with its new rights.
 */
export async function revalidateConnections(database: Database, config: AppConfig, rooms: Map<string, Room>, slot: number) {
  const all = [...rooms.values()].flatMap((room) => [...room.conns.values()].filter((conn) => conn.revalidationSlot === slot).map((conn) => ({ room, conn })));
  if (all.length === 0) return;
  const standings = await verifyConnections(
    database,
    config,
    all.map(({ conn }) => ({ sessionId: conn.sessionId, orgId: conn.tenant.orgId, collaborativeId: conn.tenant.collaborativeId })),
  );
  for (const [i, { room, conn }] of all.entries()) {
    const { live, role } = standings[i]!;
    if (!live) {
      conn.ws.close(CLOSE.sessionEnded.code, CLOSE.sessionEnded.reason);
      continue;
    }
    if (!role) {
      conn.ws.close(CLOSE.accessRemoved.code, CLOSE.accessRemoved.reason);
      continue;
    }
    if (role !== conn.role) await recheckAccess(database, room, conn, role);
  }
}

/**
 * Asks the document again whether `conn` (now in `role`) may read and write it, and acts on the
 * answer: closed when it may no longer read, downgraded to read-only when it may no longer write,
 * closed to reconnect with its new rights when it may write again.
 */
export async function recheckAccess(database: Database, room: Room, conn: Connection, role: string) {
  const context = { orgId: conn.tenant.orgId!, collaborativeId: conn.tenant.collaborativeId!, role: role as Role };
  const access = await withTenant(database, conn.tenant, (tx) => room.name.type.access(tx, room.name.id, context));
  if (!access) conn.ws.close(CLOSE.accessRemoved.code, CLOSE.accessRemoved.reason);
  else if (conn.canWrite && !access.canWrite) room.downgrade(conn, role);
  else if (!conn.canWrite && access.canWrite) conn.ws.close(CLOSE.accessChanged.code, CLOSE.accessChanged.reason);
  else conn.role = role;
}

/** Every connection to the room, checked again (its document's access changed: a plan archived, restored or deleted). */
export async function recheckRoom(database: Database, room: Room) {
  for (const conn of [...room.conns.values()]) await recheckAccess(database, room, conn, conn.role);
}
