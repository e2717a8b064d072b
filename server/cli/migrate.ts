import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { loadEnv } from "../env";

// Never point this at a PGlite directory a running server holds: PGlite does not lock it.
const env = loadEnv();
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, max: 1 });
await migrateDatabase(database, env.DATABASE_URL);
console.log(`Migrations applied to ${database.location}`);
await database.close();
