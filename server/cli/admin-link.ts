import { parseArgs } from "node:util";
import { makeOperatorLink } from "./operator-link";
import { runOperatorCommand } from "./operator-command";

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
  const admin = email;
  await runOperatorCommand(async (database, publicUrl) => {
    const link = await makeOperatorLink(database, publicUrl, admin);
    return [
      `Send ${link.name} <${admin}> this one-time link to choose a new password (it works once, until ${link.expiresAt.toISOString()}; any older link of theirs no longer works):`,
      `  ${link.url}`,
    ].join("\n");
  });
}
