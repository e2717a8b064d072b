import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { resetDatabase } from "../../db/reset";
import { collaborativeCounts, describeDemoSignIns, seedDemo } from "../../db/seed/demo";
import { hashPassword } from "../../app/domain/auth/crypto.server";
import { encodeRegister } from "../../app/lib/register/model";
import { demoPlanTools } from "../../app/domain/plans/demo-plan-tools.server";
import { loadEnv, publicUrlOf } from "../env";

/**
 * Resets the database and loads the demo collaborative again. It refuses, unless --force, when
 * the database holds any collaborative that is not demo data, and whenever NODE_ENV=production.
 */
const env = loadEnv();
const force = process.argv.includes("--force");
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, max: 1 });
try {
  await migrateDatabase(database, env.DATABASE_URL);
  const counts = await collaborativeCounts(database);
  if (!force && counts.real > 0) {
    console.error(`Refusing to reseed ${database.location}: it holds ${counts.real} real (non-demo) collaborative(s). Nothing was changed.`);
    process.exitCode = 2;
  } else if (!force && env.NODE_ENV === "production" && counts.demo + counts.real > 0) {
    console.error(`Refusing to reseed a non-empty database with NODE_ENV=production. Nothing was changed. Pass --force if you really mean it.`);
    process.exitCode = 2;
  } else {
    await resetDatabase(database);
    await migrateDatabase(database, env.DATABASE_URL);
    await seedDemo(database, { hashPassword, encodeRegister, plans: demoPlanTools });
    console.log(`Reseeded ${database.location}.`);
    console.log(describeDemoSignIns(publicUrlOf(env)));
  }
} finally {
  await database.close();
}
