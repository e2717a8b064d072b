import { runOperatorCommand } from "./operator-command";
import { describeSetup, parseSetupArgs, SETUP_USAGE, setupCollaborative } from "./setup-collaborative";

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
  const { input } = parsed;
  await runOperatorCommand(async (database, publicUrl) => describeSetup(input, await setupCollaborative(database, publicUrl, input)));
}
