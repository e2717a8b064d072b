import { performance } from "node:perf_hooks";

/** The p-th percentile of ascending `sorted` samples (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `fn` 3 times to warm up, then `runs` times, and prints p50, p95 and max under `label`. */
export async function measure(label: string, fn: () => Promise<unknown>, runs: number, width = 58): Promise<void> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(`  ${label.padEnd(width)} p50 ${f(percentile(times, 50))} ms   p95 ${f(percentile(times, 95))} ms   max ${f(times.at(-1)!)} ms`);
}
