/**
 * A collaboration server in its own process, for tests that kill it (SIGKILL) or run two of them
 * on one PostgreSQL. Database from DATABASE_URL, or PGLITE_DIR. Prints "listening <port>".
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { openDatabase } from "../../../db/client";
import { attachCollabServer } from "../../../server/collab";
import { testConfig } from "../../support/config";

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, pgliteDir: process.env.PGLITE_DIR, max: 4 });
const httpServer = http.createServer((_req, res) => {
  res.statusCode = 404;
  res.end();
});
const collab = await attachCollabServer({
  database,
  config: testConfig({ origins: [process.env.COLLAB_ORIGIN ?? "http://localhost:3000"] }),
  httpServer,
  options: { connectsPerMinute: 10_000, revalidateMs: 1_000 },
});
httpServer.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`listening ${(httpServer.address() as AddressInfo).port}`);
});
process.on("SIGTERM", async () => {
  await collab.close();
  httpServer.close();
  await database.close();
  process.exit(0);
});
