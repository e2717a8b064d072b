import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { loadEnv } from "../env";
import { describeSetup, parseSetupArgs, SETUP_USAGE, setupCollaborative, SetupRefused } from "./setup-collaborative";

/**
 * Creates a real deployment's first collaborative, organisation and admin (see
 * setup-collaborative.ts). Exit codes: 1 bad arguments, 2 refused; nothing is created either way.
 * Like db:seed, never run it against a PGlite directory a running server holds: PGlite does not
 * lock it.
 */
const parsed = parseSetupArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error([...parsed.problems.map((p) => `- ${p}`), "Nothing was created.", SETUP_USAGE].join("\n"));
  process.exitCode = 1;
} else {
  const env = loadEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, max: 1 });
  try {
    await migrateDatabase(database, env.DATABASE_URL);
    const result = await setupCollaborative(database, env.PUBLIC_URL ?? `http://localhost:${env.PORT}`, parsed.input);
    console.log(`In ${database.location}:`);
    console.log(describeSetup(parsed.input, result));
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}
