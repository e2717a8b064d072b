import type { PGlite } from "@electric-sql/pglite";

/**
 * How many calls hold or wait for PGlite's two locks, per instance. Every query, exec and
 * transaction of PGlite's own goes through `_runExclusiveQuery` or `_runExclusiveTransaction`;
 * counting them tells when nobody is inside the engine or waiting for it, so a short exchange can
 * run at once, synchronously, without taking the locks (see pipeline.ts). Only `close()` and
 * `dumpDataDir()` take the locks directly: the first is guarded by `ready`, the second is for
 * tests' and benchmarks' setup, never while the server runs.
 */
const holders = new WeakMap<PGlite, { count: number }>();

/** Call once, right after the instance is created and before anything else uses it. */
export function countLockUse(pglite: PGlite): void {
  const state = { count: 0 };
  holders.set(pglite, state);
  for (const method of ["_runExclusiveQuery", "_runExclusiveTransaction"] as const) {
    const original = pglite[method].bind(pglite);
    pglite[method] = <T>(fn: () => Promise<T>): Promise<T> => {
      state.count++;
      return original(fn).finally(() => state.count--);
    };
  }
}

/** True when the instance is open and nobody holds or waits for its locks. */
export function isIdle(pglite: PGlite): boolean {
  const state = holders.get(pglite);
  return state !== undefined && state.count === 0 && pglite.ready;
}
