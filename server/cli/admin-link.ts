import { parseArgs } from "node:util";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { loadEnv } from "../env";
import { makeOperatorLink } from "./operator-link";
import { SetupRefused } from "./setup-collaborative";

/**
 * A new one-time password link for a collaborative admin (see operator-link.ts). Exit codes: 1 bad
 * arguments, 2 refused. Like peff:setup, never run it against a PGlite directory a running server
 * holds.
 */
const USAGE = 'Usage: npm run peff:admin-link -- --email <email of a collaborative admin>';
let email: string | undefined;
try {
  email = parseArgs({ args: process.argv.slice(2), strict: true, allowPositionals: false, options: { email: { type: "string" } } }).values.email?.trim();
  if (!email) console.error(`Give the admin's email (--email).\n${USAGE}`);
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
}
if (!email) {
  process.exitCode = 1;
} else {
  const env = loadEnv();
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, max: 1 });
  try {
    await migrateDatabase(database, env.DATABASE_URL);
    const link = await makeOperatorLink(database, env.PUBLIC_URL ?? `http://localhost:${env.PORT}`, email);
    console.log(`In ${database.location}:`);
    console.log(`Send ${link.name} <${email}> this one-time link to choose a new password (it works once, until ${link.expiresAt.toISOString()}; any older link of theirs no longer works):`);
    console.log(`  ${link.url}`);
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}
