import { openDatabase, type Database } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { loadEnv, publicUrlOf } from "../env";
import { SetupRefused } from "./operator-link";

/**
 * What the operator's commands (peff:setup, peff:admin-link, peff:membership) share: the database the server would
 * use (DATABASE_URL or the embedded PGLITE_DIR), migrated, and the links' PUBLIC_URL; `work`
 * answers what to print. A refusal (SetupRefused) is printed and exits 2, having changed nothing.
 */
export async function runOperatorCommand(work: (database: Database, publicUrl: string) => Promise<string>): Promise<void> {
  const env = loadEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, max: 1 });
  try {
    await migrateDatabase(database, env.DATABASE_URL);
    const said = await work(database, publicUrlOf(env));
    console.log(`In ${database.location}:\n${said}`);
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}
