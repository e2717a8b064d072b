import { performance } from "node:perf_hooks";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { collaborativeCounts, describeDemoSignIns, seedDemo } from "../db/seed/demo";
import { hashPassword } from "../app/domain/auth/crypto.server";
import { encodeRegister } from "../app/lib/register/model";
import { demoPlanTools } from "../app/domain/plans/demo-plan-tools.server";
import { appConfigFrom, collabOptionsFrom, loadEnv } from "./env";
import { createPeffServer } from "./app";
import { log } from "./log";
import { startHousekeeping } from "./housekeeping";

const started = performance.now();
const env = loadEnv();
const mode = env.NODE_ENV === "production" ? "production" : "development";

const database = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  pgliteDir: env.PGLITE_DIR,
  sharedBuffers: env.PGLITE_SHARED_BUFFERS,
  max: env.DB_POOL_MAX,
});
log.info(`database: ${database.kind} (${database.location})`);
await migrateDatabase(database, env.DATABASE_URL);

let seeded = false;
const counts = await collaborativeCounts(database);
if (env.PEFF_DEMO === "auto" && counts.demo + counts.real === 0) {
  await seedDemo(database, { hashPassword, encodeRegister, plans: demoPlanTools });
  seeded = true;
}

const config = appConfigFrom(env, env.PORT);
const server = await createPeffServer({ database, config, mode, trustProxy: env.TRUST_PROXY, collab: collabOptionsFrom(env) });
server.httpServer.listen(env.PORT, env.HOST, () => {
  const address = server.httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  // With PORT=0 the real port is known only now; nothing has been served yet, so update in place.
  Object.assign(config, appConfigFrom(env, port));
  const url = config.publicUrl;
  if (seeded || counts.demo > 0) log.info(describeDemoSignIns(url));
  log.info(`PEFF (${mode}) listening on ${url} — ready in ${Math.round(performance.now() - started)} ms`);
});

const stopHousekeeping = startHousekeeping(database);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: shutting down`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  stopHousekeeping();
  await server.close();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
