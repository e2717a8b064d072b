import { runOperatorCommand } from "./operator-command";
import { addOrRestoreMembership, describeMembership, MEMBERSHIP_USAGE, parseMembershipArgs } from "./operator-membership";

/**
 * An existing organisation joins a collaborative, or one that left comes back (see
 * operator-membership.ts). Exit codes: 1 bad arguments, 2 refused; nothing is changed either way.
 * Like peff:setup, never run it against a PGlite directory a running server holds.
 */
const parsed = parseMembershipArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error([...parsed.problems.map((p) => `- ${p}`), "Nothing was changed.", MEMBERSHIP_USAGE].join("\n"));
  process.exitCode = 1;
} else {
  const { input } = parsed;
  await runOperatorCommand(async (database) => describeMembership(await addOrRestoreMembership(database, input)));
}
