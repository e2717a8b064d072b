/** Plain, timestamped lines on stdout/stderr: what an operator reads first. */
const stamp = () => new Date().toISOString();
export const log = {
  info: (message: string) => console.log(`${stamp()} ${message}`),
  warn: (message: string) => console.warn(`${stamp()} WARN ${message}`),
  error: (message: string, error?: unknown) =>
    console.error(`${stamp()} ERROR ${message}${error ? `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` : ""}`),
};
