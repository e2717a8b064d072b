import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { registers } from "../../../db/schema";
import { startSession } from "../../../app/domain/auth/sign-in.server";
import { attachCollabServer, type CollabOptions, type CollabServer } from "../../../server/collab";
import { cookieHeader, testConfig } from "../../support/config";

export const ORIGIN = "http://localhost:3000";

export interface RunningCollab {
  serverUrl: string;
  port: number;
  collab: CollabServer;
  httpServer: http.Server;
  close(): Promise<void>;
}

/** A real HTTP server on port 0 with the collaboration server attached. */
export async function startCollab(database: Database, options: Partial<CollabOptions> = {}): Promise<RunningCollab> {
  const httpServer = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const collab = await attachCollabServer({ database, config: testConfig({ origins: [ORIGIN] }), httpServer, options: { revalidateMs: 500, ...options } });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    serverUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    collab,
    httpServer,
    async close() {
      await collab.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** A signed-in session's Cookie header for a user (a real session row, as sign-in makes). */
export async function sessionCookie(database: Database, userId: string, orgId?: string): Promise<string> {
  return cookieHeader(await startSession(database, testConfig(), userId, null, orgId));
}

export async function ensureRegister(database: Database, collaborativeId: string) {
  await database.db.insert(registers).values({ collaborativeId }).onConflictDoNothing();
  return (await database.db.select().from(registers).where(eq(registers.collaborativeId, collaborativeId)))[0]!;
}
