import { makeOperatorLink } from "./operator-link";
import { runOperatorCommand } from "./operator-command";
import { readOptions } from "./options";

/**
 * A new one-time password link for a collaborative admin (see operator-link.ts). Exit codes: 1 bad
 * arguments, 2 refused. Like peff:setup, never run it against a PGlite directory a running server
 * holds.
 */
const USAGE = 'Usage: npm run peff:admin-link -- --email <email of a collaborative admin>';
const read = readOptions(process.argv.slice(2), ["email"]);
const email = read.ok ? read.values.email?.trim() : undefined;
if (!email) {
  console.error(`${read.ok ? "Give the admin's email (--email)." : read.problem}\n${USAGE}`);
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
