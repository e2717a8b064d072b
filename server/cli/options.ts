import { parseArgs } from "node:util";

/**
 * An operator command's `--name value` options, every one a string. An unknown option, one given
 * without its value, or a stray positional is refused with node's message, which names it; which
 * options are required, and what they must hold, is each command's own check.
 */
export function readOptions<N extends string>(argv: string[], names: readonly N[]): { ok: true; values: Partial<Record<N, string>> } | { ok: false; problem: string } {
  try {
    const options = Object.fromEntries(names.map((name) => [name, { type: "string" as const }]));
    const { values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options });
    return { ok: true, values: values as Partial<Record<N, string>> };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}
